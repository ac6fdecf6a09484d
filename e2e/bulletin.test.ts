import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

/** The acknowledged count on the tracking card, read until it is `n` (the page refetches after a reload). */
async function acknowledgedCount(page: Page): Promise<number> {
  const value = await text(page.getByTestId('ack-count').locator('.ant-statistic-content-value'));
  return Number(value.replace(/\D/g, ''));
}

describe.skipIf(!hasBrowser)('a typical case goes from a case to the public page and is acknowledged', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('drafts, reviews, publishes, shows publicly, and the employer acknowledgement raises the rate', async () => {
    // 1. a county officer drafts a de-identified bulletin from a case of the county and submits it
    const officer = await platform.newPage();
    await signIn(officer, 'yongan');
    await officer.goto('/bulletins');
    await officer.getByRole('button', { name: '起草通报' }).click();
    const picker = officer.locator('.ant-modal:visible');
    await picker.getByRole('button', { name: '起草' }).first().click();
    await officer.waitForURL(/\/bulletins\/[0-9a-f-]{36}$/);
    const bulletinPath = new URL(officer.url()).pathname;
    const id = bulletinPath.split('/').pop() as string;
    await officer.getByRole('heading', { level: 1 }).filter({ hasText: '草稿' }).waitFor();
    const title = (await officer.locator('#bulletinEdit_title').inputValue()).trim();
    expect(title).toMatch(/永安市.+典型案例$/);
    // the server refuses a phone number in the text, naming the section
    await officer.locator('#bulletinEdit_causes').fill('现场负责人电话13859812345，未落实设备防护。');
    await officer.getByRole('button', { name: '保存草稿' }).click();
    await officer.getByText('原因分析：含有疑似电话号码').first().waitFor();
    await officer.locator('#bulletinEdit_causes').fill('设备防护装置缺失，作业人员未经培训上岗。');
    await officer.locator('#bulletinEdit_lessons').fill('落实设备安全防护，开展岗前安全培训。');
    // push to every industry of the county, so that the demo employer account is among the targets
    for (const remove of await officer
      .locator('.ant-form-item')
      .filter({ hasText: '行业（GB/T 4754 大类）' })
      .locator('.ant-select-selection-item-remove')
      .all()) {
      await remove.click();
    }
    await officer.getByRole('button', { name: '保存草稿' }).click();
    await officer.getByText('已保存').first().waitFor();
    await officer.getByRole('button', { name: '提交审核' }).click();
    await officer.locator('.ant-modal:visible').getByRole('button', { name: '提交审核' }).click();
    await officer.getByRole('heading', { level: 1 }).filter({ hasText: '待审核' }).waitFor();
    await screenshot(officer, 'bulletin-submitted');
    await signOut(officer);

    // 2. the city reviewer (not the author) publishes it; nobody has acknowledged yet
    await signIn(officer, 'cityadmin');
    await officer.goto(bulletinPath);
    await officer.getByRole('button', { name: '审核发布' }).click();
    await officer.locator('.ant-modal:visible').getByRole('button', { name: '审核发布' }).click();
    await officer.getByRole('heading', { level: 1 }).filter({ hasText: '已发布' }).waitFor();
    await officer.getByTestId('ack-count').waitFor();
    expect(await acknowledgedCount(officer)).toBe(0);

    // 3. anyone reaches it from the login page, without signing in, with no personal data
    const visitor = await platform.newPage();
    await visitor.goto('/login');
    await visitor.getByRole('link', { name: '查看典型案例通报（无需登录）' }).click();
    await visitor.waitForURL(/\/public\/bulletins$/);
    await visitor.locator(`a[href="/public/bulletins/${id}"]`).click();
    await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
    const publicText = await text(visitor.locator('main, .ant-layout-content').first());
    expect(publicText).toContain('事故经过');
    expect(publicText).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
    await screenshot(visitor, 'bulletin-public');

    // 4. the employer's safety head acknowledges it
    const employer = await platform.newPage();
    await signIn(employer, 'employer01');
    await employer.goto('/bulletins');
    await employer.locator(`a[href="${bulletinPath}"]`).click();
    await employer.locator('#bulletinAck_safetyHeadName').fill('李安全');
    await employer.getByRole('button', { name: '签收' }).click();
    await employer.getByText(/本单位已于 .+ 签收（签收人：李安全）/).waitFor();

    // 5. the rate the city tracks rises
    await officer.reload();
    await officer.getByTestId('ack-count').waitFor();
    expect(await acknowledgedCount(officer)).toBe(1);
    await screenshot(officer, 'bulletin-tracking');
  });
});
