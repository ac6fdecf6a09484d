import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

describe.skipIf(!hasBrowser)('the analysis dashboard', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('shows the city which key industries are on track, drills from a county on the map to its records', async () => {
    const page = await platform.newPage();
    await signIn(page, 'cityadmin');
    await page.goto('/analysis');
    await page.getByRole('heading', { name: '工伤统计分析看板' }).waitFor();
    const summary = page.getByTestId('target-summary');
    await summary.locator('[data-status]').first().waitFor();
    const statuses = await summary
      .locator('[data-status]')
      .evaluateAll((tags) => tags.map((t) => `${t.getAttribute('data-status')} ${t.textContent}`));
    // the demo data: most key industries fall about 30%, 危险化学品 and 交通运输 do not; 大田县 and 尤溪县 rise
    expect(statuses.some((s) => s.startsWith('on_track') && s.includes('建筑施工'))).toBe(true);
    expect(statuses.some((s) => s.startsWith('at_risk') && s.includes('交通运输'))).toBe(true);
    expect(statuses.some((s) => s.startsWith('at_risk') && s.includes('大田县'))).toBe(true);
    expect(statuses.filter((s) => s.includes('县') || s.includes('区') || s.includes('永安市'))).toHaveLength(11);
    await screenshot(page, 'e2e-analysis-dashboard');

    // a click on 尤溪县 in the choropleth opens that county's recognised injuries of the dashboard's years
    const map = page.locator('[data-chart="byCounty"]');
    await map.locator('text', { hasText: '尤溪县' }).first().click();
    await page.waitForURL(/\/injuries\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('county')).toBe('350426');
    expect(url.searchParams.get('from')).toBe('2020-01-01');
    expect(url.searchParams.get('to')).toBe('2025-12-31');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await text(rows.first())).toContain('尤溪');
    await screenshot(page, 'e2e-analysis-drill-down');
    await signOut(page);

    // the county officer of 永安市 sees their own county only: in the filters, the map and the target marks
    await signIn(page, 'yongan');
    await page.goto('/analysis');
    await page.getByTestId('target-summary').locator('[data-status]').first().waitFor();
    const own = await page
      .getByTestId('target-summary')
      .locator('[data-status]')
      .evaluateAll((tags) => tags.map((t) => t.textContent ?? ''));
    expect(own.filter((s) => /县|区|市 ·/.test(s) && !s.startsWith('全市'))).toEqual([
      expect.stringContaining('永安市'),
    ]);
    expect(await page.locator('#analysisFilter_county').count()).toBe(0);
    const api = await page.request.get('/api/v1/analysis/dashboard?county=350426');
    expect(api.status()).toBe(404);
    await screenshot(page, 'e2e-analysis-county-officer');
    await page.context().close();
  });
});
