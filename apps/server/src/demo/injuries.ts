import { type InjuryCostItem, type InjurySeverity, isPneumoconiosis, LOST_WORKDAYS } from '@yufang/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../core/db/index.js';
import { INJURY_POLICY_DEFAULTS } from '../modules/injury/injury.policy.js';
import { legalGrade, tenureMonthsOn } from '../modules/injury/injury.rules.js';
import { type DemoEmployer, demoUuid } from './employers.js';
import { FIRST_YEAR, generateHeadcounts } from './headcounts.js';
import { Random } from './random.js';

/**
 * Demo work injuries, occupational-disease cases and safety accidents 2020–2025, deterministic for a seed. The
 * expected number of cases of an employer-year is its average headcount × its industry's base rate × a trend: most
 * key industries fall about 30% by 2025 (on track for −20%), 交通运输 and 危险化学品 do not fall, and in 尤溪县 and 大田县
 * rates rise (at risk), so the target page shows both marks. About 5% of employers (HOT_SHARE) run at 2–4× their
 * industry's rate in every year, so the risk index proposes some for key monitoring; their surplus cases come from a
 * random stream of their own and follow the expected counts, so every other case is the same as without them and
 * the trends keep their marks.
 */

const YEARS = 6;
const CHUNK = 1000;
/** Recognised injuries per 1,000 insured a year in 2020, by GB/T 4754 division. */
const BASE_RATE: Record<string, number> = { '06': 22, '09': 14, '10': 12, '26': 9, '30': 8, '31': 9, '34': 8, '35': 8 };
const BASE_RATE_BY_PREFIX: [RegExp, number][] = [
  [/^4[7-9]|^50/, 12],
  [/^5[3-6]/, 8],
];
const FLAT_INDUSTRIES = new Set(['26', '53', '54', '55', '56']);
const FLAT_COUNTIES = new Set(['350426', '350425']);
/** Accident-prone employers: this share runs at 2–4× its industry's rate, so the risk index has some to propose. */
const HOT_SHARE = 0.05;
const HOT_FACTOR: [number, number] = [2, 4];

const CATEGORIES: [RegExp, string[]][] = [
  [/^06/, ['11', '11', '10', '15', '12', '01', '02', '05']],
  [/^(09|10)/, ['11', '10', '13', '01', '02', '03']],
  [/^(25|26)/, ['19', '07', '17', '08', '03', '18']],
  [/^(4[7-9]|50)/, ['09', '09', '09', '01', '10', '04', '05', '03']],
  [/^5[3-6]/, ['02', '02', '02', '01', '04']],
  [/^3/, ['03', '03', '01', '04', '07', '05']],
];
const NATURES = ['骨折', '挫伤、轧伤、压伤', '割伤、擦伤、刺伤', '扭伤', '烧伤', '脑震荡', '多伤害'];
const PARTS = ['腕及手', '上肢', '下肢', '颅脑', '胸部', '腰部', '多部位', '眼部'];
const PLACES = ['生产车间', '作业面', '施工现场', '厂区道路', '仓库', '井下巷道', '装卸区'];

function expectedRate(industry: string, county: string, year: number): number {
  const base = BASE_RATE[industry] ?? BASE_RATE_BY_PREFIX.find(([re]) => re.test(industry))?.[1] ?? 4;
  const t = (year - FIRST_YEAR) / (YEARS - 1);
  const fall = FLAT_COUNTIES.has(county) ? -0.1 : FLAT_INDUSTRIES.has(industry) ? -0.04 : 0.32;
  return base * (1 - fall * t);
}

/** The accident-prone employers and the surplus over their industry's rate (1–3 for 2–4×). */
function hotEmployers(random: Random, employers: readonly { id: string }[]): Map<string, number> {
  const hot = new Map<string, number>();
  const [low, high] = HOT_FACTOR;
  for (const e of employers) if (random.next() < HOT_SHARE) hot.set(e.id, low - 1 + random.next() * (high - low));
  return hot;
}

/** x rounded down or up at random, up with probability its fraction: the mean stays x. */
const roundAtRandom = (random: Random, x: number) => Math.floor(x) + (random.next() < x - Math.floor(x) ? 1 : 0);

function poisson(random: Random, lambda: number): number {
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(random)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k++;
    p *= random.next();
  }
  return k;
}

