import { idCheckChar, type LoadView, type RecordView, type TokenView } from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer, exchangeLoad, exchangeRecord, exchangeToken } from '../../core/db/schema.js';

let env: TestEnv;
let yingji: Session;
let city: Session;
let secret: string;
let tokenId: string;
let yonganEmp: { uscc: string; countyCode: string };
let sanyuanEmp: { uscc: string; countyCode: string };

beforeAll(async () => {
  env = await testApp();
  yingji = await login(env.app, 'yingji');
  city = await login(env.app, 'cityadmin');
  const pick = async (county: string) => {
    const [e] = await env.core.db
      .select({ uscc: employer.uscc, countyCode: employer.countyCode })
      .from(employer)
      .where(eq(employer.countyCode, county))
      .limit(1);
    if (!e) throw new Error(`no demo employer in ${county}`);
    return e;
  };
  yonganEmp = await pick('350481');
  sanyuanEmp = await pick('350404');
  const res = await yingji.post('/api/v1/exchange/tokens', {
    name: '事故系统',
    system: '应急管理综合应用平台',
    dataSets: ['yjj.accident'],
  });
  expect(res.statusCode).toBe(201);
  secret = res.json().secret;
  tokenId = res.json().token.id;
});
afterAll(() => env.close());

function push(code: string, body: unknown, token: string | null = secret) {
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/exchange/data-sets/${code}/records`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: body as object,
  });
}

const accident = (no: string, emp: { uscc: string; countyCode: string }, extra: Record<string, unknown> = {}) => ({
  accident_no: no,
  occurred_at: '2026-03-02 09:30',
  employer_uscc: emp.uscc,
  county_code: emp.countyCode,
  category: '03',
  deaths: 0,
  serious_injuries: 1,
  minor_injuries: 2,
  direct_loss: '12345.60',
  summary: '冲压作业时手部受伤',
  ...extra,
});

async function pushAudits(result: 'success' | 'failure') {
  const rows = await env.core.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'exchange.push'), eq(auditLog.result, result)));
  return rows;
}

describe('exchange tokens', () => {
  it('shows the secret once and keeps only its SHA-256', async () => {
    expect(secret).toMatch(/^yfx_/);
    const [row] = await env.core.db.select().from(exchangeToken).where(eq(exchangeToken.id, tokenId));
    expect(row?.tokenHash).toHaveLength(64);
    expect(JSON.stringify(row)).not.toContain(secret);
    const list = (await yingji.get('/api/v1/exchange/tokens')).json() as TokenView[];
    expect(list.map((t) => t.id)).toContain(tokenId);
    expect(JSON.stringify(list)).not.toContain(secret);
  });

  it('limits a unit officer to their own unit’s data sets', async () => {
    const res = await yingji.post('/api/v1/exchange/tokens', { name: 'x', system: 'y', dataSets: ['wjw.od_case'] });
    expect(res.statusCode).toBe(403);
    const weijian = await login(env.app, 'weijian');
    expect((await weijian.get('/api/v1/exchange/tokens')).json()).toEqual([]);
    expect((await weijian.post(`/api/v1/exchange/tokens/${tokenId}/revoke`)).statusCode).toBe(404);
  });

  it('refuses a missing token (401), a data set outside the token (403), and audits both', async () => {
    const before = (await pushAudits('failure')).length;
    expect((await push('yjj.accident', [accident('T-0', yonganEmp)], null)).statusCode).toBe(401);
    expect((await push('yjj.accident', [accident('T-0', yonganEmp)], 'yfx_not-a-token')).statusCode).toBe(401);
    const res = await push('yjj.hazard', [{ hazard_no: 'H1' }]);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('yjj.hazard');
    const after = await pushAudits('failure');
    expect(after.length - before).toBe(3);
    expect(after.at(-1)?.changes).toMatchObject({ tokenId, dataSet: 'yjj.hazard', refused: 'data_set_not_allowed' });
  });
});

describe('loads through the API', () => {
  it('inserts, then upserts on the natural key without duplicates; every call audited', async () => {
    const first = await push('yjj.accident', [accident('A-1', yonganEmp), accident('A-2', sanyuanEmp)]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'succeeded', received: 2, inserted: 2, updated: 0, tokenId });
    const second = await push('yjj.accident', [
      accident('A-1', yonganEmp, { deaths: 1 }),
      accident('A-2', sanyuanEmp),
      accident('A-3', yonganEmp),
    ]);
    expect(second.json()).toMatchObject({ inserted: 1, updated: 2 });
    const rows = await env.core.db.select().from(exchangeRecord).where(eq(exchangeRecord.dataSetCode, 'yjj.accident'));
    expect(rows.filter((r) => !r.demo)).toHaveLength(3);
    const a1 = rows.find((r) => r.naturalKey === 'A-1');
    expect(a1?.data).toMatchObject({ deaths: 1, direct_loss: 1234560, category: '03' });
    expect(a1?.employerId).not.toBeNull();
    expect(a1?.eventDate).toBe('2026-03-02');
    const ok = await pushAudits('success');
    expect(ok.at(-1)?.changes).toMatchObject({ tokenId, inserted: 1, updated: 2, status: 'succeeded' });
    expect(ok.at(-1)?.username).toBe('token:事故系统');
  });

  it('refuses a load with any bad row, in Chinese naming field and rule, and writes nothing', async () => {
    const before = await env.core.db.select({ n: sql<number>`count(*)::int` }).from(exchangeRecord);
    const res = await push('yjj.accident', [
      accident('B-1', yonganEmp),
      accident('B-2', yonganEmp, { occurred_at: '2026-02-30' }),
      accident('B-3', yonganEmp, { category: '99', employer_uscc: '123' }),
      { ...accident('B-4', yonganEmp), deaths: undefined, colour: 'red' },
      accident('B-1', yonganEmp),
    ]);
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; message: string; load: LoadView };
    expect(body.code).toBe('VALIDATION');
    expect(body.load).toMatchObject({ status: 'rejected', received: 5, rejected: 4, inserted: 0 });
    const messages = body.load.errors.map((e) => e.message);
    expect(messages).toContain('第 2 行“发生时间”：应为“YYYY-MM-DD HH:mm”格式的日期时间，收到“2026-02-30”');
    expect(messages.some((m) => m.startsWith('第 3 行“事故类别”：“99”不在代码表中'))).toBe(true);
    expect(messages.some((m) => m.startsWith('第 3 行“用人单位统一社会信用代码”：统一社会信用代码应为 18 位'))).toBe(
      true,
    );
    expect(messages).toContain('第 4 行“死亡人数”：必填');
    expect(messages).toContain('第 4 行：未知字段“colour”（不在数据集结构中）');
    expect(messages).toContain('第 5 行“事故编号”：与第 1 行重复');
    const after = await env.core.db.select({ n: sql<number>`count(*)::int` }).from(exchangeRecord);
    expect(after[0]?.n).toBe(before[0]?.n);
    const [load] = await env.core.db.select().from(exchangeLoad).where(eq(exchangeLoad.id, body.load.id));
    expect(load?.status).toBe('rejected');
    const loads = (await yingji.get('/api/v1/exchange/data-sets/yjj.accident/loads?limit=1')).json();
    expect(loads.items[0].id).toBe(body.load.id);
  });

  it('refuses more than 5,000 records per call', async () => {
    const many = Array.from({ length: 5001 }, (_, i) => ({ accident_no: `M-${i}` }));
    expect((await push('yjj.accident', many)).statusCode).toBe(400);
  });

  it('answers 401 once the token is revoked', async () => {
    const created = await yingji.post('/api/v1/exchange/tokens', {
      name: '临时',
      system: 's',
      dataSets: ['yjj.accident'],
    });
    const temp = created.json().secret as string;
    expect((await push('yjj.accident', [accident('R-1', yonganEmp)], temp)).statusCode).toBe(200);
    const revoked = await yingji.post(`/api/v1/exchange/tokens/${created.json().token.id}/revoke`);
    expect(revoked.json().revokedAt).not.toBeNull();
    const before = (await pushAudits('failure')).length;
    expect((await push('yjj.accident', [accident('R-2', yonganEmp)], temp)).statusCode).toBe(401);
    expect((await pushAudits('failure')).length).toBe(before + 1);
  });

  it('stores ID numbers of recognitions encrypted and hashed, never in clear', async () => {
    const created = await city.post('/api/v1/exchange/tokens', {
      name: '工伤认定系统',
      system: '人社一体化',
      dataSets: ['rsj.recognition'],
    });
    expect(created.statusCode).toBe(201);
    const valid = `35040319900101123${idCheckChar('35040319900101123')}`;
    const res = await push(
      'rsj.recognition',
      [
        {
          decision_no: 'RD-1',
          employer_uscc: yonganEmp.uscc,
          county_code: '350481',
          id_number: valid,
          accident_date: '2026-03-02',
          result: '认定为工伤',
          injury_kind: 'production_safety',
          category: '03',
        },
      ],
      created.json().secret,
    );
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await env.core.db.select().from(exchangeRecord).where(eq(exchangeRecord.naturalKey, 'RD-1'));
    expect(JSON.stringify(row)).not.toContain(valid);
    if (!row) throw new Error('recognition not stored');
    expect((row.data as Record<string, string>).id_number).toMatch(/\*/);
    const secretOf = (row.pii as Record<string, { cipher: string; hash: string }>).id_number;
    expect(env.core.pii.decrypt(secretOf?.cipher ?? '')).toBe(valid);
    expect(secretOf?.hash).toBe(env.core.pii.hash(valid));
  });
});

describe('browsing', () => {
  it('shows the catalogue with owners, versions and freshness to every member', async () => {
    const weijian = await login(env.app, 'weijian');
    const sets = (await weijian.get('/api/v1/exchange/data-sets')).json() as { code: string; ownerUnit: string }[];
    expect(sets.map((s) => s.code)).toEqual(
      expect.arrayContaining([
        'yjj.accident',
        'yjj.hazard',
        'wjw.od_case',
        'wjw.exposure',
        'gaj.traffic',
        'zjj.project',
        'rsj.recognition',
        'sbzx.fund_spending',
      ]),
    );
    const detail = (await weijian.get('/api/v1/exchange/data-sets/yjj.accident')).json();
    expect(detail.ownerUnit).toBe('yjj');
    expect(detail.lastSuccessAt).not.toBeNull();
    expect(detail.versions[0].fields.map((f: { label: string }) => f.label)).toContain('直接经济损失（元）');
    expect(detail.can.load).toBe(false);
  });

  it('shows records to the owner unit, the city and the record’s county only', async () => {
    const keys = async (s: Session) => {
      const res = await s.get('/api/v1/exchange/data-sets/yjj.accident/records?limit=200&key=A-');
      expect(res.statusCode).toBe(200);
      return (res.json().items as RecordView[]).map((r) => r.naturalKey).sort();
    };
    expect(await keys(yingji)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(await keys(city)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(await keys(await login(env.app, 'yongan'))).toEqual(['A-1', 'A-3']);
    expect(await keys(await login(env.app, 'sanyuan'))).toEqual(['A-2']);
    expect(await keys(await login(env.app, 'weijian'))).toEqual([]);
    expect(await keys(await login(env.app, 'zhujian'))).toEqual([]);
  });

  it('pages records with keysets', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await yingji.get(
        `/api/v1/exchange/data-sets/yjj.accident/records?limit=1&key=A-${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = res.json() as { items: RecordView[]; nextCursor: string | null };
      seen.push(...page.items.map((r) => r.naturalKey));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['A-1', 'A-2', 'A-3']);
  });
});

describe('browser upload', () => {
  it('loads a CSV with Chinese headers into an own data set', async () => {
    const csv = [
      '隐患编号,发现日期,用人单位统一社会信用代码,县（市、区）,隐患级别,隐患描述,是否已整改',
      `H-1,2026-03-01,${yonganEmp.uscc},永安市,重大隐患,配电箱未接地,否`,
    ].join('\n');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/exchange/data-sets/yjj.hazard/uploads',
      headers: {
        cookie: yingji.cookie,
        'x-csrf-token': yingji.me.csrfToken,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('隐患.csv'),
      },
      payload: Buffer.from(csv),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'upload', inserted: 1, username: 'yingji' });
    const weijian = await login(env.app, 'weijian');
    const weijianRes = await env.app.inject({
      method: 'POST',
      url: '/api/v1/exchange/data-sets/yjj.hazard/uploads',
      headers: {
        cookie: weijian.cookie,
        'x-csrf-token': weijian.me.csrfToken,
        'content-type': 'application/octet-stream',
        'x-file-name': 'a.csv',
      },
      payload: Buffer.from(csv),
    });
    expect(weijianRes.statusCode).toBe(403);
    expect(weijianRes.json().message).toBe('只能向本单位的数据集上传数据');
  });
});
