import path from 'node:path';
import { z } from 'zod';

const Flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const Env = z.object({
  /** 0: any free port (the address is printed at start; the browser journeys use it). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL server; when unset, embedded PGlite in YUFANG_DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  YUFANG_DATA_DIR: z.string().default('data'),
  /** Seed the generated Sanming demo data on first start (default on). */
  YUFANG_DEMO: Flag.default(true),
  /** Mark session cookies Secure (set when served behind TLS). */
  COOKIE_SECURE: Flag.default(false),
  /** smtp://user:pass@host:port for e-mail notifications; unset = e-mails stay queued in the outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('三明市工伤预防平台 <noreply@yufang.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Master key for personal data (base64, 32 bytes); when unset, the key file YUFANG_KEY_FILE is used. */
  YUFANG_PII_KEY: z.string().optional(),
  /** Key file outside the database, created on first start (default: <data dir>/keys/pii.key). */
  YUFANG_KEY_FILE: z.string().optional(),
  /** Built web app to serve (default apps/web/dist). */
  YUFANG_WEB_DIST: z.string().optional(),
  /** Seconds between scheduler ticks. */
  SCHEDULER_TICK_SECONDS: z.coerce.number().int().min(1).default(15),
});

export type Config = ReturnType<typeof loadConfig>;

/** Reads the environment once at boot; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量配置有误：\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.YUFANG_DATA_DIR),
    demo: c.YUFANG_DEMO,
    cookieSecure: c.COOKIE_SECURE,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    logLevel: c.LOG_LEVEL,
    schedulerTickSeconds: c.SCHEDULER_TICK_SECONDS,
    piiKey: c.YUFANG_PII_KEY,
    keyFile: path.resolve(c.YUFANG_KEY_FILE ?? path.join(c.YUFANG_DATA_DIR, 'keys', 'pii.key')),
    webDist: c.YUFANG_WEB_DIST ? path.resolve(c.YUFANG_WEB_DIST) : null,
  };
}
