import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExchangeField } from '@yufang/contracts';
import { AppError } from '../../core/http/errors.js';
import { detectFormat, readRows } from '../import/import.parse.js';

export const MAX_EXCHANGE_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_EXCHANGE_UPLOAD_ROWS = 50_000;

/**
 * Reads an uploaded .xlsx/.csv with the import module's parsers: the first row names the columns by the
 * field's Chinese label or its name; each later row becomes a record keyed by field name.
 */
export async function readUpload(
  body: Readable,
  fileName: string,
  fields: ExchangeField[],
): Promise<{ row: number; record: Record<string, unknown> }[]> {
  const dir = path.join(tmpdir(), 'yufang-exchange');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${randomUUID()}.upload`);
  try {
    await pipeline(body, createWriteStream(file, { mode: 0o600 }));
    const format = await detectFormat(file, fileName);
    let header: (string | null)[] | null = null;
    const rows: { row: number; record: Record<string, unknown> }[] = [];
    for await (const parsed of readRows(file, format, () => undefined)) {
      if (!header) {
        header = parsed.cells.map((c) => {
          const text = c.trim().replace(/\*$/, '');
          return fields.find((f) => f.label === text || f.name === text)?.name ?? (text ? text : null);
        });
        const missing = fields.filter((f) => f.required && !header?.includes(f.name));
        if (missing.length) {
          throw AppError.validation('file', `表头缺少必填列：${missing.map((f) => `“${f.label}”`).join('、')}`);
        }
        continue;
      }
      if (rows.length >= MAX_EXCHANGE_UPLOAD_ROWS) {
        throw AppError.validation('file', `每个文件最多 ${MAX_EXCHANGE_UPLOAD_ROWS} 行，请拆分后上传`);
      }
      const record: Record<string, unknown> = {};
      header.forEach((name, i) => {
        const value = parsed.cells[i] ?? '';
        if (name && value.trim() !== '') record[name] = value;
      });
      rows.push({ row: parsed.rowNo, record });
    }
    if (!header || rows.length === 0) throw AppError.validation('file', '文件中没有数据行');
    return rows;
  } finally {
    await rm(file, { force: true });
  }
}
