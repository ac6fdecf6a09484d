import type { Locator, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Sanming@2026';

/** Signs in through the login page and waits until the app has left it. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').click();
  await page.waitForURL(/\/login/);
}

/**
 * Chooses an option in an antd select by typing the start of its title and pressing Enter (regions show their code
 * after the name), then closes the dropdown and checks that the choice shows in the select; retried because a
 * dropdown still animating can swallow the first attempt.
 */
export async function choose(page: Page, select: Locator, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.keyboard.type(title);
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page
      .locator('.ant-select-dropdown:visible')
      .getByTitle(new RegExp(`^${escaped}`))
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    const shown = await select.locator('xpath=ancestor-or-self::*[contains(@class,"ant-select ")][1]').textContent();
    if (shown?.includes(title) || attempt === 3) return;
  }
}

/** The texts of the side menu after opening every section. */
export async function menuTexts(page: Page): Promise<string[]> {
  const menu = page.locator('.ant-layout-sider .ant-menu').first();
  await menu.waitFor();
  for (const title of await menu.locator('.ant-menu-submenu-title').all()) {
    const open = await title.evaluate((el) => el.parentElement?.classList.contains('ant-menu-submenu-open'));
    if (!open) await title.click();
  }
  await page.waitForTimeout(300);
  return (await menu.locator('.ant-menu-title-content').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

/** The text of an element, for polling assertions (Playwright's own `expect` belongs to its test runner). */
export async function text(locator: Locator): Promise<string> {
  return (await locator.textContent({ timeout: 5_000 }).catch(() => '')) ?? '';
}
