import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signIn, signOut, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

// a real 1×1 PNG: the server checks the content, not the name
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function heading(page: Page, status: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).filter({ hasText: status }).waitFor();
}

async function confirm(page: Page, action: string, fields: Record<string, string> = {}): Promise<void> {
  await page.getByRole('button', { name: action }).first().click();
  const modal = page.locator('.ant-modal:visible');
  for (const [id, value] of Object.entries(fields)) await modal.locator(`#hazardTransition_${id}`).fill(value);
  await modal.getByRole('button', { name: action }).click();
  await modal.waitFor({ state: 'hidden' });
}

describe.skipIf(!hasBrowser)('a major hazard is recorded, rectified with evidence, verified and closed', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('应急局 records it, the employer answers with a photo, the officer closes it', async () => {
    const page = await platform.newPage();
    // the employer account's own employer (its "list" is its own record)
    await signIn(page, 'employer01');
    await page.goto('/employers');
    await page.waitForURL(/\/employers\/[0-9a-f-]{36}$/);
    const employerName = (await text(page.getByRole('heading', { level: 1 }))).replace(/演示数据/, '').trim();
    expect(employerName.length).toBeGreaterThan(2);
    await signOut(page);

    // 1. the 应急局 officer records a major hazard at that employer
    await signIn(page, 'yingji');
    await page.goto('/hazards');
    await page.getByRole('heading', { level: 1, name: '隐患治理' }).waitFor();
    await screenshot(page, 'hazard/queue-yingji');
    await page.getByRole('button', { name: '登记隐患' }).click();
    await page.waitForURL(/\/hazards\/new$/);
    await choose(page, page.locator('#hazardReport_employerId'), employerName);
    await page.getByLabel('重大隐患').check();
    await page.locator('#hazardReport_description').fill('粉碎车间除尘器停用，作业点粉尘浓度超标');
    await page.locator('#hazardReport_location').fill('粉碎车间');
    await screenshot(page, 'hazard/report-form');
    await page.getByRole('button', { name: '登记隐患' }).click();
    await page.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
    const hazardPath = new URL(page.url()).pathname;
    await heading(page, '已通知单位');
    const hazardNo = (await text(page.getByRole('heading', { level: 1 }))).split(' ')[0]?.trim() ?? '';
    expect(hazardNo).toMatch(/^YH\d{12}$/);
    expect(await text(page.locator('.ant-descriptions'))).toContain('剩 90 天');
    await signOut(page);

    // 2. the employer sees it in its queue, acknowledges, uploads a photo and submits
    await signIn(page, 'employer01');
    await page.goto('/hazards');
    await page.getByRole('link', { name: hazardNo }).waitFor();
    await screenshot(page, 'hazard/queue-employer');
    await page.getByRole('link', { name: hazardNo }).click();
    await heading(page, '已通知单位');
    await screenshot(page, 'hazard/detail-employer-notified');
    await confirm(page, '签收并开始整改', { responsiblePerson: '王建国', plan: '检修除尘器并加装湿式作业装置' });
    await heading(page, '整改中');
    await page.locator('input[type=file]').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('evidence').first().waitFor();
    await page.locator('[data-testid=evidence] img').first().waitFor();
    await confirm(page, '提交整改材料', { note: '除尘器已修复并试运行，粉尘浓度复测合格' });
    await heading(page, '待核查销号');
    await screenshot(page, 'hazard/detail-employer-submitted');
    await signOut(page);

    // 3. the officer verifies and closes it (销号); the timeline shows every step
    await signIn(page, 'yingji');
    await page.goto(hazardPath);
    await heading(page, '待核查销号');
    await confirm(page, '核查通过，销号', { note: '现场复核合格' });
    await heading(page, '已销号');
    const timeline = await page.getByTestId('hazard-event-action').allInnerTexts();
    expect(timeline.map((line) => line.trim())).toEqual([
      '登记',
      '下达整改通知',
      '签收并开始整改',
      '上传材料',
      '提交整改材料',
      '核查通过，销号',
    ]);
    await screenshot(page, 'hazard/detail-closed');
    await signOut(page);

    // 4. the county officer of 永安 sees only the county's hazards, overdue ones in red, and an escalated one's timeline
    await signIn(page, 'yongan');
    await page.goto('/hazards?overdue=true');
    await page.locator('[data-due=overdue]').first().waitFor();
    expect(await page.locator('[data-due=due_soon]').count()).toBe(0);
    // one county only: no county column, no county filter, no per-county map
    expect(await page.locator('#hazardFilter_countyCode').count()).toBe(0);
    const employers = await page.locator('.ant-table-row td:nth-child(2)').allInnerTexts();
    expect(employers.every((name) => name.startsWith('永安'))).toBe(true);
    await screenshot(page, 'hazard/queue-county-overdue');
    await page.locator('.ant-table-tbody a').first().click();
    await page.getByTestId('hazard-event-action').filter({ hasText: '督办' }).first().waitFor();
    await screenshot(page, 'hazard/detail-escalated');
  });
});
