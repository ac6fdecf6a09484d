import { checkIdNumber, checkUscc, type ExchangeField, type RowError, yuanToFen } from '@yufang/contracts';
import type { CodeItem } from './exchange.catalog.js';

export const MAX_STORED_ERRORS = 200;

export interface CleanRow {
  /** Row number as the sender sees it (1-based array position, or the spreadsheet row). */
  row: number;
  naturalKey: string;
  /** Normalised values by field name; personal fields still in clear here (the service encrypts them). */
  values: Record<string, string | number | boolean | null>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

type Check = { ok: true; value: string | number | boolean } | { ok: false; message: string };

/** Checks and normalises one value against its field; messages name the rule (the caller names the field). */
export function checkValue(field: ExchangeField, raw: unknown, codeTables: Record<string, CodeItem[]>): Check {
  if (typeof raw === 'object' && raw !== null) return { ok: false, message: '应为单个值，不能是对象或数组' };
  const text = asText(raw);
  if (text === null) return { ok: false, message: '必填' };
  switch (field.type) {
    case 'string':
      if (text.length > 2000) return { ok: false, message: '长度不能超过 2000 个字' };
      if (field.personal) {
        const id = checkIdNumber(text);
        return id.ok ? { ok: true, value: id.value } : { ok: false, message: id.reason };
      }
      return { ok: true, value: text };
    case 'integer': {
      if (!/^\d+$/.test(text)) return { ok: false, message: `应为不小于 0 的整数，收到“${text.slice(0, 20)}”` };
      const n = Number(text);
      return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, message: '数值超出范围' };
    }
    case 'date':
      return validDate(text)
        ? { ok: true, value: text }
        : { ok: false, message: `应为 YYYY-MM-DD 格式的有效日期，收到“${text.slice(0, 30)}”` };
    case 'datetime': {
      const normal = text.replace(' ', 'T');
      const date = normal.slice(0, 10);
      const ok =
        validDate(date) &&
        (normal.length === 10 || /^T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(normal.slice(10)));
      return ok
        ? { ok: true, value: normal }
        : { ok: false, message: `应为“YYYY-MM-DD HH:mm”格式的日期时间，收到“${text.slice(0, 30)}”` };
    }
    case 'boolean':
      if (['true', '是', '1', 'Y', 'y'].includes(text)) return { ok: true, value: true };
      if (['false', '否', '0', 'N', 'n'].includes(text)) return { ok: true, value: false };
      return { ok: false, message: `应为“是”或“否”，收到“${text.slice(0, 20)}”` };
    case 'code': {
      const table = codeTables[field.codeTable ?? ''] ?? [];
      const hit = table.find((c) => c.code === text || c.name === text);
      return hit
        ? { ok: true, value: hit.code }
        : {
            ok: false,
            message: `“${text.slice(0, 30)}”不在代码表中（${table
              .map((c) => c.code)
              .slice(0, 8)
              .join('、')}…）`,
          };
    }
    case 'uscc': {
      const u = checkUscc(text);
      return u.ok ? { ok: true, value: u.value } : { ok: false, message: u.reason };
    }
    case 'money_fen':
      try {
        const fen = yuanToFen(text);
        return fen < 0 ? { ok: false, message: '金额不能为负数' } : { ok: true, value: fen };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
  }
}

/**
 * Validates a whole load against a schema version: every field of every row, unknown fields, and duplicate
 * natural keys within the load. The load is all-or-nothing: any error refuses it.
 */
export function validateLoad(
  fields: ExchangeField[],
  naturalKey: string[],
  rows: { row: number; record: Record<string, unknown> }[],
  codeTables: Record<string, CodeItem[]>,
): { clean: CleanRow[]; errors: RowError[]; rejectedRows: number } {
  const known = new Set(fields.map((x) => x.name));
  const errors: RowError[] = [];
  const clean: CleanRow[] = [];
  const badRows = new Set<number>();
  const seen = new Map<string, number>();
  for (const { row, record } of rows) {
    const values: CleanRow['values'] = {};
    let rowOk = true;
    const fail = (field: string, message: string) => {
      rowOk = false;
      badRows.add(row);
      errors.push({ row, field, message });
    };
    for (const name of Object.keys(record)) {
      if (!known.has(name)) fail(name, `第 ${row} 行：未知字段“${name}”（不在数据集结构中）`);
    }
    for (const field of fields) {
      const raw = record[field.name];
      if (asText(raw) === null && (typeof raw !== 'object' || raw === null)) {
        if (field.required) fail(field.name, `第 ${row} 行“${field.label}”：必填`);
        else values[field.name] = null;
        continue;
      }
      const r = checkValue(field, raw, codeTables);
      if (r.ok) values[field.name] = r.value;
      else fail(field.name, `第 ${row} 行“${field.label}”：${r.message}`);
    }
    if (!rowOk) continue;
    const key = naturalKey.map((k) => String(values[k])).join('|');
    const first = seen.get(key);
    if (first !== undefined) {
      const labels = naturalKey.map((k) => fields.find((x) => x.name === k)?.label ?? k).join('+');
      badRows.add(row);
      errors.push({ row, field: naturalKey[0] ?? '', message: `第 ${row} 行“${labels}”：与第 ${first} 行重复` });
      continue;
    }
    seen.set(key, row);
    clean.push({ row, naturalKey: key, values });
  }
  return { clean, errors, rejectedRows: badRows.size };
}
