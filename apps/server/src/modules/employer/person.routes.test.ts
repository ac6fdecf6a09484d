import { idCheckChar, type PersonView } from '@yufang/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer } from '../../core/db/schema.js';
import { insuredPerson } from './employer.schema.js';

let env: TestEnv;
let yongan: Session;
let youxi: Session;
let shebao: Session;
let yonganEmployer: string;
let youxiEmployer: string;

/** A valid 18-digit ID number with its check character. */
const idOf = (region: string, birth: string, seq: string) => {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCheckChar(first17);
};

const person = (employerId: string, idNumber: string, extra: Record<string, unknown> = {}) => ({
  employerId,
  idNumber,
  name: '测试职工',
  job: '焊工',
  keyRole: 'other',
  insuredFrom: '2024-03-01',
  ...extra,
});

async function firstEmployer(county: string): Promise<string> {
  const [row] = await env.core.db
    .select({ id: employer.id })
    .from(employer)
    .where(eq(employer.countyCode, county))
    .orderBy(asc(employer.name))
    .limit(1);
  return (row as { id: string }).id;
}

async function auditRows(action: string, objectId: string) {
  return env.core.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));
}

beforeAll(async () => {
  env = await testApp();
  [yongan, youxi, shebao] = await Promise.all([
    login(env.app, 'yongan'),
    login(env.app, 'youxi'),
    login(env.app, 'shebao'),
  ]);
  yonganEmployer = await firstEmployer('350481');
  youxiEmployer = await firstEmployer('350426');
});
afterAll(() => env.close());

