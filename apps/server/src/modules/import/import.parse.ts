import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../core/http/errors.js';

export type FileFormat = 'xlsx' | 'csv-utf8' | 'csv-gbk';

export interface ParsedRow {
  /** 1-based row number as a spreadsheet shows it (the header is row 1). */
  rowNo: number;
  cells: string[];
}

/**
 * Decides how to read an upload by its content, not only its name: an .xlsx must be a zip; a .csv must be text,
 * read as UTF-8 when every byte sequence is valid UTF-8 (strict decoding, BOM or not), otherwise as GBK.
 */
export async function detectFormat(file: string, fileName: string): Promise<FileFormat> {
  const ext = fileName.toLowerCase().split('.').pop();
  const handle = await open(file, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (ext === 'xlsx') {
    if (!isZip) throw AppError.validation('file', '文件内容不是有效的 Excel（.xlsx）工作簿');
    return 'xlsx';
  }
  if (ext !== 'csv') throw AppError.validation('file', '只支持 .xlsx 或 .csv 文件');
  if (isZip) throw AppError.validation('file', '文件内容是 Excel 工作簿，请将扩展名改为 .xlsx 或另存为 CSV');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    if (chunk.includes(0)) throw AppError.validation('file', '文件内容不是文本格式的 CSV');
    if (utf8) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  return utf8 ? 'csv-utf8' : 'csv-gbk';
}

/** Counts the bytes of the file read so far (progress = bytes / size). */
function byteCounter(onBytes: (total: number) => void) {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      total += chunk.length;
      onBytes(total);
      cb(null, chunk);
    },
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as YYYY-MM-DD, rich text and formula results as their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
    if (v.error) return v.error;
  }
  return String(value);
}

/**
 * Streams the rows of the first worksheet (or of the CSV) without holding the file in memory. Empty rows
 * are skipped but keep their numbers.
 */
export async function* readRows(
  file: string,
  format: FileFormat,
  onBytes: (bytes: number) => void,
): AsyncGenerator<ParsedRow> {
  const source = createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(byteCounter(onBytes));
  if (format === 'xlsx') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (cells.some((c) => c.trim() !== '')) yield { rowNo: row.number, cells };
      }
      break; // the first worksheet only
    }
    return;
  }
  const text = format === 'csv-gbk' ? source.pipe(iconv.decodeStream('gbk')) : source.setEncoding('utf8');
  const parser = text.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }));
  let rowNo = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNo++;
    if (record.some((c) => c.trim() !== '')) yield { rowNo, cells: record };
  }
}