function gauss(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

interface Roster {
  id: string;
  employer_id: string;
  name: string;
  sex: string;
  birth_date: string;
  job: string | null;
  insured_from: string;
  id_cipher: string;
  id_hash: string;
  id_masked: string;
}

type Employer = DemoEmployer & { riskClass: number | null; keyIndustry: boolean; dustHazard: boolean };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dateOf = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

/** Writes the demo cases of the inserted employers (with their classification); the triggers mark the aggregates. */
export async function seedDemoInjuries(
  db: Db,
  seeds: { cases: number; headcounts: number },
  employers: readonly Employer[],
): Promise<number> {
  const random = new Random(seeds.cases);
  // the same series the seed inserted: the average headcounts are the exposure of each employer-year
  const workers = new Map<string, number>();
  for (const h of generateHeadcounts(new Random(seeds.headcounts), employers)) {
    const key = `${h.employerId}|${h.month.slice(0, 4)}`;
    workers.set(key, (workers.get(key) ?? 0) + h.insuredCount / 12);
  }
  const roster = new Map<string, Roster[]>();
  const rows = (await db.execute(sql`
    select id, employer_id, name, sex, birth_date::text, job, insured_from::text, id_cipher, id_hash, id_masked
    from insured_person where demo`)) as unknown as { rows: Roster[] };
  for (const p of rows.rows) roster.set(p.employer_id, [...(roster.get(p.employer_id) ?? []), p]);
  const grades = INJURY_POLICY_DEFAULTS[0]?.value ?? { grades: [] };
  const hotRandom = new Random(seeds.cases + 0x5eed);
  const hot = hotEmployers(hotRandom, employers);

  const cases: Record<string, unknown>[] = [];
  const costs: Record<string, unknown>[] = [];
  const accidents: Record<string, unknown>[] = [];
  const diseases: Record<string, unknown>[] = [];
  for (const e of employers) {
    const people = roster.get(e.id) ?? [];
    for (let y = 0; y < YEARS; y++) {
      const year = FIRST_YEAR + y;
      const avg = workers.get(`${e.id}|${year}`) ?? 0;
      if (avg <= 0) continue;
      const expected = (avg * expectedRate(e.industryCode, e.countyCode, year)) / 1000;
      // one case drawn from the stream given (the hot employers' surplus comes from a stream of its own)
      const addCase = (random: Random) => {
        const at = new Date(
          Date.UTC(year, 0, 1, 0, 30) + random.int(0, 364) * 86_400_000 + random.int(0, 600) * 60_000,
        );
        const day = at.toISOString().slice(0, 10);
        const deadly = /^(06|09|10|4[7-9]|50)/.test(e.industryCode) ? 0.02 : 0.006;
        const roll = random.next();
        const severity: InjurySeverity = roll < deadly ? 'death' : roll < deadly + 0.13 ? 'serious' : 'minor';
        const lost =
          severity === 'death'
            ? LOST_WORKDAYS.death
            : severity === 'serious'
              ? random.int(LOST_WORKDAYS.seriousMin, 360)
              : random.int(3, 90);
        // the last weeks of the series are still being decided
        const late = year === FIRST_YEAR + YEARS - 1 && at.getUTCMonth() === 11;
        const r = random.next();
        const recognition =
          late && r < 0.5 ? 'pending' : r < 0.05 ? 'not_recognised' : r < 0.08 ? 'deemed' : 'recognised';
        const recognised = recognition === 'recognised' || recognition === 'deemed';
        const grade =
          recognised && severity === 'serious' ? random.int(5, 10) : recognised && random.next() < 0.1 ? 10 : null;
        const person = people.length ? random.pick(people) : null;
        const categories = CATEGORIES.find(([re]) => re.test(e.industryCode))?.[1] ?? ['01', '03', '09', '20'];
        const paid = (days: number) => new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
        const caseNo = `SMGS${year}${e.countyCode}${pad(cases.length + 1, 6)}`;
        const id = demoUuid(random);
        let accidentId: string | null = null;
        if (severity === 'death' || (severity === 'serious' && random.next() < 0.3)) {
          accidentId = demoUuid(random);
          const facts = {
            deaths: severity === 'death' ? 1 : 0,
            seriousInjuries: severity === 'serious' ? 1 : 0,
            directLossFen: random.int(5, 300) * 1_000_000,
          };
          accidents.push({
            id: accidentId,
            accident_no: `SMAJ${year}${pad(accidents.length + 1, 5)}`,
            employer_id: e.id,
            county_code: e.countyCode,
            occurred_at: at.toISOString(),
            category: random.pick(categories),
            deaths: facts.deaths,
            serious_injuries: facts.seriousInjuries,
            minor_injuries: 0,
            direct_loss_fen: facts.directLossFen,
            legal_grade: legalGrade(facts, grades),
            summary: `${e.name}发生一起${severity === 'death' ? '死亡' : '重伤'}事故（演示数据）`,
          });
        }
        cases.push({
          id,
          case_no: caseNo,
          employer_id: e.id,
          county_code: e.countyCode,
          person_id: person?.id ?? null,
          worker_name: person?.name ?? `演示职工${cases.length + 1}`,
          id_cipher: person?.id_cipher ?? null,
          id_hash: person?.id_hash ?? null,
          id_masked: person?.id_masked ?? null,
          sex: person ? (person.sex === 'M' || person.sex === '1' ? '1' : '2') : random.next() < 0.8 ? '1' : '2',
          birth_date: person?.birth_date ?? `${random.int(1965, 2000)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
          job: person?.job ?? null,
          tenure_months: person ? tenureMonthsOn(person.insured_from, day) : random.int(1, 120),
          occurred_at: at.toISOString(),
          place: random.pick(PLACES),
          accident_category: random.pick(categories),
          injury_nature: random.pick(NATURES),
          body_part: random.pick(PARTS),
          severity,
          lost_workdays: lost,
          commuting: random.next() < 0.04,
          recognition_result: recognition,
          recognition_date: recognition === 'pending' ? null : paid(random.int(30, 90)),
          disability_grade: grade,
          accident_id: accidentId,
          industry_code: e.industryCode,
          industry_group: e.industryGroup,
          risk_class: e.riskClass,
          key_industry: e.keyIndustry,
          dust_hazard: e.dustHazard,
        });
        if (!recognised) return;
        const add = (item: InjuryCostItem, yuan: number, days: number) =>
          costs.push({ case_id: id, item, amount_fen: Math.round(yuan) * 100, paid_on: paid(days) });
        add(
          'medical',
          severity === 'minor' ? random.int(2_000, 30_000) : random.int(30_000, 260_000),
          random.int(20, 90),
        );
        add('paid_leave_wage', Math.min(lost, 365) * random.int(150, 260), random.int(60, 200));
        if (grade) add('disability_lump_sum', (11 - grade) * random.int(12_000, 16_000), random.int(150, 330));
        if (severity === 'death') {
          add('death_lump_sum', 1_000_000 + random.int(0, 50_000), random.int(40, 120));
          add('funeral', random.int(40_000, 50_000), random.int(20, 60));
        }
      };
      for (let k = poisson(random, expected); k > 0; k--) addCase(random);
      const surplus = hot.get(e.id);
      // the surplus follows the expected count (rounded at random) rather than adding Poisson noise of its own
      if (surplus) for (let k = roundAtRandom(hotRandom, expected * surplus); k > 0; k--) addCase(hotRandom);
      if (e.dustHazard || /^3[45]/.test(e.industryCode)) {
        const lambda = (avg * (e.dustHazard ? 1.6 : 0.5) * (1 - 0.06 * y)) / 1000;
        for (let k = poisson(random, lambda); k > 0; k--)
          diseases.push(demoDisease(random, e, year, y, diseases.length));
      }
    }
  }
  await insertRows(db, 'safety_accident', accidents, true);
  await insertRows(db, 'injury_case', cases, true);
  await insertRows(db, 'injury_cost', costs, false);
  await insertRows(db, 'disease_case', diseases, true);
  return cases.length;
}

function demoDisease(random: Random, e: Employer, year: number, y: number, n: number): Record<string, unknown> {
  const diagnosed = dateOf(year, random.int(0, 364));
  const edition = diagnosed >= '2025-08-01' ? '2024' : '2013';
  const dust = e.dustHazard;
  const disease = dust
    ? e.industryCode === '06'
      ? '煤工尘肺'
      : e.industryGroup === '301'
        ? '水泥尘肺'
        : '矽肺'
    : '噪声聋';
  // the share of new pneumoconiosis cases with under five years of exposure falls from about 28% to 10%
  const short = random.next() < 0.28 - 0.036 * y;
  const exposureMonths = short ? random.int(18, 59) : random.int(60, 300);
  return {
    case_no: `SMZYB${year}${e.countyCode}${pad(n + 1, 5)}`,
    employer_id: e.id,
    county_code: e.countyCode,
    worker_name: `演示患者${n + 1}`,
    sex: random.next() < 0.92 ? '1' : '2',
    birth_date: `${random.int(1958, 1990)}-0${random.int(1, 9)}-2${random.int(0, 8)}`,
    diagnosed_on: diagnosed,
    catalogue_edition: edition,
    category_no: dust ? 1 : 4,
    disease_name: disease,
    pneumoconiosis: isPneumoconiosis(edition, dust ? 1 : 4, disease),
    stage: dust ? random.pick([1, 1, 1, 2, 2, 3]) : null,
    exposure_months: exposureMonths,
    hazard_factor: dust ? (e.industryCode === '06' ? '煤尘' : e.industryGroup === '301' ? '水泥粉尘' : '矽尘') : '噪声',
    recognition_result: random.next() < 0.93 ? 'recognised' : 'pending',
    industry_code: e.industryCode,
    industry_group: e.industryGroup,
    risk_class: e.riskClass,
    key_industry: e.keyIndustry,
    dust_hazard: e.dustHazard,
  };
}

/** Chunked inserts with one jsonb parameter each (much faster on PGlite than wide VALUES lists). */
async function insertRows(db: Db, table: string, rows: Record<string, unknown>[], records: boolean): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const cols = sql.raw(columns.join(', '));
  // records carry their provenance; cost lines belong to a case
  const into = sql.raw(records ? ', source, demo' : '');
  const values = sql.raw(records ? ", 'form', true" : '');
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
    await db.execute(sql`
      insert into ${sql.raw(table)} (${cols}${into})
      select ${cols}${values} from jsonb_populate_recordset(null::${sql.raw(table)}, ${chunk}::jsonb)`);
  }
}
