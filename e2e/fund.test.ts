import { formatFen } from '@yufang/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

const thisYear = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
const next = thisYear + 1;
const DEFICIT_YEAR = 2022;

describe.skipIf(!hasBrowser)(
  'the prevention-fee cap: the agency enters a year, budgets within the cap; the public sees it',
  () => {
    let platform: Platform;
    beforeAll(async () => {
      platform = await startPlatform();
    });
    afterAll(() => platform?.stop());

    it('3% of the income after a normal year, 1% after the deficit year, a budget above the cap refused', async () => {
      const page = await platform.newPage();
      await signIn(page, 'shebao');
      await page.goto('/fund');
      await page.getByRole('heading', { level: 1, name: '工伤保险基金与工伤预防费预算' }).waitFor();
      await expect.poll(() => text(page.getByTestId(`cap-${DEFICIT_YEAR + 1}`))).toContain('（1%）');

      // this year's figures → next year's cap is 3% of the income
      await page.getByTestId('fund-enter-year').click();
      const drawer = page.locator('.ant-drawer:visible');
      await drawer.getByTestId('fund-year-income').fill('287,654,321.09');
      await drawer.getByTestId('fund-year-spending').fill('250000000');
      await drawer.getByTestId('fund-year-save').click();
      await drawer.waitFor({ state: 'hidden' });
      const capFen = Math.floor((28_765_432_109 * 3) / 100);
      await expect.poll(() => text(page.getByTestId(`cap-${next}`))).toBe(`${formatFen(capFen)}（3%）`);
      await screenshot(page, 'fund/overview');

      // the budget: one fen above the cap is refused with the cap, rate and basis; at the cap it is set
      await page.getByTestId(`set-budget-${next}`).click();
      const budget = page.locator('.ant-drawer:visible');
      expect(await text(budget.getByTestId('fund-budget-rate'))).toBe('3%');
      await budget.getByTestId('fund-budget-amount').fill(formatFen(capFen + 1).replace(/,/g, ''));
      await budget.getByTestId('fund-budget-save').click();
      await budget.locator('.ant-form-item-explain-error').waitFor();
      expect(await text(budget)).toContain('超过上限');
      expect(await text(budget)).toContain('计提比例 3%');
      await screenshot(page, 'fund/budget-refused');
      await budget.getByRole('button', { name: '按上限编制' }).click();
      await budget.getByTestId('fund-budget-save').click();
      await budget.waitFor({ state: 'hidden' });
      await expect.poll(() => text(page.getByTestId('fund-years'))).toContain(formatFen(capFen));
      await page.goto('/fund/payments');
      await page.getByRole('heading', { level: 1, name: '工伤预防费支付台账' }).waitFor();
      await screenshot(page, 'fund/payments');
      await signOut(page);

      // the public page, without login: the year's fee use
      await page.goto('/public/projects');
      await page.getByRole('heading', { level: 1, name: '工伤预防项目与预防费公示' }).waitFor();
      const fee = page.getByTestId('public-fee');
      await expect.poll(() => text(fee)).toContain('年度预算');
      expect(await text(fee)).toContain('已支付');
      expect(await text(page.locator('body'))).not.toMatch(/1[3-9]\d{9}/);
      await screenshot(page, 'fund/public');
    });
  },
);
