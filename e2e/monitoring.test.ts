import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

describe.skipIf(!hasBrowser)('a county officer follows up and exits an employer on the key monitoring list', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('永安 officer sees the list, records a visit and removes the entry with a reason', async () => {
    const page = await platform.newPage();
    await signIn(page, 'yongan');
    await page.goto('/monitoring');
    await page.getByRole('heading', { level: 1, name: '重点监控名单' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await page.getByText('永安市').count()).toBeGreaterThan(0);
    await screenshot(page, 'monitoring-list');

    await rows.first().locator('a').first().click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByText('具体情况').waitFor();
    await drawer.locator('#note').fill('上门走访，督促补缴');
    await drawer.getByRole('button', { name: '登记跟进' }).click();
    await drawer.getByText(/上门走访（yongan）：上门走访，督促补缴/).waitFor();
    await screenshot(page, 'monitoring-drawer');

    await drawer.locator('#reason').fill('已整改到位，经核实移出');
    await drawer.getByRole('button', { name: '移出重点监控' }).click();
    await drawer.getByText(/已整改到位，经核实移出/).waitFor();
  });
});
