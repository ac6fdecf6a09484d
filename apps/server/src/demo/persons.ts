import { CURRENT_COUNTIES, idCheckChar, idNumberFacts, type KeyRoleCode, maskIdNumber } from '@yufang/contracts';
import { sql } from 'drizzle-orm';
import type { PiiVault } from '../core/crypto/pii.js';
import type { Db } from '../core/db/index.js';
import { insuredPerson } from '../modules/employer/employer.schema.js';
import { Random } from './random.js';

/** An employer the persons are generated for (as inserted by the seed). */
export interface PersonEmployer {
  id: string;
  countyCode: string;
  industryCode: string;
  workforce?: number | null;
}

export interface DemoPerson {
  employerId: string;
  idNumber: string;
  name: string;
  job: string;
  keyRole: KeyRoleCode;
  insuredFrom: string;
  insuredTo: string | null;
}

/** About 30,000 insured persons city-wide at the default demo size; tests with few employers get few persons. */
export const DEMO_PERSONS_TARGET = 30_000;
const CHUNK = 1000;

const SURNAMES: [string, number][] = [
  ['陈', 12],
  ['林', 10],
  ['黄', 8],
  ['张', 6],
  ['李', 6],
  ['王', 5],
  ['吴', 5],
  ['刘', 4],
  ['郑', 4],
  ['蔡', 3],
  ['杨', 3],
  ['罗', 3],
  ['邱', 3],
  ['赖', 3],
  ['曾', 3],
  ['肖', 2],
  ['廖', 2],
  ['谢', 2],
  ['徐', 2],
  ['何', 2],
  ['周', 2],
  ['余', 2],
  ['江', 1],
  ['游', 1],
  ['范', 1],
  ['池', 1],
  ['连', 1],
  ['涂', 1],
  ['卢', 1],
  ['魏', 1],
  ['官', 1],
];
const WEIGHTED_SURNAMES = SURNAMES.flatMap(([s, w]) => Array.from({ length: w }, () => s));

const MALE_CHARS = '伟强军平建国志明华勇杰斌鹏辉俊峰文涛海波东兴荣福生金水木财德永春长松清远宏鑫龙庆祥明亮'.split('');
const FEMALE_CHARS = '丽芳秀英华玲娟红梅霞燕萍琴雪兰凤桂珍慧颖婷静敏洁晶莉美琳翠月素'.split('');

const JOBS: Record<string, string[]> = {
  '06': ['井下采煤工', '掘进工', '支护工', '瓦斯检查工', '通风工', '机电维修工', '电工', '安全员'],
  '09': ['凿岩工', '爆破工', '铲装工', '破碎工', '电工', '驾驶员', '安全员'],
  '10': ['凿岩工', '石材切割工', '铲装工', '搬运工', '电工', '驾驶员'],
  '26': ['化工操作工', '仪表工', '电工', '焊工', '装卸工', '安全员'],
  '30': ['窑炉工', '粉磨工', '操作工', '电工', '叉车司机', '搬运工'],
  '31': ['炼钢工', '轧钢工', '天车工', '电工', '焊工', '检修工'],
  '34': ['车工', '焊工', '钳工', '装配工', '电工', '数控操作工', '叉车司机'],
  '35': ['车工', '焊工', '钳工', '装配工', '电工', '起重工'],
  '47': ['架子工', '钢筋工', '木工', '混凝土工', '电工', '焊工', '塔吊司机', '安全员'],
  '48': ['架子工', '钢筋工', '混凝土工', '爆破工', '驾驶员', '电工', '安全员'],
  '54': ['驾驶员', '装卸工', '搬运工', '调度员', '安全员'],
  '20': ['木工', '锯工', '操作工', '搬运工', '电工'],
  '13': ['操作工', '包装工', '搬运工', '电工'],
  '17': ['挡车工', '纺纱工', '织布工', '机修工'],
  '52': ['营业员', '仓管员', '搬运工', '驾驶员'],
};
const DEFAULT_JOBS = ['操作工', '搬运工', '电工', '安全员'];
const ROLE_JOBS: Partial<Record<KeyRoleCode, string>> = {
  principal: '总经理',
  deputy: '副总经理',
  safety_head: '安全科科长',
  team_leader: '班组长',
};

/** Retired codes still on the ID cards of people registered before 2021 (GB/T 2260 changes of 2021-02). */
const OLD_CODES: Record<string, string[]> = { '350404': ['350402', '350403'], '350405': ['350427'] };
/** Birthplaces outside Sanming: other Fujian and neighbouring Jiangxi counties. */
const ELSEWHERE = ['350102', '350203', '350524', '350583', '350623', '350725', '350822', '360730', '360731'];
const SANMING = CURRENT_COUNTIES.map((c) => c.code);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function birthRegion(random: Random, countyCode: string, birthYear: number): string {
  const r = random.next();
  const home = r < 0.7 ? countyCode : r < 0.9 ? random.pick(SANMING) : random.pick(ELSEWHERE);
  // Everyone here was registered before the 2021 re-coding; older cards carry the old code.
  const old = OLD_CODES[home];
  return old && birthYear < 2000 && random.next() < 0.8 ? random.pick(old) : home;
}

