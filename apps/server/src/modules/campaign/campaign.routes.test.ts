import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CampaignCheckView, CampaignDashboard, CampaignEmployerPage } from '@yufang/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestEnv, testApp } from '../../../test/harness.js';
import { auditLog, employer } from '../../core/db/schema.js';
import { employerHeadcount } from '../employer/employer.schema.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { aggregateCoverage, belowTarget, coverageBy, coveragePct, dustBelowTarget } from './campaign.coverage.js';
import { campaignSnapshot } from './campaign.schema.js';
import { CampaignService } from './campaign.service.js';

let env: TestEnv;
let dataDir: string;
let sanyuan: Session;
let yongan: Session;
let yingji: Session;
let shebao: Session;
let expert: Session;
const today = beijingDate(new Date());
const month = `${today.slice(0, 7)}-01`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
/** Hand-made dust employers in 三元区: a cement plant at 60/100 insured, a stone works fully covered. */
const ids: Record<string, string> = {};

async function addEmployer(
  key: string,
  uscc: string,
  county: string,
  industry: string,
  group: string,
  wf: number,
  insured: number,
) {
  const [row] = await env.core.db
    .insert(employer)
    .values({
      uscc,
      name: `测试${key}`,
      countyCode: county,
      industryCode: industry,
      industryGroup: group,
      workforce: wf,
      dustHazard: true,
    })
    .returning({ id: employer.id });
  ids[key] = (row as { id: string }).id;
  await env.core.db
    .insert(employerHeadcount)
    .values({ employerId: ids[key] as string, month, insuredCount: insured, payrollFen: 100 });
}

