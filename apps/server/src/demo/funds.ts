import type { PiiVault } from '../core/crypto/pii.js';
import type { Db } from '../core/db/index.js';

/** Demo fund years (2019 on, one deficit year) and the prevention-fee budgets (issue 7; being written). */
export async function seedDemoFunds(
  _db: Db,
  _pii: PiiVault | undefined,
  _seed: number,
  _today: string,
): Promise<void> {}
