import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../apps/server/src/modules/import/import.factory.js';
import { signIn, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

const HEADER = '隐患编号,发现日期,用人单位统一社会信用代码,县（市、区）,隐患级别,隐患描述,是否已整改';
const USCC = makeUscc(880_001, '350481');

async function sheetRows(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

async function openHazards(page: Page) {
  await page.goto('/exchange/catalogue');
  await page.getByRole('button', { name: /安全隐患/ }).click();
  await page.locator('.ant-drawer').getByText('市应急局').first().waitFor();
}

async function resultStatus(page: Page): Promise<string> {
  const result = page.getByTestId('dataset-load-result');
  await result.waitFor({ timeout: 30_000 });
  return (await result.getAttribute('data-status')) ?? '';
}

describe.skipIf(!hasBrowser)('a member-unit officer uploads a data set in the browser', () => {
  let platform: Platform;
  let dir: string;
  beforeAll(async () => {
    platform = await startPlatform();
    dir = await mkdtemp(path.join(os.tmpdir(), 'yufang-e2e-exchange-'));
  });
  afterAll(async () => {
    await platform?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('downloads the template, sees row errors in Chinese, loads the fixed file and finds it in the history', async () => {
    const bad = path.join(dir, '隐患-有错.csv');
    const good = path.join(dir, '隐患.csv');
    await writeFile(
      bad,
      [
        HEADER,
        `E2E-H1,2026-03-01,${USCC},永安市,重大隐患,配电箱未接地,否`,
        `E2E-H2,2026-02-30,${USCC},永安市,特大隐患,叉车超速,否`,
      ].join('\n'),
    );
    await writeFile(
      good,
      [
        HEADER,
        `E2E-H1,2026-03-01,${USCC},永安市,重大隐患,配电箱未接地,否`,
        `E2E-H2,2026-02-28,${USCC},永安市,一般隐患,叉车超速,是`,
      ].join('\n'),
    );

    const page = await platform.newPage();
    await signIn(page, 'yingji');
    await openHazards(page);
    await page.getByRole('tab', { name: '上传数据' }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dataset-template').click()]);
    expect(download.suggestedFilename()).toBe('安全隐患-上传模板-v1.xlsx');
    const template = path.join(dir, 'template.xlsx');
    await download.saveAs(template);
    expect((await sheetRows(template))[0]?.slice(0, 2)).toEqual(['隐患编号*', '发现日期*']);
    await screenshot(page, 'e2e-exchange-upload');

    const input = page.locator('.ant-drawer .ant-upload input[type=file]');
    await input.setInputFiles(bad);
    expect(await resultStatus(page)).toBe('rejected');
    const errors = page.getByTestId('dataset-load-errors');
    await errors.locator('tbody tr.ant-table-row').first().waitFor();
    const rows = (await errors.locator('tbody tr.ant-table-row').allInnerTexts()).map((r) =>
      r.split('\t').map((c) => c.trim()),
    );
    expect(rows).toContainEqual([
      '3',
      '发现日期',
      '第 3 行“发现日期”：应为 YYYY-MM-DD 格式的有效日期，收到“2026-02-30”',
    ]);
    expect(rows.some((r) => r[1] === '隐患级别' && r[2]?.startsWith('第 3 行“隐患级别”：“特大隐患”不在代码表中'))).toBe(
      true,
    );
    expect(await text(page.getByTestId('dataset-load-result'))).toContain('没有写入任何数据');
    await screenshot(page, 'e2e-exchange-upload-errors');

    await input.setInputFiles(good);
    await expect.poll(() => page.getByTestId('dataset-load-result').getAttribute('data-status')).toBe('succeeded');
    expect(await text(page.getByTestId('dataset-load-result'))).toContain('新增 2 条');
    await screenshot(page, 'e2e-exchange-upload-done');

    await page.getByRole('tab', { name: '加载记录' }).click();
    const history = page.locator('.ant-drawer .ant-tabs-content-active tbody tr.ant-table-row');
    await history.first().waitFor();
    const [latest, before] = await history.allInnerTexts();
    expect(latest).toContain('隐患.csv');
    expect(latest).toContain('成功');
    expect(latest).toContain('yingji');
    expect(before).toContain('隐患-有错.csv');
    expect(before).toContain('已拒绝');
    await screenshot(page, 'e2e-exchange-loads');

    await page.getByRole('tab', { name: '数据记录' }).click();
    await page.getByPlaceholder('按编号查找').fill('E2E-H');
    await page.getByPlaceholder('按编号查找').press('Enter');
    const records = page.locator('.ant-drawer .ant-tabs-content-active tbody tr.ant-table-row');
    await expect.poll(() => records.count()).toBe(2);
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dataset-records-export').click(),
    ]);
    const file = path.join(dir, 'records.xlsx');
    await exported.saveAs(file);
    const sheet = await sheetRows(file);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(['E2E-H1', 'E2E-H2']);
    expect(sheet[1]?.[4]).toBe('重大隐患');
    await screenshot(page, 'e2e-exchange-records');
    await page.context().close();
  });

  it('offers no upload to a county officer, who only reads', async () => {
    const page = await platform.newPage();
    await signIn(page, 'yongan');
    await openHazards(page);
    await page.getByRole('tab', { name: '加载记录' }).waitFor();
    expect(await page.getByRole('tab', { name: '上传数据' }).count()).toBe(0);
    await page.context().close();
  });
});
