import type { PiiVault } from '../core/crypto/pii.js';
import type { Db } from '../core/db/index.js';

/** Demo calls and prevention projects from application to contract (issue 7; being written). */
export async function seedDemoProjects(
  _db: Db,
  _pii: PiiVault | undefined,
  _seed: number,
  _today: string,
): Promise<void> {}
