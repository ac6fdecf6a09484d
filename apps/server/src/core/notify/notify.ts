import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db, Tx } from '../db/index.js';
import { appUser, emailOutbox, notification } from '../db/schema.js';

export interface Message {
  title: string;
  body: string;
  /** Where in the platform the work is, e.g. /hazards/123. */
  link?: string;
  /** Also send it by e-mail to recipients who have an address. */
  email?: boolean;
}

/**
 * Notifies users inside the caller's transaction: the in-app notice and the e-mail (outbox) are committed
 * with the change that caused them, and the e-mail is sent after commit by the outbox job.
 */
export async function notify(tx: Tx, userIds: readonly string[], message: Message): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await tx
    .insert(notification)
    .values(ids.map((userId) => ({ userId, title: message.title, body: message.body, link: message.link ?? null })));
  if (!message.email) return;
  const recipients = await tx
    .select({ email: appUser.email })
    .from(appUser)
    .where(and(inArray(appUser.id, ids), isNotNull(appUser.email), eq(appUser.disabled, false)));
  const body = message.link ? `${message.body}\n\n详情：${message.link}` : message.body;
  const rows = recipients.flatMap((r) => (r.email ? [{ toAddress: r.email, subject: message.title, body }] : []));
  if (rows.length) await tx.insert(emailOutbox).values(rows);
}

const MAX_ATTEMPTS = 5;
const CLAIM_TIMEOUT = sql`now() - interval '5 minutes'`;

/**
 * Sends queued e-mails. Rows are claimed in a short transaction (SKIP LOCKED, so two processes never take
 * the same row), sent outside it, then marked sent or released with the error for a later attempt.
 */
export async function sendPendingEmails(db: Db, transport: Transporter, from: string, batch = 50): Promise<number> {
  const claimable = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        isNull(emailOutbox.sentAt),
        lt(emailOutbox.attempts, MAX_ATTEMPTS),
        or(isNull(emailOutbox.claimedAt), lt(emailOutbox.claimedAt, CLAIM_TIMEOUT)),
      ),
    )
    .orderBy(emailOutbox.createdAt)
    .limit(batch)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(emailOutbox)
    .set({ claimedAt: new Date(), attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, claimable))
    .returning();
  let sent = 0;
  for (const mail of claimed) {
    try {
      await transport.sendMail({ from, to: mail.toAddress, subject: mail.subject, text: mail.body });
      await db.update(emailOutbox).set({ sentAt: new Date(), lastError: null }).where(eq(emailOutbox.id, mail.id));
      sent++;
    } catch (error) {
      await db
        .update(emailOutbox)
        .set({ claimedAt: null, lastError: String((error as Error).message).slice(0, 500) })
        .where(eq(emailOutbox.id, mail.id));
    }
  }
  return sent;
}
