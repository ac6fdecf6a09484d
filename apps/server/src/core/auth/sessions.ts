import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { session } from '../db/schema.js';

export const SESSION_COOKIE = 'yf_sid';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a server-side session; the raw token goes only into the httpOnly cookie. */
export async function createSession(db: Db, userId: string, ip: string | null, userAgent: string | null) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const idHash = hashToken(token);
  await db.insert(session).values({ idHash, userId, csrfToken, ip, userAgent: userAgent?.slice(0, 300) ?? null });
  return { token, idHash, csrfToken };
}

export async function destroySession(db: Db, idHash: string): Promise<void> {
  await db.delete(session).where(eq(session.idHash, idHash));
}

export async function destroyUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(session).where(eq(session.userId, userId));
}

export async function deleteIdleSessions(db: Db, idleMinutes: number): Promise<number> {
  const cutoff = new Date(Date.now() - idleMinutes * 60_000);
  const gone = await db.delete(session).where(lt(session.lastSeenAt, cutoff)).returning({ id: session.idHash });
  return gone.length;
}
