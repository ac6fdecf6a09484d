export const LEDGER_STATUS_COLORS = {
  none: 'default',
  draft: 'gold',
  confirmed: 'green',
  superseded: 'default',
} as const;

/** The current year in Beijing time (the ledgers' year). */
export function currentYear(): number {
  return Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
}
