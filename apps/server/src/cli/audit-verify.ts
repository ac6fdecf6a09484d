// npm run audit:verify — walks the audit hash chain of the configured database and reports the first broken row.
// Uses the same settings as the server (DATABASE_URL or YUFANG_DATA_DIR); stop a PGlite server first (folder lock).

import { loadConfig } from '../config/env.js';
import { verifyAuditChain } from '../core/audit/audit.js';
import { openDatabase } from '../core/db/index.js';

const config = loadConfig();
const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
try {
  const result = await verifyAuditChain(database.db);
  if (result.ok) {
    process.stdout.write(`审计日志链完整：已校验 ${result.checked} 条记录\n`);
  } else {
    process.stdout.write(
      `审计日志链断裂：第一条异常记录编号 ${result.firstBrokenId}（${result.reason}），此前 ${result.checked} 条完好\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
