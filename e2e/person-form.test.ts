import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { idCheckChar, maskIdNumber, type PersonView } from '@yufang/contracts';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signIn, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

const FIRST17 = '35048119880514247';
const ID_NUMBER = FIRST17 + idCheckChar(FIRST17);
const WRONG_ID = `${FIRST17}${ID_NUMBER[17] === '0' ? '1' : '0'}`;
const NAME = '旅程测试职工';

async function pickDate(page: Page, id: string, value: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function api<T>(page: Page, method: 'GET' | 'PUT', url: string, data?: unknown): Promise<T> {
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

describe.skipIf(!hasBrowser)('a county officer adds and corrects an insured person', () => {
  let platform: Platform;
  let dir: string;
  beforeAll(async () => {
    platform = await startPlatform();
    dir = await mkdtemp(path.join(os.tmpdir(), 'yufang-e2e-person-'));
  });
  afterAll(async () => {
    await platform?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('sees the server’s checks on the fields, saves, meets a conflict, reloads and exports masked', async () => {
    const page = await platform.newPage();
    await signIn(page, 'yongan');
    const employers = await api<{ items: { id: string; name: string }[] }>(page, 'GET', '/api/v1/employers?limit=1');
    const employer = employers.items[0] as { id: string; name: string };
    await page.goto(`/employers/${employer.id}`);
    await page.getByRole('tab', { name: '参保职工' }).click();
    await page.getByTestId('person-create').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(`新增参保职工 · ${employer.name}`).waitFor();

    // the server refuses a wrong check character and an end before the start, naming each field
    await page.locator('#person_idNumber').fill(WRONG_ID);
    await page.locator('#person_name').fill(NAME);
    await page.locator('#person_job').fill('焊工');
    await pickDate(page, 'person_insuredFrom', '2024-03-01');
    await pickDate(page, 'person_insuredTo', '2024-02-01');
    await page.getByTestId('person-save').click();
    const idError = drawer.locator('.ant-form-item-has-error', { has: page.locator('#person_idNumber') });
    await idError.getByText('身份证号码校验位不正确').waitFor();
    const toError = drawer.locator('.ant-form-item-has-error', { has: page.locator('#person_insuredTo') });
    await toError.getByText('停保日期不能早于参保日期').waitFor();
    await screenshot(page, 'e2e-person-create-errors');

    await page.locator('#person_idNumber').fill(ID_NUMBER);
    await page.locator('#person_insuredTo').hover();
    await drawer.locator('.ant-picker-clear').last().click();
    await page.getByTestId('person-save').click();
    await page.getByText(`已新增参保职工“${NAME}”`).waitFor();
    await drawer.waitFor({ state: 'hidden' });

    await page.locator('#employerPersonFilter_q').fill(NAME);
    await page.locator('#employerPersonFilter_q').press('Enter');
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: NAME });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await text(row)).toContain(maskIdNumber(ID_NUMBER));
    expect(await text(row)).toContain('男 /'); // 17th digit 7: male

    // someone else saves first: the form says so and loads their version
    await row.getByTestId('person-edit').click();
    await drawer.getByText(`修改参保职工 · ${NAME}`).waitFor();
    expect(await text(drawer)).toContain(`当前号码 ${maskIdNumber(ID_NUMBER)}`);
    const persons = await api<{ items: PersonView[] }>(page, 'GET', `/api/v1/persons?q=${encodeURIComponent(NAME)}`);
    const saved = persons.items[0] as PersonView;
    await api(page, 'PUT', `/api/v1/persons/${saved.id}`, {
      name: NAME,
      job: '电工',
      keyRole: 'other',
      insuredFrom: '2024-03-01',
      version: saved.version,
    });
    await page.locator('#person_job').fill('叉车司机');
    await page.getByTestId('person-save').click();
    await page.getByTestId('person-conflict').getByText('该参保职工记录已被他人修改，请刷新后重试').waitFor();
    await screenshot(page, 'e2e-person-conflict');
    await page.getByTestId('person-reload').click();
    await expect.poll(() => page.locator('#person_job').inputValue()).toBe('电工');
    expect(await page.getByTestId('person-conflict').count()).toBe(0);
    await page.locator('#person_job').fill('叉车司机');
    await choose(page, page.locator('#person_keyRole'), '班组长');
    await screenshot(page, 'e2e-person-edit');
    await page.getByTestId('person-save').click();
    await page.getByText(`已保存“${NAME}”的修改`).waitFor();
    await expect.poll(() => text(row)).toContain('叉车司机');
    expect(await text(row)).toContain('班组长');

    // the list page exports what it shows, masked
    await page.goto(`/persons?q=${encodeURIComponent(NAME)}`);
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: NAME }).waitFor();
    await screenshot(page, 'e2e-persons-list');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('person-export').click()]);
    const file = path.join(dir, 'persons.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('export has no worksheet');
    expect(sheet.rowCount).toBe(2);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 3)).toEqual([NAME, maskIdNumber(ID_NUMBER)]);
    await page.context().close();
  });
});
