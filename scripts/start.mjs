// npm start: build what is not built, then run the server (it migrates, seeds demo data on first start
// and serves the web app and the API on one port).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureWebBuilt, ROOT } from './web-build.mjs';

ensureWebBuilt();
const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'apps/server/src/main.ts')], {
  cwd: ROOT,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