describe('insured persons', () => {
  it('lists the demo persons of the county, masked, with abilities', async () => {
    const res = await yongan.get('/api/v1/persons?limit=20');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as PersonView[];
    expect(items.length).toBe(20);
    for (const p of items) {
      expect(p.idMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      expect(p).not.toHaveProperty('idNumber');
      expect(p.can).toEqual({ unmask: true, update: true });
    }
    // no full ID number anywhere in the answer
    expect(res.body).not.toMatch(/\d{17}[\dX]/);
    const employers = new Set(items.map((p) => p.employerId));
    const rows = await env.core.db.select({ id: employer.id, county: employer.countyCode }).from(employer);
    const county = new Map(rows.map((r) => [r.id, r.county]));
    for (const e of employers) expect(county.get(e)).toBe('350481');

    const fund = (await shebao.get('/api/v1/persons?limit=1')).json().items[0] as PersonView;
    expect(fund.can).toEqual({ unmask: false, update: false });
  });

  it('creates a person, reading sex and birth date from the ID number, and never stores or audits it in clear', async () => {
    const idNumber = idOf('350481', '19850317', '123');
    const res = await yongan.post('/api/v1/persons', person(yonganEmployer, idNumber, { keyRole: 'team_leader' }));
    expect(res.statusCode).toBe(201);
    const created = res.json() as PersonView;
    expect(created).toMatchObject({
      employerId: yonganEmployer,
      sex: 'M',
      birthDate: '1985-03-17',
      idMasked: `3504**********${idNumber.slice(-4)}`,
      keyRole: 'team_leader',
      keyRoleLabel: '班组长',
      active: true,
      version: 0,
    });
    expect(res.body).not.toContain(idNumber);

    const [stored] = await env.core.db.select().from(insuredPerson).where(eq(insuredPerson.id, created.id));
    expect(stored?.idCipher).toMatch(/^v1:/);
    expect(stored?.idCipher).not.toContain(idNumber);
    expect(JSON.stringify(stored)).not.toContain(idNumber);
    expect(stored?.idHash).toBe(env.core.pii.hash(idNumber));
    expect(env.core.pii.decrypt(stored?.idCipher as string)).toBe(idNumber);

    const audit = await auditRows('employer.person.create', created.id);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.changes)).not.toContain(idNumber);
    expect(JSON.stringify(audit[0]?.changes)).toContain(created.idMasked);
  });

  it('unmasks only with the permission, and records each view without the number', async () => {
    const idNumber = idOf('350402', '19700101', '246');
    const created = (await yongan.post('/api/v1/persons', person(yonganEmployer, idNumber))).json() as PersonView;
    expect(created.sex).toBe('F');

    const denied = await shebao.post(`/api/v1/persons/${created.id}/unmask`);
    expect(denied.statusCode).toBe(403);
    expect(await auditRows('employer.person.unmask', created.id)).toHaveLength(0);

    const res = await yongan.post(`/api/v1/persons/${created.id}/unmask`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: created.id, idNumber });
    const audit = await auditRows('employer.person.unmask', created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'yongan', objectType: 'insured_person', result: 'success' });
    expect(JSON.stringify(audit[0]?.changes)).not.toContain(idNumber);
    expect(audit[0]?.changes).toEqual({ employerId: yonganEmployer, idMasked: created.idMasked });
  });

  it("hides another county's persons: empty list, 404 on detail, update and unmask", async () => {
    const idNumber = idOf('350426', '19900520', '311');
    const created = (await youxi.post('/api/v1/persons', person(youxiEmployer, idNumber))).json() as PersonView;
    expect(created.employerId).toBe(youxiEmployer);

    expect((await yongan.get(`/api/v1/persons?employerId=${youxiEmployer}`)).json().items).toEqual([]);
    expect((await yongan.get(`/api/v1/persons?idNumber=${idNumber}`)).json().items).toEqual([]);
    const detail = await yongan.get(`/api/v1/persons/${created.id}`);
    expect(detail.statusCode).toBe(404);
    expect(detail.json().code).toBe('NOT_FOUND');
    expect((await yongan.post(`/api/v1/persons/${created.id}/unmask`)).statusCode).toBe(404);
    const update = await yongan.put(`/api/v1/persons/${created.id}`, {
      ...person(youxiEmployer, idNumber),
      version: 0,
    });
    expect(update.statusCode).toBe(404);
    expect(await auditRows('employer.person.unmask', created.id)).toHaveLength(0);

    const foreign = await yongan.post('/api/v1/persons', person(youxiEmployer, idOf('350481', '19880808', '021')));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('所属用人单位');
  });

  it('finds one person by the full ID number and refuses a fragment', async () => {
    const idNumber = idOf('350481', '19791130', '457');
    const created = (await yongan.post('/api/v1/persons', person(yonganEmployer, idNumber))).json() as PersonView;

    const exact = (await yongan.get(`/api/v1/persons?idNumber=${idNumber}`)).json().items as PersonView[];
    expect(exact.map((p) => p.id)).toEqual([created.id]);
    // lower-case or full-width input is normalised before hashing
    const spaced = (await yongan.get(`/api/v1/persons?idNumber=${encodeURIComponent(` ${idNumber} `)}`)).json();
    expect(spaced.items.map((p: PersonView) => p.id)).toEqual([created.id]);

    for (const fragment of [idNumber.slice(0, 10), idNumber.slice(-6), idNumber.slice(0, 17)]) {
      const res = await yongan.get(`/api/v1/persons?idNumber=${fragment}`);
      expect(res.statusCode, fragment).toBe(400);
      expect(res.json().message).toContain('身份证号码');
      expect(res.body).not.toContain(created.id);
    }
  });

  it('refuses a legacy 15-digit number unless conversion is asked for', async () => {
    const legacy = '350481751002123';
    const refused = await yongan.post('/api/v1/persons', person(yonganEmployer, legacy));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([{ field: 'idNumber', message: '身份证号码为旧版 15 位，请换用 18 位号码' }]);

    const converted = await yongan.post(
      '/api/v1/persons',
      person(yonganEmployer, legacy, { convertLegacyId: true, name: '旧证职工' }),
    );
    expect(converted.statusCode).toBe(201);
    const view = converted.json() as PersonView;
    expect(view).toMatchObject({ sex: 'M', birthDate: '1975-10-02' });
    const full = idOf('350481', '19751002', '123');
    const unmasked = (await yongan.post(`/api/v1/persons/${view.id}/unmask`)).json();
    expect(unmasked.idNumber).toBe(full);
    expect((await yongan.get(`/api/v1/persons?idNumber=${full}`)).json().items).toHaveLength(1);
  });

  it('names 身份证号码 when the check character is wrong, and checks the insured period', async () => {
    const good = idOf('350481', '19920202', '135');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await yongan.post('/api/v1/persons', person(yonganEmployer, bad));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().message).toMatch(/^身份证号码：.*校验位不正确/);
    expect(res.json().fields[0].field).toBe('idNumber');

    const period = await yongan.post(
      '/api/v1/persons',
      person(yonganEmployer, good, { insuredFrom: '2024-05-01', insuredTo: '2024-04-30' }),
    );
    expect(period.statusCode).toBe(400);
    expect(period.json().fields).toEqual([{ field: 'insuredTo', message: '停保日期不能早于参保日期' }]);
    const role = await yongan.post('/api/v1/persons', person(yonganEmployer, good, { keyRole: 'boss' }));
    expect(role.statusCode).toBe(400);
    expect(role.json().fields[0].field).toBe('keyRole');
  });

  it('answers 409 to a duplicate spell and to a stale version, and audits changes with the masked number', async () => {
    const idNumber = idOf('350481', '19830704', '579');
    const first = await yongan.post('/api/v1/persons', person(yonganEmployer, idNumber));
    expect(first.statusCode).toBe(201);
    const created = first.json() as PersonView;
    const dup = await yongan.post('/api/v1/persons', person(yonganEmployer, idNumber, { name: '另一个名字' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('重复');
    // another spell (a later insuredFrom) is a new record
    const later = await yongan.post('/api/v1/persons', person(yonganEmployer, idNumber, { insuredFrom: '2025-01-01' }));
    expect(later.statusCode).toBe(201);

    const newId = idOf('350481', '19830704', '591');
    const update = { ...person(yonganEmployer, newId), insuredTo: '2024-12-31', version: 0 };
    const ok = await yongan.put(`/api/v1/persons/${created.id}`, update);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, insuredTo: '2024-12-31', active: false, sex: 'M' });
    expect(
      env.core.pii.decrypt(
        (await env.core.db.select().from(insuredPerson).where(eq(insuredPerson.id, created.id)))[0]?.idCipher as string,
      ),
    ).toBe(newId);

    const stale = await yongan.put(`/api/v1/persons/${created.id}`, { ...update, job: '电工' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');

    // moving the spell onto the later one's key is a duplicate too
    const clash = await yongan.put(`/api/v1/persons/${created.id}`, {
      ...person(yonganEmployer, idNumber, { insuredFrom: '2025-01-01' }),
      version: 1,
    });
    expect(clash.statusCode).toBe(409);

    const [audit] = await auditRows('employer.person.update', created.id);
    const changes = JSON.stringify(audit?.changes);
    expect(changes).not.toContain(idNumber);
    expect(changes).not.toContain(newId);
    expect(audit?.changes).toMatchObject({
      before: { idMasked: `3504**********${idNumber.slice(-4)}`, insuredTo: null },
      after: { idMasked: `3504**********${newId.slice(-4)}`, insuredTo: '2024-12-31' },
    });
  });

  it('pages by name with a keyset cursor and filters by key role and insured status', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: PersonView[]; nextCursor: string | null } = (
        await yongan.get(`/api/v1/persons?employerId=${yonganEmployer}&limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await yongan.get(`/api/v1/persons?employerId=${yonganEmployer}&limit=200`)).json().items;
    expect(seen).toEqual(all.map((p: PersonView) => p.id));
    expect(new Set(seen).size).toBe(seen.length);

    const principals = (await yongan.get('/api/v1/persons?keyRole=principal&limit=200')).json().items as PersonView[];
    expect(principals.length).toBeGreaterThanOrEqual(3);
    expect(principals.every((p) => p.keyRole === 'principal' && p.keyRoleLabel === '主要负责人')).toBe(true);
    const ended = (await yongan.get('/api/v1/persons?active=false&limit=50')).json().items as PersonView[];
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.every((p) => !p.active)).toBe(true);
    const named = (await yongan.get(`/api/v1/persons?q=${encodeURIComponent('陈')}&limit=20`)).json().items;
    expect(named.every((p: PersonView) => p.name.includes('陈'))).toBe(true);
  });

  it("shows an employer account only its own employer's persons, masked and read-only", async () => {
    const account = await login(env.app, 'employer01');
    const items = (await account.get('/api/v1/persons?limit=200')).json().items as PersonView[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((p) => p.employerId)).size).toBe(1);
    expect(items[0]?.can).toEqual({ unmask: false, update: false });
    expect((await account.post(`/api/v1/persons/${items[0]?.id}/unmask`)).statusCode).toBe(403);
  });
});
