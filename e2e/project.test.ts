import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signIn, signOut, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

/** Calls the API from the signed-in page (session cookie and CSRF token), for set-up the journey does not cover. */
async function apiPut(page: Page, path: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ({ path, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(`/api/v1${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(body),
      });
      return res.status;
    },
    { path, body },
  );
}

async function pickDate(page: Page, selector: string, day: string) {
  const input = page.locator(selector);
  await input.click();
  await input.fill(day);
  await page.keyboard.press('Enter');
}

describe.skipIf(!hasBrowser)(
  'prevention projects: an association applies, the bureau reviews, approves and contracts',
  () => {
    let platform: Platform;
    beforeAll(async () => {
      platform = await startPlatform();
    });
    afterAll(() => platform?.stop());

    it('runs application → eligibility → review (代录评分) → approval → procurement → contract (80% refused, 50% signed)', async () => {
      const page = await platform.newPage();
      // the 2027 budget line, unless the fund journey made it already (entering 2026's figures computes the cap)
      await signIn(page, 'shebao');
      await apiPut(page, '/fund/years/2026', { incomeFen: 27_000_000_000, spendingFen: 23_000_000_000 });
      await apiPut(page, '/fund/budgets/2027', { budgetFen: 500_000_000 });
      await signOut(page);

      await signIn(page, 'assoc01');
      await page.goto('/project-calls');
      await page.getByRole('heading', { level: 1, name: '工伤预防项目申报指南' }).waitFor();
      await page.getByTestId('apply-2027').click();
      const drawer = page.locator('.ant-drawer:visible');
      await drawer.locator('#application_title').fill('建筑业协会会员企业一线员工工伤预防培训');
      await drawer
        .locator('#application_content')
        .fill('组织会员企业一线员工开展高处作业、临时用电和机械伤害预防培训，考核合格后发证。');
      await drawer.locator('#application_targetGroups_0_group').fill('会员企业一线员工');
      await drawer.locator('#application_targetGroups_0_count').fill('600');
      await drawer.locator('#application_schedule_0_name').fill('第一期集中培训');
      await pickDate(page, '#application_schedule_0_dueOn', '2027-06-30');
      await drawer.locator('#application_budgetLines_0_item').fill('师资、场地与教材');
      await drawer.locator('#application_budgetLines_0_amountYuan').fill('300000');
      await drawer.locator('#application_targets_0_value').fill('500');
      await screenshot(page, 'project/application');
      await drawer.getByTestId('application-save').click();
      await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
      await expect.poll(() => text(page.getByTestId('project-status'))).toBe('已申报');
      // the applicant adds a document to the application (checked by its content, not its name)
      await page
        .locator('[data-testid="application-attach"]')
        .locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]')
        .setInputFiles({ name: '实施方案.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%demo\n') });
      await page.getByRole('link', { name: '实施方案.pdf' }).waitFor();
      const url = new URL(page.url()).pathname;
      await signOut(page);

      await signIn(page, 'cityadmin');
      await page.goto(url);
      await page.getByTestId('step-eligibility').click();
      await expect.poll(() => text(page.getByTestId('project-status'))).toBe('资格审查通过');
      await page.getByRole('tab', { name: '资格审查' }).click();
      await page.getByText('行业协会可申报').waitFor();
      await page.getByTestId('step-review').click();
      await page.locator('.ant-drawer:visible').getByTestId('step-save').click();
      await expect.poll(() => text(page.getByTestId('project-status'))).toBe('专家评审中');
      await page.getByRole('tab', { name: '专家评审' }).click();
      const proxies = page.locator('[data-testid^="proxy-"]:not([data-testid="proxy-save"])');
      await proxies.first().waitFor();
      for (let i = 0, n = await proxies.count(); i < n; i++) {
        await proxies.nth(i).click();
        const modal = page.locator('.ant-modal:visible');
        for (const key of ['necessity', 'feasibility', 'budget', 'capacity']) await modal.locator(`#${key}`).fill('8');
        await modal.getByTestId('proxy-save').click();
        await modal.waitFor({ state: 'hidden' });
      }
      await screenshot(page, 'project/review');
      await page.getByTestId('panel-conclude').click();
      await page.getByText('通过 80.00').waitFor();
      await page.getByTestId('step-approve').click();
      await page.locator('.ant-drawer:visible').getByTestId('step-save').click();
      await expect.poll(() => text(page.getByTestId('project-status'))).toBe('已立项');

      await page.getByTestId('step-procurement').click();
      let step = page.locator('.ant-drawer:visible');
      await step.getByText('须采用“直接委托（小额）”或更严格的方式').waitFor();
      await choose(page, step.locator('#step-procurement_route'), '直接委托（小额）');
      await step.locator('#step-procurement_reason').fill('立项金额在限额以下，直接委托');
      await step.getByTestId('step-save').click();
      await expect.poll(() => text(page.getByTestId('project-status'))).toBe('采购中');
      await page.getByTestId('step-implementer').click();
      step = page.locator('.ant-drawer:visible');
      await choose(page, step.locator('#step-implementer_providerId'), '三明安培职业安全服务中心');
      await step.locator('#step-implementer_reason').fill('具备安全培训资质，近三年验收均合格');
      await step.getByTestId('step-save').click();
      await step.waitFor({ state: 'hidden' });
      await page.getByTestId('step-contract').click();
      step = page.locator('.ant-drawer:visible');
      await step.locator('#step-contract_contractNo').fill('SMGS-2027-A01');
      await pickDate(page, '#step-contract_signedOn', '2027-03-01');
      await pickDate(page, '#step-contract_endsOn', '2027-12-31');
      await step.locator('#step-contract_deliverable').fill('培训课时');
      await step.locator('#step-contract_quantity').fill('40');
      await step.locator('#step-contract_prepaymentPct').fill('80');
      await step.getByTestId('step-save').click();
      await step.getByText('预付款比例须在 30%–70% 之间').waitFor();
      await screenshot(page, 'project/prepayment-refused');
      await step.locator('#step-contract_prepaymentPct').fill('50');
      await step.getByTestId('step-save').click();
      await expect.poll(() => text(page.getByTestId('project-status'))).toBe('已签订服务协议');
      await page.getByRole('tab', { name: '采购与合同' }).click();
      await page.getByText('SMGS-2027-A01').waitFor();
      await page.locator('.ant-descriptions').getByText('直接委托（小额）', { exact: true }).waitFor();
      await screenshot(page, 'project/contracted');
    });
  },
);
