import type { PiiVault } from '../core/crypto/pii.js';
import type { Db } from '../core/db/index.js';

/** Demo projects' implementation, acceptance (one failed with a deduction), payments and close-out (issue 7; being written). */
export async function seedDemoDelivery(
  _db: Db,
  _pii: PiiVault | undefined,
  _seed: number,
  _today: string,
): Promise<void> {}
