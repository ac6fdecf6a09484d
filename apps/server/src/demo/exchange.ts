import { randomBytes } from 'node:crypto';
import { idCheckChar } from '@yufang/contracts';
import { asc, eq } from 'drizzle-orm';
import type { AuditActor } from '../core/auth/actor.js';
import { hashExchangeToken, newExchangeToken } from '../core/auth/exchange-client.js';
import { RegionIndex } from '../core/authz/regions.js';
import type { PiiVault } from '../core/crypto/pii.js';
import type { Db } from '../core/db/index.js';
import { employer, exchangeToken } from '../core/db/schema.js';
import { ExchangeService } from '../modules/exchange/exchange.service.js';
import { addDays } from '../modules/reconcile/reconcile.rules.js';
import { runReconciliation } from '../modules/reconcile/reconcile.service.js';
import { Random } from './random.js';

const SEEDER: AuditActor = { userId: null, username: 'system', roles: [], ip: null, requestId: null };

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Demo loads of the shared data sets (flagged demo): accidents of 应急局, work-injury recognitions (most matching an
 * accident, some not), construction projects (some without project-based insurance), then one reconciliation run,
 * so the queue shows real mismatches on the first start. Also one demo token of 应急局 whose value is thrown away.
 */
export async function seedExchangeDemo(db: Db, pii: PiiVault, seed: number, today: string): Promise<void> {
  const random = new Random(seed);
  const regions = await RegionIndex.load(db);
  const service = new ExchangeService({ db, pii, regions });
  const employers = await db
    .select({ uscc: employer.uscc, countyCode: employer.countyCode, industryCode: employer.industryCode })
    .from(employer)
    .where(eq(employer.demo, true))
    .orderBy(asc(employer.uscc));
  if (employers.length === 0) return;
  const pick = () => employers[random.int(0, employers.length - 1)] as (typeof employers)[number];
  const dayIn = (from: number, to: number) => addDays(today, -random.int(from, to));

  const accidents: Record<string, unknown>[] = [];
  const recognitions: Record<string, unknown>[] = [];
  let decision = 0;
  const idNumber = (county: string) => {
    const first17 = `${county}19${pad(random.int(60, 99), 2)}${pad(random.int(1, 12), 2)}${pad(random.int(1, 28), 2)}${pad(random.int(0, 999), 3)}`;
    return `${first17}${idCheckChar(first17)}`;
  };
  const recognition = (e: (typeof employers)[number], date: string, kind: string) => {
    decision++;
    recognitions.push({
      decision_no: `SMRD-${date.slice(0, 4)}-${pad(decision, 4)}`,
      employer_uscc: e.uscc,
      county_code: e.countyCode,
      id_number: idNumber(e.countyCode),
      accident_date: date,
      decided_on: addDays(date, random.int(20, 55)),
      result: random.next() < 0.92 ? 'recognised' : 'deemed',
      injury_kind: kind,
      category: kind === 'production_safety' ? pad(random.int(1, 20), 2) : null,
    });
  };
  for (let i = 1; i <= 300; i++) {
    const e = pick();
    const date = dayIn(1, 720);
    const roll = random.next();
    const deaths = roll < 0.04 ? random.int(1, 2) : 0;
    const serious = roll < 0.3 ? random.int(0, 2) : 0;
    const minor = roll < 0.9 ? random.int(1, 4) : 0;
    accidents.push({
      accident_no: `SMAJ-${date.slice(0, 4)}-${pad(i, 4)}`,
      occurred_at: `${date} ${pad(random.int(7, 21), 2)}:${pad(random.int(0, 59), 2)}`,
      employer_uscc: e.uscc,
      county_code: e.countyCode,
      category: pad([1, 2, 3, 4, 5, 8, 12, 13][random.int(0, 7)] ?? 1, 2),
      deaths,
      serious_injuries: serious,
      minor_injuries: minor,
      direct_loss: String(random.int(2_000, 900_000)),
      summary: '演示数据：作业过程中发生伤害事故',
    });
    if (deaths + serious + minor > 0 && random.next() < 0.8) recognition(e, date, 'production_safety');
  }
  for (let i = 0; i < 25; i++) recognition(pick(), dayIn(30, 700), 'production_safety'); // no accident report
  for (let i = 0; i < 40; i++) recognition(pick(), dayIn(30, 700), 'traffic');

  const projects: Record<string, unknown>[] = [];
  for (let i = 1; i <= 80; i++) {
    const e = pick();
    const start = dayIn(10, 600);
    const insured = random.next() > 0.15;
    projects.push({
      project_no: `SMXM-${start.slice(0, 4)}-${pad(i, 4)}`,
      project_name: `${regions.name(e.countyCode)}${['安置房', '道路提升', '学校扩建', '标准厂房', '污水管网'][random.int(0, 4)]}工程${i}标段`,
      employer_uscc: e.uscc,
      county_code: e.countyCode,
      start_date: start,
      contract_amount: String(random.int(500_000, 80_000_000)),
      project_insured: insured,
      insured_on: insured ? addDays(start, -random.int(1, 10)) : null,
    });
  }

  const load = (dataSetCode: string, rows: Record<string, unknown>[]) =>
    service.load(
      {
        dataSetCode,
        rows: rows.map((record, i) => ({
          row: i + 1,
          record: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)),
        })),
        source: 'demo',
        demo: true,
      },
      SEEDER,
    );
  await load('yjj.accident', accidents);
  await load('rsj.recognition', recognitions);
  await load('zjj.project', projects);

  // a demo token for 应急局: its value is not kept or shown anywhere (tests and users create their own)
  const unused = newExchangeToken();
  await db.insert(exchangeToken).values({
    name: '演示：应急管理信息系统',
    system: '三明市应急管理综合应用平台（演示）',
    unitCode: 'yjj',
    dataSets: ['yjj.accident', 'yjj.hazard'],
    tokenHash: hashExchangeToken(unused + randomBytes(8).toString('hex')),
    prefix: unused.slice(0, 10),
    createdBy: 'yingji',
    demo: true,
  });
  await runReconciliation(db, regions, today);
}