let before: CampaignDashboard;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'yufang-campaign-'));
  env = await testApp({ env: { YUFANG_DATA_DIR: dataDir } });
  sanyuan = await login(env.app, 'sanyuan');
  yongan = await login(env.app, 'yongan');
  yingji = await login(env.app, 'yingji');
  shebao = await login(env.app, 'shebao');
  expert = await login(env.app, 'expert01');
  before = (await sanyuan.get('/api/v1/campaign/dashboard')).json();
  await addEmployer('水泥', '91350404TEST00001A', '350404', '30', '301', 100, 60);
  await addEmployer('石材', '91350404TEST00002B', '350404', '30', '303', 40, 45);
  await addEmployer('永安陶瓷', '91350481TEST00003C', '350481', '30', '307', 10, 9);
});
afterAll(async () => {
  await env.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('coverage arithmetic', () => {
  it('sums insured capped at the workforce and counts employers below target', () => {
    const rows = [
      { workforce: 100, insured: 60, targetPct: 100, c: 'a' },
      { workforce: 40, insured: 45, targetPct: 100, c: 'a' },
      { workforce: 10, insured: 9, targetPct: 90, c: 'b' },
    ];
    expect(aggregateCoverage(rows)).toEqual({
      workforce: 150,
      insured: 109,
      coveragePct: 72.7,
      employers: 3,
      belowTarget: 1,
    });
    expect(coverageBy(rows, (r) => r.c).map((g) => [g.key, g.insured, g.workforce, g.belowTarget])).toEqual([
      ['a', 100, 140, 1],
      ['b', 9, 10, 0],
    ]);
    expect(belowTarget(99, 100, 100)).toBe(true);
    expect(belowTarget(100, 100, 100)).toBe(false);
    expect(coveragePct(1, 3)).toBe(33.3);
  });

  it('the dashboard adds the hand-made employers to their county and category', async () => {
    const res = await sanyuan.get('/api/v1/campaign/dashboard');
    expect(res.statusCode).toBe(200);
    const after: CampaignDashboard = res.json();
    expect(after.targetPct).toBe(100);
    expect(after.counties.map((c) => c.countyCode)).toEqual(['350404']);
    const county = (d: CampaignDashboard) =>
      d.counties[0] ?? { workforce: 0, insured: 0, belowTarget: 0, employers: 0 };
    expect(county(after).workforce - county(before).workforce).toBe(140);
    expect(county(after).insured - county(before).insured).toBe(100);
    expect(county(after).belowTarget - county(before).belowTarget).toBe(1);
    const cat = (d: CampaignDashboard, name: string) => d.categories.find((c) => c.category === name);
    expect((cat(after, '水泥制造')?.workforce ?? 0) - (cat(before, '水泥制造')?.workforce ?? 0)).toBe(100);
    expect((cat(after, '石材加工')?.insured ?? 0) - (cat(before, '石材加工')?.insured ?? 0)).toBe(40);
    expect(after.progress.find((p) => p.live)?.year).toBe(Number(today.slice(0, 4)));
    expect(after.progress[0]?.year).toBe(2021);
  });

  it('dustBelowTarget lists the under-covered dust employers city-wide', async () => {
    const rows = await dustBelowTarget(env.core.db, today);
    const mine = rows.filter((r) => Object.values(ids).includes(r.employerId));
    expect(mine).toEqual([
      { employerId: ids.水泥, countyCode: '350404', workforce: 100, insured: 60, targetPct: 100 },
      { employerId: ids.永安陶瓷, countyCode: '350481', workforce: 10, insured: 9, targetPct: 100 },
    ]);
  });
});

describe('employer list and scope', () => {
  it('a county officer sees only her county, sorted by gap, with filters', async () => {
    const res = await sanyuan.get('/api/v1/campaign/employers?limit=200');
    expect(res.statusCode).toBe(200);
    const page: CampaignEmployerPage = res.json();
    expect(new Set(page.items.map((i) => i.countyCode))).toEqual(new Set(['350404']));
    const gaps = page.items.map((i) => i.gap);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    const cement = page.items.find((i) => i.employerId === ids.水泥);
    expect(cement).toMatchObject({ gap: 40, coveragePct: 60, belowTarget: true, category: '水泥制造' });
    const below: CampaignEmployerPage = (await sanyuan.get('/api/v1/campaign/employers?belowTarget=true')).json();
    expect(below.items.every((i) => i.belowTarget)).toBe(true);
    const other: CampaignEmployerPage = (await sanyuan.get('/api/v1/campaign/employers?countyCode=350481')).json();
    expect(other.items).toEqual([]);
  });

  it('pages by keyset', async () => {
    const first: CampaignEmployerPage = (await shebao.get('/api/v1/campaign/employers?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second: CampaignEmployerPage = (
      await shebao.get(`/api/v1/campaign/employers?limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items[0]?.employerId).not.toBe(first.items[0]?.employerId);
    expect((second.items[0]?.gap ?? 0) <= (first.items[0]?.gap ?? 0)).toBe(true);
  });

  it('a unit officer gets city-wide aggregates but no employer list; an expert nothing', async () => {
    const dash = await yingji.get('/api/v1/campaign/dashboard');
    expect(dash.statusCode).toBe(200);
    expect(dash.json().employerList).toBe(false);
    expect(dash.json().counties.length).toBeGreaterThan(1);
    expect((await yingji.get('/api/v1/campaign/employers')).statusCode).toBe(403);
    expect((await yingji.get(`/api/v1/campaign/employers/${ids.水泥}/checks`)).statusCode).toBe(403);
    expect((await expert.get('/api/v1/campaign/dashboard')).statusCode).toBe(403);
  });
});

describe('notice checks', () => {
  let check: CampaignCheckView;

  it('records a failed check, audited, visible on the list', async () => {
    const res = await sanyuan.post('/api/v1/campaign/checks', {
      employerId: ids.水泥,
      checkedOn: today,
      posted: true,
      current: false,
      note: '公示人数与参保名单不一致',
    });
    expect(res.statusCode).toBe(201);
    check = res.json();
    expect(check.result).toBe('fail');
    const audits = await env.core.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'campaign.check'), eq(auditLog.objectId, check.id)));
    expect(audits).toHaveLength(1);
    const page: CampaignEmployerPage = (await sanyuan.get('/api/v1/campaign/employers?check=fail&limit=200')).json();
    expect(page.items.find((i) => i.employerId === ids.水泥)?.lastCheck?.result).toBe('fail');
    const dash: CampaignDashboard = (await sanyuan.get('/api/v1/campaign/dashboard')).json();
    expect(dash.failedChecks).toBeGreaterThanOrEqual(1);
  });

  it('validates the fields', async () => {
    const base = { employerId: ids.石材, checkedOn: today, posted: false, current: false };
    const noNote = await sanyuan.post('/api/v1/campaign/checks', base);
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().fields[0].field).toBe('note');
    const future = await sanyuan.post('/api/v1/campaign/checks', { ...base, checkedOn: '2099-01-01', note: 'x' });
    expect(future.json().fields[0].field).toBe('checkedOn');
    const inconsistent = await sanyuan.post('/api/v1/campaign/checks', { ...base, current: true, note: 'x' });
    expect(inconsistent.json().fields[0].field).toBe('current');
    const missing = await sanyuan.post('/api/v1/campaign/checks', { employerId: ids.石材, checkedOn: today });
    expect(missing.statusCode).toBe(400);
  });

  it('refuses an employer out of scope and a caller without campaign.check', async () => {
    const out = await sanyuan.post('/api/v1/campaign/checks', {
      employerId: ids.永安陶瓷,
      checkedOn: today,
      posted: true,
      current: true,
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().fields[0].field).toBe('employerId');
    const unit = await yingji.post('/api/v1/campaign/checks', {
      employerId: ids.水泥,
      checkedOn: today,
      posted: true,
      current: true,
    });
    expect(unit.statusCode).toBe(403);
    expect((await yongan.get(`/api/v1/campaign/employers/${ids.水泥}/checks`)).statusCode).toBe(404);
  });

  function upload(session: Session, id: string, name: string, body: Buffer) {
    return env.app.inject({
      method: 'POST',
      url: `/api/v1/campaign/checks/${id}/evidence`,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.me.csrfToken,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
      payload: body,
    });
  }

  it('stores evidence checked by content', async () => {
    const ok = await upload(sanyuan, check.id, '公示照片.png', PNG);
    expect(ok.statusCode).toBe(201);
    const fake = await upload(sanyuan, check.id, '假照片.png', Buffer.from('not really a png'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().fields[0].field).toBe('file');
    expect((await upload(yongan, check.id, 'x.png', PNG)).statusCode).toBe(404);
    const list: CampaignCheckView[] = (await sanyuan.get(`/api/v1/campaign/employers/${ids.水泥}/checks`)).json();
    expect(list[0]?.evidence.map((e) => e.fileName)).toEqual(['公示照片.png']);
    const file = await sanyuan.get(`/api/v1/campaign/checks/${check.id}/evidence/${ok.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
  });
});

describe('year-end snapshot job', () => {
  it('writes the previous year once', async () => {
    const service = new CampaignService(env.core, () => new Date('2031-01-02T01:00:00Z'));
    const first = await service.snapshotPreviousYear();
    expect(first).toBeGreaterThan(0);
    expect(await service.snapshotPreviousYear()).toBe(0);
    const rows = await env.core.db.select().from(campaignSnapshot).where(eq(campaignSnapshot.year, 2030));
    expect(rows).toHaveLength(first);
    expect(rows.find((r) => r.employerId === ids.水泥)).toMatchObject({
      workforce: 100,
      insured: 60,
      category: '水泥制造',
    });
  });
});
