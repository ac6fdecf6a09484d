import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { idCheckChar, maskIdNumber } from '@yufang/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signIn, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

const FIRST17 = '35048119870612301';
const ID_NUMBER = FIRST17 + idCheckChar(FIRST17);
const NAME = '旅程工伤职工';

async function api<T>(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function fill(page: Page, id: string, value: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe.skipIf(!hasBrowser)('a county officer registers a work-injury case', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
    await mkdir(path.resolve(import.meta.dirname, '..', '.screenshots', 'injury'), { recursive: true });
  });
  afterAll(() => platform?.stop());

  it('picks the employer, finds the worker in the roster by ID number, saves, and finds the case in the list', async () => {
    const page = await platform.newPage();
    await signIn(page, 'yongan');
    // the worker is on the employer's roster (registered through the API, as an import would)
    const employers = await api<{ items: { id: string; name: string }[] }>(page, 'GET', '/api/v1/employers?limit=1');
    const employer = employers.items[0] as { id: string; name: string };
    await api(page, 'POST', '/api/v1/persons', {
      employerId: employer.id,
      idNumber: ID_NUMBER,
      name: NAME,
      job: '冲压工',
      insuredFrom: '2022-01-01',
    });

    await page.goto('/injuries');
    await page.getByRole('heading', { name: '工伤事故' }).waitFor();
    await screenshot(page, 'injury/list');
    await page.getByTestId('injury-create').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('登记工伤').first().waitFor();
    await choose(page, page.locator('#injury_employerId'), employer.name);
    await fill(page, 'injury_occurredAt', '2026-03-15 09:30');
    await page.locator('#injury_idNumber').fill(ID_NUMBER);
    await page.locator('#injury_place').click();
    // the roster answers: name and job filled, tenure shown
    await drawer.getByText(/参保名册：旅程工伤职工，2022-01-01 起参保，至事故日已参保 50 个月/).waitFor();
    await expect.poll(() => page.locator('#injury_workerName').inputValue(), { timeout: 10_000 }).toBe(NAME);
    expect(await page.locator('#injury_job').inputValue()).toBe('冲压工');
    await page.locator('#injury_place').fill('冲压车间');
    await choose(page, page.locator('#injury_accidentCategory'), '03 机械伤害');
    await choose(page, page.locator('#injury_bodyPart'), '腕及手');
    await choose(page, page.locator('#injury_severity'), '重伤');
    // GB 6441: a serious injury has at least 105 lost workdays; the form proposes it
    await expect.poll(() => page.locator('#injury_lostWorkdays').inputValue(), { timeout: 10_000 }).toBe('105');
    await page.locator('#injury_lostWorkdays').fill('150');
    await screenshot(page, 'injury/form');
    await page.getByTestId('injury-save').click();

    // the detail page of the new case
    await page.waitForURL(/\/injuries\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /^工伤案件 GS20260315-/ }).waitFor();
    const detail = await text(page.locator('main'));
    expect(detail).toContain(maskIdNumber(ID_NUMBER));
    expect(detail).not.toContain(ID_NUMBER);
    expect(detail).toContain('50 个月');
    expect(detail).toContain('机械伤害');
    expect(detail).toContain('腕及手');
    await page.locator('.ant-tag', { hasText: '重伤' }).first().waitFor();
    await choose(page, page.locator('#cost_item'), '医疗费');
    await page.locator('#cost_amount').fill('12345.60');
    await fill(page, 'cost_paidOn', '2026-04-01');
    await page.getByRole('button', { name: '添加' }).click();
    await page.getByText('合计 12,345.60 元').waitFor();
    await screenshot(page, 'injury/detail');

    // the list finds it, by keyword and by a dashboard-style URL
    await page.goto(`/injuries?year=2026&severity=serious&category=03&q=${encodeURIComponent(NAME)}`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: NAME });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await text(row)).toContain('12,345.60');
    expect(await text(row)).toContain('重伤');
    await screenshot(page, 'injury/list-filtered');
    await page.goto(`/injuries?year=2025&q=${encodeURIComponent(NAME)}`);
    await page.locator('.ant-table-tbody').waitFor();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);

    // the employer's page lists it on its tab
    await page.goto(`/employers/${employer.id}`);
    await page.getByRole('tab', { name: '工伤与职业病' }).click();
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await screenshot(page, 'injury/employer-tab');

    // the other two lists and an accident form render
    await page.goto('/diseases');
    await page.getByRole('heading', { name: '职业病' }).waitFor();
    await screenshot(page, 'injury/diseases');
    await page.goto('/accidents');
    await page.getByRole('heading', { name: '生产安全事故' }).waitFor();
    await screenshot(page, 'injury/accidents');
    await page.context().close();
  });

  it('keeps another county’s case out of reach', async () => {
    const page = await platform.newPage();
    await signIn(page, 'yongan');
    const mine = await api<{ items: { id: string }[] }>(page, 'GET', `/api/v1/injuries?q=${encodeURIComponent(NAME)}`);
    const id = mine.items[0]?.id as string;
    await page.context().close();
    const other = await platform.newPage();
    await signIn(other, 'sanyuan');
    await other.goto(`/injuries/${id}`);
    await other.locator('.ant-alert').getByText('工伤案件不存在或不在您的管辖范围内').waitFor();
    await other.goto(`/injuries?q=${encodeURIComponent(NAME)}`);
    await other.locator('.ant-table-tbody').waitFor();
    expect(await other.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(0);
    await other.context().close();
  });
});
