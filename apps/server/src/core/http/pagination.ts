import { AppError } from './errors.js';

/** Keyset cursors: the sort key of the last row of a page, opaque to the client (base64url JSON). */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => typeof k === 'string' || typeof k === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw AppError.validation('cursor', '翻页标记无效，请从第一页重新查询');
}

/** Takes `limit + 1` rows and turns them into a page with the cursor of its last row. */
export function toPage<R, V>(rows: R[], limit: number, key: (row: R) => (string | number)[], view: (row: R) => V) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(view), nextCursor: hasMore && last ? encodeCursor(key(last)) : null };
}
