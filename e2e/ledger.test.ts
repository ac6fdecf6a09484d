import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

describe.skipIf(!hasBrowser)("a county officer reviews and confirms this year's key-enterprise list", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('三元区 opens the draft, excludes one enterprise with a reason and confirms it', async () => {
    const page = await platform.newPage();
    await signIn(page, 'sanyuan');
    await page.goto('/ledgers');
    await page.getByRole('heading', { level: 1, name: '重点企业清单与台账' }).waitFor();
    // a county officer sees their own county only
    await page.getByRole('link', { name: '三元区' }).first().waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await screenshot(page, 'ledger/overview-sanyuan');
    await page.getByRole('link', { name: '三元区' }).first().click();
    await page.waitForURL(/\/ledgers\/\d{6}\/\d{4}$/);
    await page.getByRole('button', { name: '确认清单' }).waitFor();
    await screenshot(page, 'ledger/draft-sanyuan');

    await page.getByRole('button', { name: '剔除' }).first().click();
    const modal = page.locator('.ant-modal:visible');
    await modal.locator('textarea').fill('企业已停产，经核实不再从事该行业生产');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('企业已停产，经核实不再从事该行业生产').first().waitFor();

    await page.getByRole('button', { name: '确认清单' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByRole('button', { name: '调整清单' }).waitFor();
    expect(await text(page.locator('.ant-tag').filter({ hasText: '已确认' }).first())).toContain('已确认');
    await screenshot(page, 'ledger/confirmed-sanyuan');

    await page.goto('/industry-cycles');
    await page.getByRole('heading', { level: 1, name: '重点行业（五年周期）' }).waitFor();
    await page.getByText('2021-01-01').first().waitFor();
    await screenshot(page, 'ledger/cycles');
    await signOut(page);

    // the city sees every county, and its administrator the form for the next cycle
    await signIn(page, 'cityadmin');
    await page.goto('/ledgers');
    await page.getByRole('link', { name: '沙县区' }).first().waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(11);
    await screenshot(page, 'ledger/overview-city');
    await page.goto('/industry-cycles');
    await page.getByRole('button', { name: '新增下一周期' }).click();
    await page.getByPlaceholder('以逗号分隔，如 06, 08, 302').waitFor();
    await screenshot(page, 'ledger/cycle-form');
    await page.context().close();
  });
});
