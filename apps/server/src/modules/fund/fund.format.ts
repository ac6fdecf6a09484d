/** An ISO timestamp as Beijing time, "2026-12-02 13:05". */
export function datetimeText(iso: string): string {
  return new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
}
