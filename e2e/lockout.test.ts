import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

describe.skipIf(!hasBrowser)('login lockout', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('locks the account after 5 failed logins, even for the right password', async () => {
    const page = await platform.newPage();
    await page.goto('/login');
    const attempt = async (password: string) => {
      await page.locator('#login_username').fill('taining');
      await page.locator('#login_password').fill(password);
      await page.getByRole('button', { name: '登录' }).click();
    };
    for (let i = 1; i <= 4; i++) {
      await attempt(`wrong-${i}`);
      await expect.poll(() => text(page.getByRole('alert'))).toContain('用户名或密码错误');
    }
    await attempt('wrong-5');
    await expect.poll(() => text(page.getByRole('alert'))).toContain('账户已锁定');
    await attempt(DEMO_PASSWORD);
    await expect.poll(() => text(page.getByRole('alert'))).toContain('账户已锁定');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'e2e-lockout');
    await page.context().close();
  });
});
