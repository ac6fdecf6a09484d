import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

const NAME = '三明安培职业安全服务中心';

describe.skipIf(!hasBrowser)('service organisations: public lists and a suspension', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('shows the recommended lists without login, linked from the login page', async () => {
    const page = await platform.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: '服务机构推荐名录' }).click();
    await page.getByRole('heading', { level: 1, name: '工伤预防服务机构推荐名录' }).waitFor();
    const training = page.getByTestId('public-list-training');
    await training.locator('tr.ant-table-row').first().waitFor();
    expect(await text(training)).toContain(NAME);
    expect(await training.locator('tr.ant-table-row').count()).toBeGreaterThan(3);
    await screenshot(page, 'provider/public-lists');
    await training.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await page.getByText('项目履约记录').waitFor();
    await screenshot(page, 'provider/public-profile');
  });

  it('city admin suspends an organisation and it leaves the public list', async () => {
    const page = await platform.newPage();
    await signIn(page, 'cityadmin');
    await page.goto('/providers');
    await page.getByRole('heading', { level: 1, name: '第三方服务机构' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'provider/list');
    await page.getByPlaceholder('名称或统一社会信用代码').fill('安培');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { level: 2, name: NAME }).waitFor();
    await page.getByRole('tab', { name: '信用评价' }).click();
    await page.getByRole('columnheader', { name: '扣分事项' }).waitFor();
    await screenshot(page, 'provider/profile-credit');
    await page.getByRole('tab', { name: '处理记录' }).click();
    await page.getByRole('button', { name: '暂停或禁入' }).click();
    const drawer = page.locator('.ant-drawer:visible');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const until = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await drawer.locator('#fromDate').click();
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await drawer.locator('#untilDate').click();
    await page.keyboard.type(until);
    await page.keyboard.press('Enter');
    await drawer.locator('#reason').fill('培训签到记录不实，暂停承接项目');
    await drawer.getByTestId('provider-save').click();
    await page.getByTestId('sanction-tag').waitFor();
    expect(await text(page.getByTestId('sanction-tag'))).toBe('暂停');
    await screenshot(page, 'provider/profile-suspended');

    const visitor = await platform.newPage();
    await visitor.goto('/public/providers');
    const training = visitor.getByTestId('public-list-training');
    await training.locator('tr.ant-table-row').first().waitFor();
    expect(await text(training)).not.toContain(NAME);
  });

  it('the organisation account sees its own profile', async () => {
    const page = await platform.newPage();
    await signIn(page, 'provider01');
    await page.goto('/my-provider');
    await page.getByRole('heading', { level: 2, name: NAME }).waitFor();
    await page.getByRole('tab', { name: '人员与设备' }).click();
    await screenshot(page, 'provider/my-provider');
  });
});
