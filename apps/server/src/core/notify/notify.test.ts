import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type TestEnv, testApp } from '../../../test/harness.js';
import { appUser, emailOutbox } from '../db/schema.js';
import { notify, sendPendingEmails } from './notify.js';

let env: TestEnv;
let smtp: SMTPServer;
const received: { to: string; raw: string }[] = [];
let port = 0;

beforeAll(async () => {
  env = await testApp();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await env.close();
});

async function userId(username: string): Promise<string> {
  const [row] = await env.core.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, username));
  return (row as { id: string }).id;
}

describe('notifications', () => {
  it('shows in-app notices with an unread count, and marks them read', async () => {
    const id = await userId('yongan');
    const s = await login(env.app, 'yongan');
    // the demo's own notices (welcome, monitoring entries, hazards) are there already
    const demoUnread = (await s.get('/api/v1/notifications')).json().unreadCount as number;
    expect(demoUnread).toBeGreaterThanOrEqual(1);
    await env.core.db.transaction((tx) =>
      notify(tx, [id], { title: '隐患整改即将到期', body: '请于 3 日内提交整改材料', link: '/hazards' }),
    );
    const page = (await s.get('/api/v1/notifications')).json();
    expect(page.unreadCount).toBe(demoUnread + 1);
    expect(page.items[0]).toMatchObject({ title: '隐患整改即将到期', readAt: null, link: '/hazards' });
    expect((await s.post(`/api/v1/notifications/${page.items[0].id}/read`)).statusCode).toBe(204);
    expect((await s.get('/api/v1/notifications')).json().unreadCount).toBe(demoUnread);
    const other = await login(env.app, 'sanyuan');
    expect((await other.post(`/api/v1/notifications/${page.items[1].id}/read`)).statusCode).toBe(404);
    await s.post('/api/v1/notifications/read-all');
    expect((await s.get('/api/v1/notifications?unread=true')).json().items).toEqual([]);
  });

  it('sends e-mail through SMTP after commit, once, from the outbox', async () => {
    const id = await userId('datian');
    await env.core.db.transaction((tx) =>
      notify(tx, [id], { title: '重大隐患逾期升级', body: '某企业重大隐患已逾期', email: true }),
    );
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    expect(await sendPendingEmails(env.core.db, transport, 'noreply@yufang.local')).toBe(1);
    expect(await sendPendingEmails(env.core.db, transport, 'noreply@yufang.local')).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toBe('datian@demo.yufang.local');
    const [row] = await env.core.db.select().from(emailOutbox);
    expect(row?.sentAt).not.toBeNull();
  });

  it('keeps an e-mail queued when the SMTP server is down, and sends it later', async () => {
    const id = await userId('ninghua');
    await env.core.db.transaction((tx) => notify(tx, [id], { title: '培训提醒', body: '请完成本月培训', email: true }));
    const down = nodemailer.createTransport({ host: '127.0.0.1', port: 1, secure: false, ignoreTLS: true });
    expect(await sendPendingEmails(env.core.db, down, 'noreply@yufang.local')).toBe(0);
    const up = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    expect(await sendPendingEmails(env.core.db, up, 'noreply@yufang.local')).toBe(1);
  });
});
