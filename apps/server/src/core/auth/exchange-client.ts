import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { exchangeToken } from '../db/schema.js';

/** The system behind a data-exchange API token (access kind `exchange-token`). */
export interface ExchangeClient {
  tokenId: string;
  name: string;
  system: string;
  unitCode: string;
  dataSets: readonly string[];
}

export const EXCHANGE_TOKEN_PREFIX = 'yfx_';

export function hashExchangeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newExchangeToken(): string {
  return `${EXCHANGE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Resolves a bearer token; null when unknown or revoked. Marks the token used. */
export async function resolveExchangeClient(db: Db, token: string): Promise<ExchangeClient | null> {
  if (!token.startsWith(EXCHANGE_TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select()
    .from(exchangeToken)
    .where(eq(exchangeToken.tokenHash, hashExchangeToken(token)));
  if (!row || row.revokedAt) return null;
  await db.update(exchangeToken).set({ lastUsedAt: new Date() }).where(eq(exchangeToken.id, row.id));
  return { tokenId: row.id, name: row.name, system: row.system, unitCode: row.unitCode, dataSets: row.dataSets };
}
