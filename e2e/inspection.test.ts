import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signIn, signOut, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, `inspection/${name}`);
  await page.screenshot({ path: `/tmp/inspection-${name}.png`, fullPage: true });
}

describe.skipIf(!hasBrowser)('a county joint inspection: plan, visit, the failed item becomes a hazard', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('永安 plans it with 应急局, 应急局 records a visit, the finding is a notified hazard', async () => {
    const page = await platform.newPage();
    // 1. the county officer plans an inspection of two employers with the default checklist
    await signIn(page, 'yongan');
    await page.goto('/inspections');
    await page.getByRole('heading', { level: 1, name: '联合检查' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'list-yongan');
    await page.getByRole('button', { name: '制定检查计划' }).click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.locator('#inspectionPlan_title').fill('永安市机械加工企业冬季联合检查');
    await choose(page, drawer.locator('#inspectionPlan_regionCode'), '永安市');
    await choose(page, drawer.locator('#inspectionPlan_leadUnitCode'), '市人社局');
    await choose(page, drawer.locator('#inspectionPlan_unitCodes'), '市应急局');
    const range = drawer.locator('.ant-picker-range input');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await range.first().click();
    await range.first().fill(today);
    await range.nth(1).fill(today);
    await page.keyboard.press('Enter');
    await drawer.locator('#inspectionPlan_employerIds').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    await options.nth(0).click();
    await options.nth(1).click();
    await page.keyboard.press('Escape');
    await drawer.getByTestId('use-default-checklist').click();
    await shot(page, 'plan-form');
    await drawer.getByTestId('plan-save').click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    const planPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '已计划' }).waitFor();
    expect(await text(page.locator('.ant-descriptions'))).toContain('市人社局');
    expect(await text(page.getByTestId('plan-progress'))).toBe('0/2');
    await signOut(page);

    // 2. the 应急局 officer (a participating unit) records a visit with one failed item
    await signIn(page, 'yingji');
    await page.goto(planPath);
    await page.getByRole('button', { name: '记录检查结果' }).first().click();
    const visit = page.locator('.ant-drawer:visible');
    const item = visit.getByTestId('item-A06');
    await item.getByText('不合格').click();
    await choose(page, item.locator('[id$="_responsibleUnitCode"]'), '市应急局');
    await item.locator('[id$="_description"]').fill('打磨岗位作业人员未佩戴防尘口罩');
    await item.locator('[id$="_location"]').fill('打磨车间');
    await shot(page, 'visit-form');
    await visit.getByTestId('visit-save').click();
    await visit.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '检查中' }).waitFor();
    expect(await text(page.getByTestId('plan-progress'))).toBe('1/2');
    await shot(page, 'detail-targets');
    await page.getByRole('tab', { name: /问题与隐患/ }).click();
    const hazardLink = page
      .getByRole('tabpanel')
      .getByRole('link', { name: /^YH\d+/ })
      .first();
    await hazardLink.waitFor();
    await shot(page, 'detail-findings');
    await page.getByRole('tab', { name: '检查结果' }).click();
    await page.locator('[role=img][aria-label=各单位检查结果] svg').waitFor();
    await shot(page, 'detail-results');
    await page.getByRole('tab', { name: /问题与隐患/ }).click();
    await hazardLink.click();
    await page.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '已通知单位' }).waitFor();
    await shot(page, 'hazard');
    await signOut(page);

    // 3. 卫健委 takes no part: the plan is not found
    await signIn(page, 'weijian');
    await page.goto(planPath);
    await page.locator('.ant-alert-error').waitFor();
    await page.context().close();
  });
});
