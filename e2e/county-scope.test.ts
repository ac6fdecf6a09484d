import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signIn, signOut } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

describe.skipIf(!hasBrowser)('an administrator creates a county officer', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('who must change the initial password and then sees only their own county', async () => {
    const page = await platform.newPage();
    await signIn(page, 'sysadmin');
    await page.goto('/system/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const drawer = page.getByRole('dialog', { name: '新建用户' });
    await drawer.locator('#user_username').fill('mingxi.wang');
    await drawer.locator('#user_displayName').fill('王明溪');
    await choose(page, drawer.locator('#user_regionCode'), '明溪县');
    await choose(page, drawer.locator('#user_roles'), '县（市、区）人社经办人员');
    await choose(page, drawer.getByTestId('scope-region'), '明溪县');
    await screenshot(page, 'e2e-create-county-officer');
    await drawer.getByRole('button', { name: '保存' }).click();
    const initialPassword = (await page.getByTestId('initial-password').textContent())?.trim() ?? '';
    expect(initialPassword).toHaveLength(12);
    await screenshot(page, 'e2e-initial-password');
    await page.getByRole('dialog').getByRole('button').last().click();
    await signOut(page);

    await signIn(page, 'mingxi.wang', initialPassword);
    await page.waitForURL(/\/change-password/);
    await page.locator('#changePassword_currentPassword').fill(initialPassword);
    await page.locator('#changePassword_newPassword').fill('Mingxi#2026ok');
    await page.locator('#changePassword_confirmPassword').fill('Mingxi#2026ok');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('您好，王明溪').waitFor();

    await page.goto('/system/users');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const regions = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(4)').allInnerTexts();
    expect(regions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(regions.map((r) => r.trim()))).toEqual(new Set(['明溪县']));
    await screenshot(page, 'e2e-county-officer-users');

    // Editing the address or calling the API directly does not reach another county either.
    const all = await page.request.get('/api/v1/users?q=youxi');
    expect((await all.json()).items).toEqual([]);
    const regionsSeen = (await (await page.request.get('/api/v1/org/regions')).json()).map(
      (r: { name: string }) => r.name,
    );
    expect(regionsSeen).toEqual(['福建省', '三明市', '明溪县']);
    await page.context().close();
  });
});
