import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

async function act(page: Page, action: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).first().click();
  const save = page.getByTestId('expert-action-save');
  try {
    await save.waitFor();
  } catch (error) {
    await screenshot(page, `expert/failed-${action}`);
    throw error;
  }
  await save.click();
  await save.waitFor({ state: 'hidden' });
}

describe.skipIf(!hasBrowser)('the bureau reviews and appoints an applied expert', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('cityadmin filters the pool, appoints an applicant and sees the timeline', async () => {
    const page = await platform.newPage();
    await signIn(page, 'cityadmin');
    await page.goto('/experts');
    await page.getByRole('heading', { level: 1, name: '工伤预防专家库' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    // terms ending within the reminder window are marked
    expect(await page.getByText('即将届满').count()).toBeGreaterThan(0);
    await screenshot(page, 'expert/list');

    await page.goto('/experts?status=applied');
    await page.locator('.ant-table-row').first().waitFor();
    const row = page.locator('.ant-table-row').first();
    const name = await text(row.locator('a').first());
    await row.locator('a').first().click();
    await page.waitForURL(/\/experts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '已申请' }).waitFor();
    expect(await text(page.getByRole('heading', { level: 1 }))).toContain(name);

    await act(page, '开始资格审查');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '资格审查中' }).waitFor();
    await act(page, '聘任');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '已聘任' }).waitFor();

    await page.getByRole('tab', { name: '聘任与考核档案' }).click();
    const timeline = page.locator('.ant-timeline');
    await timeline.waitFor();
    const events = await text(timeline);
    expect(events).toContain('提交申请');
    expect(events).toContain('开始资格审查');
    expect(events).toMatch(/聘任[\s\S]*聘期 \d{4}-\d{2}-\d{2} ~ \d{4}-\d{2}-\d{2}/);
    await screenshot(page, 'expert/profile-timeline');
    await page.getByRole('tab', { name: '资料' }).click();
    await screenshot(page, 'expert/profile');

    // the title changes through 修改资料; the ID number is not in the form, an empty mobile keeps the one on file
    await page.getByTestId('expert-edit').click();
    const title = page.locator('#expertEdit_title');
    await title.waitFor();
    expect(await page.locator('#expertEdit_idNumber').count()).toBe(0);
    await title.fill('教授级高级工程师');
    await screenshot(page, 'expert/edit');
    await page.getByTestId('expert-edit-save').click();
    await page.getByTestId('expert-edit-save').waitFor({ state: 'hidden' });
    await page
      .getByText(/· 教授级高级工程师/)
      .first()
      .waitFor();
    await page.getByRole('tab', { name: '聘任与考核档案' }).click();
    await expect.poll(() => text(page.locator('.ant-timeline'))).toContain('修改了职称');
  });

  it('county officers see the pool read-only', async () => {
    const page = await platform.newPage();
    await signIn(page, 'yongan');
    await page.goto('/experts');
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.getByRole('button', { name: '登记专家' }).count()).toBe(0);
    await page.locator('.ant-table-row a').first().click();
    await page.waitForURL(/\/experts\/[0-9a-f-]{36}$/);
    await page.getByRole('tab', { name: '资料' }).waitFor();
    for (const action of ['聘任', '解聘', '聘期考核']) {
      expect(await page.getByRole('button', { name: action, exact: true }).count()).toBe(0);
    }
  });
});
