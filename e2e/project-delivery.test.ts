import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { idCheckChar } from '@yufang/contracts';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

/** A call of the JSON API from inside the signed-in page (its cookie and CSRF token). */
async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(`/api/v1${url}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          'x-csrf-token': me.csrfToken,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    { method, url, body },
  ) as Promise<T>;
}

interface PanelView {
  version: number;
  criteria: { key: string; max: number }[];
  members: { id: string; status: string; version: number }[];
}

/** The members' paper scoring sheets entered by the bureau (代录评分), then the panel's conclusion. */
async function scoreAndConclude(page: Page, panelId: string) {
  const p = await api<PanelView>(page, 'GET', `/panels/${panelId}`);
  for (const m of p.members.filter((x) => x.status === 'notified' || x.status === 'accepted')) {
    await api(page, 'POST', `/panels/${panelId}/members/${m.id}/scores`, {
      scores: Object.fromEntries(p.criteria.map((c) => [c.key, Math.round(c.max * 0.85)])),
      comment: '完成合同约定内容',
      note: '纸质验收评分表代录',
      version: m.version,
    });
  }
  const after = await api<PanelView>(page, 'GET', `/panels/${panelId}`);
  await api(page, 'POST', `/panels/${panelId}/conclusion`, { note: null, version: after.version });
}

async function openDelivery(page: Page, id: string) {
  await page.goto(`/projects/${id}`);
  await page.getByRole('tab', { name: '实施与验收' }).click();
}

describe.skipIf(!hasBrowser)(
  'project delivery: prepayment, reports with a non-insured trainee, rectification, balance once',
  () => {
    let platform: Platform;
    beforeAll(async () => {
      platform = await startPlatform();
    });
    afterAll(() => platform?.stop());

    it('runs the contracted 2026 training project of provider01 to the balance', async () => {
      const page = await platform.newPage();
      await signIn(page, 'cityadmin');
      // the demo's open flags for review
      await page.goto('/project-flags');
      await page.getByRole('heading', { level: 1, name: '项目疑点复核' }).waitFor();
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      await screenshot(page, 'project-delivery/flags');
      const list = await api<{ items: { id: string; type: string; implementerName: string | null }[] }>(
        page,
        'GET',
        '/projects?status=contracted&year=2026&limit=200',
      );
      const target = list.items.find((p) => p.implementerName === '三明安培职业安全服务中心' && p.type === 'training');
      expect(target).toBeTruthy();
      const id = target?.id as string;
      // two insured workers (their full ID numbers through the audited unmask) and one stranger, for the attendance list
      const persons = await api<{ items: { id: string; name: string; employerId: string }[] }>(
        page,
        'GET',
        '/persons?active=true&limit=2',
      );
      const rows: string[][] = [];
      for (const p of persons.items) {
        const { idNumber } = await api<{ idNumber: string }>(page, 'POST', `/persons/${p.id}/unmask`);
        const { uscc } = await api<{ uscc: string }>(page, 'GET', `/employers/${p.employerId}`);
        rows.push([p.name, idNumber, uscc]);
      }
      const first17 = '35040319880512977';
      rows.push(['张未保', `${first17}${idCheckChar(first17)}`, rows[0]?.[2] as string]);
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('签到表');
      sheet.addRow(['姓名', '身份证号码', '单位统一社会信用代码']);
      for (const r of rows) sheet.addRow(r);
      const file = path.join(os.tmpdir(), `签到表-${Date.now()}.xlsx`);
      await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
      await signOut(page);

      // the agency pays the 50% prepayment: a double click on the confirmation posts once
      await signIn(page, 'shebao');
      await openDelivery(page, id);
      await page.getByTestId('pay-prepayment').click();
      await page.getByTestId('pay-confirm').dblclick();
      await page
        .locator('.ant-message')
        .getByText(/已登记付款|未重复付款/)
        .first()
        .waitFor();
      await page.getByRole('tab', { name: '付款' }).click();
      const ledger = page.getByTestId('payment-ledger').locator('tbody tr.ant-table-row');
      await expect.poll(() => ledger.count()).toBe(1);
      expect(await text(page.getByTestId('payment-ledger'))).toMatch(/× 预付比例 \d+%/);
      await screenshot(page, 'project-delivery/prepayment');
      await signOut(page);

      // the implementer starts and reports a session; the trainee not insured at the named employer is flagged
      await signIn(page, 'provider01');
      await openDelivery(page, id);
      await page.getByTestId('delivery-start').click();
      const report = async (summary: string) => {
        await page.getByTestId('delivery-report').click();
        const drawer = page.locator('.ant-drawer:visible');
        await drawer.getByTestId('report-summary').fill(summary);
        await drawer.getByTestId('report-has-session').click();
        await drawer.getByTestId('report-session-on').click();
        await page.keyboard.type('2026-03-20');
        await page.keyboard.press('Enter');
        await drawer.getByTestId('report-venue').fill('三元区职工培训中心');
        await drawer.getByTestId('report-capacity').fill('80');
        await drawer.locator('input[type=file][accept=".xlsx"]').setInputFiles(file);
        await drawer.getByTestId('report-save').click();
        await drawer.waitFor({ state: 'hidden' });
      };
      await report('第一期一线员工安全培训完成');
      await page.getByTestId('not-insured-tag').first().waitFor();
      expect(await text(page.getByTestId('not-insured-tag').first())).toContain('1 人未在所报单位参保');
      await screenshot(page, 'project-delivery/report-flagged');
      await page.getByTestId('delivery-request').click();
      await page.getByText('申请验收').first().waitFor();
      await signOut(page);

      // round 1: the panel is drawn and concludes; the trainee target is not met → failed, rectification ordered
      await signIn(page, 'cityadmin');
      const decideRound = async (meet: boolean) => {
        await openDelivery(page, id);
        await page.getByTestId('delivery-panel').click();
        await page.getByTestId('panel-save').click();
        await page.locator('.ant-drawer:visible').waitFor({ state: 'hidden' });
        const view = await api<{
          acceptances: { panelId: string | null; outcome: string }[];
          deliveredDefaults: { key: string; target: number }[];
        }>(page, 'GET', `/projects/${id}/delivery`);
        const pending = view.acceptances.find((a) => a.outcome === 'pending');
        await scoreAndConclude(page, pending?.panelId as string);
        await page.reload();
        await page.getByRole('tab', { name: '实施与验收' }).click();
        await page.getByTestId('delivery-decide').click();
        const drawer = page.locator('.ant-drawer:visible');
        if (meet) {
          for (const d of view.deliveredDefaults)
            await drawer.getByTestId(`decide-${d.key}`).fill(String(d.target + 1));
        }
        await drawer.getByTestId('decide-save').click();
        await drawer.waitFor({ state: 'hidden' });
      };
      await decideRound(false);
      await page.getByText('不合格').first().waitFor();
      await page.getByTestId('delivery-rectify').click();
      await page
        .locator('.ant-drawer:visible')
        .getByTestId('rectify-note')
        .fill('补充开展一期培训，完善签到与考核记录');
      await page.getByTestId('rectify-save').click();
      await page.getByText('整改期限').first().waitFor();
      await screenshot(page, 'project-delivery/rectifying');
      await signOut(page);

      await signIn(page, 'provider01');
      await openDelivery(page, id);
      await report('整改：补充第二期培训');
      await page.getByTestId('delivery-request').click();
      await page.getByTestId('delivery-report').waitFor({ state: 'hidden' });
      await signOut(page);

      // round 2 passes
      await signIn(page, 'cityadmin');
      await decideRound(true);
      await page.getByText('合格').first().waitFor();
      await page.getByRole('tab', { name: '时间线' }).click();
      await page.getByTestId('project-timeline').getByText('事后').waitFor();
      await screenshot(page, 'project-delivery/timeline');
      await signOut(page);

      // the balance: the confirmation clicked twice and the same request sent again post one balance row
      await signIn(page, 'shebao');
      await openDelivery(page, id);
      await page.getByTestId('pay-balance').click();
      await page.getByTestId('pay-confirm').dblclick();
      await page
        .locator('.ant-message')
        .getByText(/已登记付款|未重复付款/)
        .first()
        .waitFor();
      await page.getByRole('tab', { name: '付款' }).click();
      await expect.poll(() => ledger.count()).toBe(2);
      const payments = await api<{ payments: { kind: string }[] }>(page, 'GET', `/projects/${id}/delivery`);
      expect(payments.payments.filter((p) => p.kind === 'balance')).toHaveLength(1);
      await screenshot(page, 'project-delivery/balance');
    }, 90_000);
  },
);
