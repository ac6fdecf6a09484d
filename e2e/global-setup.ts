import { existsSync } from 'node:fs';
// @ts-expect-error: a plain ESM script shared with npm start
import { ensureWebBuilt } from '../scripts/web-build.mjs';
import { useDemoTemplate } from './server.js';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Builds the web app and seeds the demo once for the browser journeys (they run wherever Chromium is installed);
 * each journey's server starts on a copy of that demo.
 */
export default async function setup() {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`CI 中必须运行浏览器测试，但未找到 ${CHROMIUM}`);
    console.warn(`\n⚠ 浏览器测试已跳过：未找到 ${CHROMIUM}（apt-get install -y chromium fonts-noto-cjk 后可运行）\n`);
    return;
  }
  ensureWebBuilt();
  return useDemoTemplate();
}
