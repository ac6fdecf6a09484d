import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signIn, signOut, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

describe.skipIf(!hasBrowser)('expert panels: a draw with exclusions, verification and an expert scoring', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  it('the city admin draws five experts and sees every exclusion with its reason; the record verifies', async () => {
    const page = await platform.newPage();
    await signIn(page, 'cityadmin');
    await page.goto('/panels');
    await page.getByRole('heading', { level: 1, name: '专家抽取' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'panel/list');
    await page.getByTestId('panel-new').click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.locator('#panelDraw_subject').fill('三元区某企业粉尘危害治理项目评审');
    await choose(page, drawer.locator('#panelDraw_countyCode'), '三元区');
    await drawer.locator('#panelDraw_applicantId').click();
    await page.keyboard.type('公司');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await drawer.getByTestId('panel-mix-add').click();
    await choose(page, drawer.locator('#panelDraw_mix_1_domain'), '工伤预防');
    await drawer.locator('#panelDraw_mix_1_count').fill('2');
    await drawer.getByTestId('panel-draw-save').click();
    await page.waitForURL(/\/panels\/[0-9a-f-]{36}$/);
    await page.getByText('抽取结果（按轮次）').waitFor();
    const members = page.getByTestId('panel-members').locator('tbody tr.ant-table-row');
    await expect.poll(() => members.count()).toBe(5);
    await page.getByText('回避或排除', { exact: true }).click();
    const excluded = page.getByTestId('panel-candidates').locator('tbody tr.ant-table-row');
    await excluded.first().waitFor();
    expect(await text(page.getByTestId('panel-candidates'))).toContain('聘期已于');
    await page.getByTestId('panel-verify').click();
    await expect.poll(() => text(page.getByTestId('panel-verdict'))).toContain('复核一致');
    await screenshot(page, 'panel/workspace');

    // a drawn expert cannot attend: the bureau records it and the next expert of the same domain is drawn
    const decline = members.first().locator('[data-testid^="panel-decline-"]');
    const declined = ((await decline.getAttribute('data-testid')) ?? '').replace('panel-decline-', '');
    await decline.click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByTestId('panel-decline-reason').fill('出差在外，无法参加评审');
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => members.count()).toBe(6);
    const table = await text(page.getByTestId('panel-members'));
    expect(table).toContain('出差在外，无法参加评审');
    expect(table).toContain(`替补 ${declined}`);
    await page.getByTestId('panel-verify').click();
    await expect.poll(() => text(page.getByTestId('panel-verdict'))).toContain('复核一致');
    await screenshot(page, 'panel/replacement');
    await signOut(page);

    // expert01 fills the scoring sheet of the demo panel that awaits their scores
    await signIn(page, 'expert01');
    await page.goto('/my-assignments');
    await page.getByRole('heading', { level: 1, name: '我的评审任务' }).waitFor();
    const card = page.locator('.ant-card').filter({ hasText: '重点行业工伤预防能力提升项目评审' }).first();
    const sheet = card.getByTestId('score-sheet');
    await sheet.waitFor();
    for (const [key, value] of [
      ['necessity', '9'],
      ['feasibility', '8.5'],
      ['budget', '7'],
      ['capacity', '9.5'],
    ] as const) {
      await sheet.getByTestId(`score-${key}`).fill(value);
    }
    await expect.poll(() => text(sheet)).toContain('85.50');
    await sheet.getByTestId('score-submit').click();
    await page.getByText('评分已提交').waitFor();
    await expect.poll(() => text(sheet)).toContain('已提交：85.50');
    await screenshot(page, 'panel/scoring-sheet');
    await page.context().close();
  });
});
