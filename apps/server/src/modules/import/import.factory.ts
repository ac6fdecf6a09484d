/** Test and benchmark data: valid identifiers and import files built in memory. */
import { IMPORT_COLUMNS, type ImportKind, idCheckChar, usccCheckChar } from '@yufang/contracts';
import ExcelJS from 'exceljs';

/** A valid USCC for a county, numbered `n` (the organisation code part carries the number). */
export function makeUscc(n: number, county = '350481'): string {
  const first17 = `9${1}${county}${String(n).padStart(9, '0')}`;
  return first17 + (usccCheckChar(first17) as string);
}

/** A valid 18-digit ID number born in 1985, numbered `n`. */
export function makeIdNumber(n: number, county = '350481'): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  const first17 = `${county}198503${day}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A CSV line with quoting where needed. */
export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map((c) => (/[",\n\r]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

export function headers(kind: ImportKind): string[] {
  return IMPORT_COLUMNS[kind].map((c) => c.header);
}

/** An employer row in template order. */
export function employerCells(n: number, county = '永安市', industry = '34', countyCode = '350481'): string[] {
  return [
    makeUscc(n, countyCode),
    `测试单位${n}有限公司`,
    county,
    industry,
    '张三',
    `示例路${n}号`,
    '私营',
    '小型',
    String(10 + (n % 90)),
    '李四',
    `1390598${String(n % 10000).padStart(4, '0')}`,
    '已参保',
  ];
}

export function csvFile(kind: ImportKind, rows: (string | number)[][], bom = true): string {
  return `${bom ? '\uFEFF' : ''}${[headers(kind), ...rows].map(csvLine).join('\r\n')}\r\n`;
}

export async function xlsxFile(kind: ImportKind, rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('数据');
  sheet.addRow(headers(kind));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
