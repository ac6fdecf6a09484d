import pino from 'pino';
import { buildApp } from './app.js';
import { loadConfig } from './config/env.js';
import { createCore } from './core/boot.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/accounts.js';
import { ensureInitialAdmin, isSeeded, seedDemo } from './demo/seed.js';

const config = loadConfig();
const log = pino({ level: config.logLevel });

async function main() {
  const core = await createCore(config, log);
  let firstAdmin: { username: string; password: string } | null = null;
  if (config.demo) {
    if (!(await isSeeded(core.db))) {
      log.info('首次启动：正在生成三明市演示数据……');
      await seedDemo(core.db, { pii: core.pii });
    }
  } else {
    firstAdmin = await ensureInitialAdmin(core.db);
  }
  const app = await buildApp(core, { log });
  await app.listen({ port: config.port, host: config.host });
  core.scheduler.start(config.schedulerTickSeconds);

  const address = app.server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : config.port}`;
  const lines = [
    '',
    '三明市工伤预防综合管理平台 (Yufang 预防) 已启动',
    `  网址 / URL:  ${url}`,
    `  API 文档:    ${url}/api/docs`,
    `  数据库:      ${core.database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (config.demo) {
    lines.push(`  演示账户（密码均为 ${DEMO_PASSWORD}，仅用于演示数据）:`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.username.padEnd(12)} ${a.note}`);
  }
  if (firstAdmin) {
    lines.push(
      `  初始系统管理员: ${firstAdmin.username} / ${firstAdmin.password}（首次登录须修改密码，此密码只显示这一次）`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, '正在关闭服务……');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await core.scheduler.stop();
    await app.close();
    await core.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  log.fatal({ err: error }, String(error?.message ?? error));
  process.exit(1);
});
