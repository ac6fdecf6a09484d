// Builds the web app when its build is missing or older than its sources (used by npm start and the e2e tests).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST_INDEX = path.join(ROOT, 'apps/web/dist/index.html');
const SOURCES = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), st.mtimeMs);
}

export function ensureWebBuilt() {
  const built = existsSync(DIST_INDEX) ? statSync(DIST_INDEX).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))));
  if (built >= changed) return;
  console.log(built ? '网页源码有更新，正在重新构建……' : '首次启动：正在构建网页（约 1 分钟）……');
  const res = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('网页构建失败');
}
