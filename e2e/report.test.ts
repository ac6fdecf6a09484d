import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { menuTexts, signIn, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

const SHOTS = path.resolve(import.meta.dirname, '..', '.screenshots', 'risk-report');

describe.skipIf(!hasBrowser)('the city admin downloads the annual report', () => {
  let platform: Platform;
  let dir: string;
  beforeAll(async () => {
    platform = await startPlatform();
    dir = await mkdtemp(path.join(os.tmpdir(), 'yufang-e2e-report-'));
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await platform?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('ranks employers by risk with their factors, then generates and downloads the Word report', async () => {
    const page = await platform.newPage();
    await signIn(page, 'cityadmin');
    const menu = await menuTexts(page);
    expect(menu).toContain('风险指数');
    expect(menu).toContain('年度分析报告');

    // the risk ranking: highest first, with factors behind each score and the monitoring proposals
    await page.goto('/analysis/risk');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 60_000 });
    const first = await text(rows.first());
    expect(first).toMatch(/^1/);
    await page.locator('.ant-table-row-expand-icon').first().click();
    await page
      .getByText(/年末未销号隐患/)
      .first()
      .waitFor();
    await screenshot(page, 'risk-report/e2e-risk-index');

    await page.goto('/analysis/report');
    await page.getByRole('heading', { name: '年度分析报告' }).waitFor();
    await screenshot(page, 'risk-report/e2e-report-page');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: /生成并下载/ }).click();
    const file = await download;
    const name = file.suggestedFilename();
    expect(name).toMatch(/^三明市\d{4}年度工伤预防分析报告\.docx$/);
    const saved = path.join(dir, name);
    await file.saveAs(saved);
    await page.getByText(`报告已生成：${name}`).waitFor();
    await page.getByRole('button', { name: /生成并下载/ }).waitFor();
    await screenshot(page, 'risk-report/e2e-report-downloaded');

    const files = unzipSync(new Uint8Array(await readFile(saved)));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    for (const heading of ['一、总体情况', '二、重点行业工伤事故发生率目标进度', '九、风险指数较高的用人单位']) {
      expect(xml).toContain(heading);
    }
    expect(xml).toContain(name.replace('.docx', ''));
    expect(Object.keys(files).some((f) => f.startsWith('word/media/') && f.endsWith('.svg'))).toBe(true);
    await page.context().close();
  });
});