function idNumber(random: Random, region: string, year: number, male: boolean): string {
  const month = random.int(1, 12);
  const day = random.int(1, daysIn(year, month));
  let seq = random.int(1, 999);
  if ((seq % 2 === 1) !== male) seq = seq === 999 ? 998 : seq + 1;
  const first17 = `${region}${year}${pad(month)}${pad(day)}${pad(seq, 3)}`;
  return first17 + idCheckChar(first17);
}

function personName(random: Random, male: boolean): string {
  const chars = male ? MALE_CHARS : FEMALE_CHARS;
  const given = random.next() < 0.8 ? random.pick(chars) + random.pick(chars) : random.pick(chars);
  return random.pick(WEIGHTED_SURNAMES) + given;
}

function dateIn(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  return `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
}

/** How many persons each employer gets: `perEmployer` on average, more for a larger workforce when known. */
export function demoPersonCounts(employers: PersonEmployer[], perEmployer: number): number[] {
  const known = employers.map((e) => e.workforce ?? 0).filter((w) => w > 0);
  const mean = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0;
  return employers.map((e) => {
    if (!e.workforce || !mean) return perEmployer;
    return Math.max(3, Math.min(e.workforce, perEmployer * 4, Math.round((perEmployer * e.workforce) / mean)));
  });
}

/**
 * Insured persons of the demo employers, deterministic for a seed: valid ID numbers (birth 1960–2004, Sanming
 * codes including the retired ones, check character), Chinese names, jobs by industry, one principal and one
 * safety head per employer plus team leaders, and some spells that have ended.
 */
export function generatePersons(seed: number, employers: PersonEmployer[], perEmployer: number): DemoPerson[] {
  const random = new Random(seed);
  const counts = demoPersonCounts(employers, perEmployer);
  const seen = new Set<string>();
  const out: DemoPerson[] = [];
  employers.forEach((employer, index) => {
    const count = counts[index] ?? perEmployer;
    const jobs = JOBS[employer.industryCode] ?? DEFAULT_JOBS;
    for (let n = 0; n < count; n++) {
      const keyRole: KeyRoleCode =
        n === 0
          ? 'principal'
          : n === 1
            ? 'safety_head'
            : n === 2 && count >= 20
              ? 'deputy'
              : n % 15 === 3
                ? 'team_leader'
                : 'other';
      const male = random.next() < (keyRole === 'other' ? 0.78 : 0.85);
      const birthYear = random.int(1960, keyRole === 'principal' ? 1990 : 2004);
      let id = '';
      do id = idNumber(random, birthRegion(random, employer.countyCode, birthYear), birthYear, male);
      while (seen.has(id));
      seen.add(id);
      const insuredFrom = dateIn(random, Math.max(2005, birthYear + 18), 2025);
      const fromYear = Number(insuredFrom.slice(0, 4));
      const ended = keyRole === 'other' && fromYear < 2025 && random.next() < 0.12;
      const insuredTo = ended ? dateIn(random, fromYear + 1, 2025) : null;
      out.push({
        employerId: employer.id,
        idNumber: id,
        name: personName(random, male),
        job: ROLE_JOBS[keyRole] ?? random.pick(jobs),
        keyRole,
        insuredFrom,
        insuredTo,
      });
    }
  });
  return out;
}

/** Persons per employer so that the default demo reaches about DEMO_PERSONS_TARGET, and small seeds stay small. */
export function defaultPersonsPerEmployer(employerCount: number): number {
  return Math.max(8, Math.min(90, Math.round(DEMO_PERSONS_TARGET / Math.max(employerCount, 1))));
}

/**
 * Generates, encrypts and inserts the demo persons in chunks inside the seed's transaction; returns the count.
 * Each chunk travels as one jsonb parameter: on PGlite this is several times faster than a multi-row VALUES
 * list with 12,000 bound parameters.
 */
export async function insertDemoPersons(
  tx: Db,
  pii: PiiVault,
  seed: number,
  employers: PersonEmployer[],
  perEmployer = defaultPersonsPerEmployer(employers.length),
): Promise<number> {
  const persons = generatePersons(seed, employers, perEmployer);
  for (let i = 0; i < persons.length; i += CHUNK) {
    const rows = persons.slice(i, i + CHUNK).map((p) => {
      const facts = idNumberFacts(p.idNumber);
      return {
        employer_id: p.employerId,
        id_cipher: pii.encrypt(p.idNumber),
        id_hash: pii.hash(p.idNumber),
        id_masked: maskIdNumber(p.idNumber),
        name: p.name,
        sex: facts.sex,
        birth_date: facts.birthDate,
        job: p.job,
        key_role: p.keyRole,
        insured_from: p.insuredFrom,
        insured_to: p.insuredTo,
      };
    });
    await tx.execute(sql`
      insert into ${insuredPerson} (employer_id, id_cipher, id_hash, id_masked, name, sex, birth_date, job, key_role,
        insured_from, insured_to, demo)
      select employer_id, id_cipher, id_hash, id_masked, name, sex, birth_date, job, key_role, insured_from,
        insured_to, true
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(employer_id uuid, id_cipher text, id_hash text,
        id_masked text, name text, sex text, birth_date date, job text, key_role text, insured_from date,
        insured_to date)`);
  }
  return persons.length;
}
