import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

/**
 * A cell that starts with = + - @ (or a tab / carriage return) would run as a formula in Excel (CSV/formula
 * injection): such text is prefixed with an apostrophe so it stays text.
 */
export function neutraliseCell(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export interface ExcelColumn<R> {
  header: string;
  width?: number;
  value(row: R): unknown;
}

/**
 * Streams an .xlsx to the client: rows are pulled page by page from `pages` and written as they come,
 * so a large export does not sit in memory.
 */
export function sendExcel<R>(
  reply: FastifyReply,
  filename: string,
  sheetName: string,
  columns: ExcelColumn<R>[],
  pages: AsyncIterable<R[]>,
): FastifyReply {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const rows of pages) {
      for (const row of rows) sheet.addRow(columns.map((c) => neutraliseCell(c.value(row)))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => stream.destroy(error as Error));
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(stream);
}
