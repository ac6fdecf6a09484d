import { desc } from 'drizzle-orm';
import type { Db, Tx } from '../../core/db/index.js';
import { employerHeadcount } from './employer.schema.js';

/**
 * Each employer's most recent monthly insured headcount (one row per employer), as a subquery to join: the insured
 * side of every "workforce against insured" comparison (reconciliation, key monitoring, the pneumoconiosis campaign).
 */
export function latestHeadcount(db: Db | Tx) {
  return db
    .selectDistinctOn([employerHeadcount.employerId], {
      employerId: employerHeadcount.employerId,
      month: employerHeadcount.month,
      insured: employerHeadcount.insuredCount,
    })
    .from(employerHeadcount)
    .orderBy(employerHeadcount.employerId, desc(employerHeadcount.month))
    .as('latest');
}
