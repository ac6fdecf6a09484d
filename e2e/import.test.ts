import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { riskClassOf } from '@yufang/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerCells, makeUscc, xlsxFile } from '../apps/server/src/modules/import/import.factory.js';
import { signIn, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

const ROWS = 500;
const FIRST = 870_000; // organisation numbers far from the demo employers'
const INDUSTRIES = ['06', '13', '34', '47', '48', '591', '62', '72'];

/** 500 valid rows of 永安市 employers (row n of the data is spreadsheet row n + 2). */
function goodRows(): string[][] {
  return Array.from({ length: ROWS }, (_, i) => {
    const cells = employerCells(FIRST + i, '永安市', INDUSTRIES[i % INDUSTRIES.length] as string);
    cells[1] = `永安导入旅程${FIRST + i}有限公司`;
    return cells;
  });
}

async function waitForStatus(page: Page, statuses: string[]): Promise<string> {
  const job = page.getByTestId('import-job');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = (await job.getAttribute('data-status', { timeout: 15_000 }).catch(() => null)) ?? '';
    if (statuses.includes(status)) return status;
    if (Date.now() > deadline) throw new Error(`import status stayed ${status}`);
    await page.waitForTimeout(250);
  }
}

describe.skipIf(!hasBrowser)('a county officer imports an employer workbook', () => {
  let platform: Platform;
  let dir: string;
  beforeAll(async () => {
    platform = await startPlatform();
    dir = await mkdtemp(path.join(os.tmpdir(), 'yufang-e2e-import-'));
  });
  afterAll(async () => {
    await platform?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('sees every bad row in Chinese, fixes the file, commits and finds the employers', async () => {
    const good = goodRows();
    // Four bad rows: a wrong USCC check character, another county, an unknown industry, a duplicate USCC.
    const bad = good.map((r) => [...r]);
    const uscc = bad[9]?.[0] as string;
    const wrongCheck = `${uscc.slice(0, 17)}${uscc[17] === 'A' ? 'B' : 'A'}`;
    (bad[9] as string[])[0] = wrongCheck; // spreadsheet row 11
    (bad[99] as string[])[2] = '三元区'; // row 101
    (bad[199] as string[])[3] = '99'; // row 201
    (bad[299] as string[])[0] = bad[4]?.[0] as string; // row 301 repeats row 6
    const badFile = path.join(dir, '永安用人单位-有错.xlsx');
    const goodFile = path.join(dir, '永安用人单位.xlsx');
    await writeFile(badFile, await xlsxFile('employer', bad));
    await writeFile(goodFile, await xlsxFile('employer', good));

    const page = await platform.newPage();
    await signIn(page, 'yongan');
    await page.goto('/imports/new');
    await page.getByTestId('import-kind').getByText('用人单位').click();
    await screenshot(page, 'e2e-import-wizard');
    await page.locator('.ant-upload input[type=file]').setInputFiles(badFile);
    expect(await waitForStatus(page, ['validated', 'failed'])).toBe('validated');

    const errors = page.getByTestId('import-errors');
    await errors.locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => errors.locator('tbody tr.ant-table-row').count()).toBe(4);
    const rows = (await errors.locator('tbody tr.ant-table-row').allInnerTexts()).map((r) =>
      r.split('\t').map((c) => c.trim()),
    );
    const byRow = new Map(rows.map((r) => [r[0], r]));
    expect(byRow.get('11')?.[1]).toBe('统一社会信用代码');
    expect(byRow.get('11')?.[2]).toBe(wrongCheck);
    expect(byRow.get('11')?.[3]).toBe('统一社会信用代码校验位不正确');
    expect(byRow.get('101')?.slice(1)).toEqual(['所在县区', '三元区', '不在您的管辖范围内（只能导入本县区的单位）']);
    expect(byRow.get('201')?.slice(1)).toEqual(['行业代码', '99', 'GB/T 4754-2017 中没有这个行业大类']);
    expect(byRow.get('301')?.[1]).toBe('统一社会信用代码');
    expect(byRow.get('301')?.[3]).toBe('与第 6 行重复（同一统一社会信用代码）');
    expect(await text(page.getByTestId('import-counts'))).toContain('4');
    await expect.poll(() => page.getByText('文件中有错误，未写入任何数据').count()).toBe(1);
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await screenshot(page, 'e2e-import-errors');

    // The corrected file validates cleanly and commits.
    await page.getByTestId('import-again').click();
    await page.locator('.ant-upload input[type=file]').setInputFiles(goodFile);
    expect(await waitForStatus(page, ['validated', 'failed'])).toBe('validated');
    const counts = await text(page.getByTestId('import-counts'));
    expect(counts.replace(/\s+/g, '')).toContain(`新增${ROWS}`);
    await page.getByTestId('import-commit').waitFor();
    await screenshot(page, 'e2e-import-preview');
    await page.getByTestId('import-commit').click();
    expect(await waitForStatus(page, ['committed', 'failed'])).toBe('committed');
    await page.getByText('导入成功').first().waitFor();
    await screenshot(page, 'e2e-import-committed');

    // An imported coal-mining employer (industry 06) appears in the list with its risk class.
    const target = good[8] as string[]; // industry 06 again (8 industries)
    expect(target[3]).toBe('06');
    expect(target[0]).toBe(makeUscc(FIRST + 8, '350481'));
    await page.goto('/employers');
    await page.getByPlaceholder('单位名称或统一社会信用代码').fill(target[1] as string);
    await page.getByPlaceholder('单位名称或统一社会信用代码').press('Enter');
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: target[1] as string });
    await row.waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    const rowText = await text(row);
    expect(rowText).toContain(target[0]);
    expect(rowText).toContain(`${riskClassOf('06')} 类`);
    await screenshot(page, 'e2e-import-employer-list');
    await page.context().close();
  });
});
