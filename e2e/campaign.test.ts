import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

// a real 1×1 PNG: the server checks the content, not the name
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!hasBrowser)('the pneumoconiosis campaign dashboard and a notice check', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('a county officer records a failed notice check with a photo; a unit officer sees totals only', async () => {
    const page = await platform.newPage();
    await signIn(page, 'sanyuan');
    await page.goto('/campaign');
    await page.getByRole('heading', { level: 1, name: '尘肺病重点行业工伤保险扩面' }).waitFor();
    await page.getByRole('img', { name: '各县（市、区）覆盖率' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    // the county officer's table holds her county only
    const counties = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
    expect(new Set(counties)).toEqual(new Set(['三元区']));
    await page.waitForTimeout(1500); // the charts' entry animation
    await page.screenshot({ path: '/tmp/campaign-dashboard.png', fullPage: true });
    await screenshot(page, 'campaign/dashboard-sanyuan');

    await rows.first().getByTestId('campaign-open').click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByText('参保公示检查').first().waitFor();
    await drawer.locator('#campaignCheck_current').getByLabel('否').check();
    await drawer.locator('#campaignCheck_note').fill('公示为上年度，参保人数未更新');
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '公示照片.png', mimeType: 'image/png', buffer: PNG });
    await drawer.getByRole('button', { name: '保存检查记录' }).click();
    await page.getByText('已保存：检查不合格').waitFor();
    const item = drawer.getByTestId('campaign-check').filter({ hasText: '公示为上年度' });
    await item.waitFor();
    expect(await text(item)).toContain('不合格');
    expect(await text(item)).toContain('公示照片.png');
    await page.screenshot({ path: '/tmp/campaign-drawer.png', fullPage: true });
    await screenshot(page, 'campaign/check-drawer');
    await drawer.locator('.ant-drawer-close').click();
    await signOut(page);

    await signIn(page, 'yingji');
    await page.goto('/campaign');
    await page.getByText('您只能查看全市汇总数据').waitFor();
    expect(await page.locator('.ant-table').count()).toBe(0);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: '/tmp/campaign-unit.png', fullPage: true });
    await screenshot(page, 'campaign/dashboard-yingji');
    await page.context().close();
  });
});
