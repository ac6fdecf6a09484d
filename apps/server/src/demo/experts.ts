import { CURRENT_COUNTIES, idCheckChar, maskIdNumber, maskPhone } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import type { PiiVault } from '../core/crypto/pii.js';
import type { Db } from '../core/db/index.js';
import { appUser, employer } from '../core/db/schema.js';
import { addDays, termEnd } from '../modules/expert/expert.rules.js';
import {
  expert,
  expertDiscipline,
  expertEvent,
  expertQualification,
  expertRelation,
  expertUnavailability,
} from '../modules/expert/expert.schema.js';
import { provider } from '../modules/provider/provider.schema.js';
import { demoUuid } from './employers.js';
import { Random } from './random.js';

const COUNT = 120;
const DOMAINS = ['injury_prevention', 'work_safety', 'occupational_health', 'finance', 'legal', 'publicity_training'];
const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '郑', '蔡', '罗', '邱', '赖', '肖', '杨', '谢'];
const GIVEN = [
  '建华',
  '志强',
  '丽萍',
  '明辉',
  '秀英',
  '文斌',
  '海燕',
  '国庆',
  '晓东',
  '美玲',
  '振宇',
  '春梅',
  '永福',
  '慧敏',
  '德胜',
  '雅琴',
  '伟明',
  '淑芳',
];
const TITLES = [
  '高级工程师',
  '注册安全工程师',
  '副主任医师',
  '主任医师',
  '高级会计师',
  '律师',
  '教授',
  '副教授',
  '工程师',
];
const UNITS = [
  '三明学院',
  '三明市第一医院',
  '福建三钢集团',
  '三明市疾病预防控制中心',
  '闽西职业技术学院',
  '三明市安全生产协会',
  '福建明辉律师事务所',
  '三明市会计师事务所',
];
const GROUP_BY_DOMAIN: Record<string, string> = {
  injury_prevention: '工伤预防组',
  work_safety: '安全生产组',
  occupational_health: '职业卫生组',
  finance: '财务审计组',
  legal: '法律事务组',
  publicity_training: '宣传培训组',
};
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function idNumber(random: Random, region: string): string {
  const year = random.int(1962, 1990);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const first17 = `${region}${year}${pad(month)}${pad(day)}${pad(random.int(1, 999), 3)}`;
  return first17 + idCheckChar(first17);
}

/**
 * The demo expert pool: about 120 experts across the six domains and the counties, mostly appointed with terms
 * ending at various dates (a few within 60 days, a few expired), some applied, reviewing, rejected or dismissed;
 * relations to demo employers and providers (when seeded), suspensions, unavailability, share consent for about
 * half. expert01 is linked to an appointed 工伤预防 expert.
 */
export async function seedDemoExperts(db: Db, pii: PiiVault | undefined, seed: number, today: string) {
  if (!pii) return;
  const random = new Random(seed);
  const [employers, providers, [account]] = await Promise.all([
    db.select({ id: employer.id, name: employer.name, uscc: employer.uscc }).from(employer).limit(200),
    db.select({ id: provider.id, name: provider.name, uscc: provider.uscc }).from(provider).limit(100),
    db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, 'expert01')),
  ]);
  const experts: (typeof expert.$inferInsert)[] = [];
  const events: (typeof expertEvent.$inferInsert)[] = [];
  const relations: (typeof expertRelation.$inferInsert)[] = [];
  const qualifications: (typeof expertQualification.$inferInsert)[] = [];
  const discipline: (typeof expertDiscipline.$inferInsert)[] = [];
  const unavailability: (typeof expertUnavailability.$inferInsert)[] = [];
  const seen = new Set<string>();
  const system = { actorName: '市人社局工伤保险科' };
  const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
  for (let i = 0; i < COUNT; i++) {
    const county = CURRENT_COUNTIES[i % CURRENT_COUNTIES.length]?.code as string;
    let id = idNumber(random, county);
    while (seen.has(id)) id = idNumber(random, county);
    seen.add(id);
    const mobile = `13${random.int(0, 9)}${pad(random.int(0, 99_999_999), 8)}`;
    const main = i === 0 ? 'injury_prevention' : (DOMAINS[i % DOMAINS.length] as string);
    const domains = random.next() < 0.3 ? [main, random.pick(DOMAINS.filter((d) => d !== main))] : [main];
    // status mix: 100 appointed, then applied, reviewing, rejected, dismissed
    const status: (typeof expert.$inferInsert)['status'] =
      i < 100 ? 'appointed' : i < 106 ? 'applied' : i < 111 ? 'reviewing' : i < 115 ? 'rejected' : 'dismissed';
    const expertId = demoUuid(random);
    const applied = addDays(today, -random.int(400, 1400));
    let start: string | null = null;
    let end: string | null = null;
    if (status === 'appointed' || status === 'dismissed') {
      // i 1..6 end within 60 days; 7..9 have just expired; expert01's (i 0) runs for long
      const endIn =
        i === 0 ? 700 : i <= 6 ? [7, 20, 30, 45, 58, 60][i - 1] : i <= 9 ? -random.int(3, 40) : random.int(61, 1000);
      end = addDays(today, endIn as number);
      // the term that ends on `end`: three years back, plus a day (termEnd(start, 3) === end)
      start = addDays(termEnd(end, -3), 2);
      if (start > today) start = addDays(today, -30);
    }
    const name = `${random.pick(SURNAMES)}${random.pick(GIVEN)}`;
    experts.push({
      id: expertId,
      name: i === 0 ? '邱明远' : name,
      idCipher: pii.encrypt(id),
      idHash: pii.hash(id),
      idMasked: maskIdNumber(id),
      phoneCipher: pii.encrypt(mobile),
      phoneMasked: maskPhone(mobile),
      workUnit: random.pick(UNITS),
      title: random.pick(TITLES),
      domains,
      groupName: GROUP_BY_DOMAIN[main] ?? null,
      countyCode: county,
      status,
      termStart: start,
      termEnd: end,
      shareConsent: random.next() < 0.5,
      userId: i === 0 ? (account?.id ?? null) : null,
      demo: true,
    });
    events.push({ expertId, kind: 'applied', at: at(applied), ...system, detail: { domains } });
    if (status !== 'applied') {
      events.push({ expertId, kind: 'review', at: at(addDays(applied, 5)), ...system, detail: {} });
    }
    if (status === 'rejected') {
      events.push({
        expertId,
        kind: 'reject',
        at: at(addDays(applied, 20)),
        ...system,
        reason: '资质证书已过有效期',
        detail: {},
      });
    }
    if (start && end) {
      events.push({
        expertId,
        kind: 'appoint',
        at: at(start),
        ...system,
        detail: { termStart: start, termEnd: end, termYears: 3 },
      });
    }
    if (status === 'dismissed') {
      events.push({
        expertId,
        kind: 'dismiss',
        at: at(addDays(today, -random.int(10, 200))),
        ...system,
        reason: '多次无故拒绝评审任务',
        detail: {},
      });
      discipline.push({
        expertId,
        kind: 'dismissal',
        recordedOn: addDays(today, -random.int(10, 200)),
        reason: '多次无故拒绝评审任务',
      });
    }
    qualifications.push({
      expertId,
      name: domains.includes('occupational_health') ? '职业病诊断医师资格证' : '注册安全工程师执业资格证',
      number: `ZJ${pad(random.int(0, 999_999), 6)}`,
      issuer: '福建省人力资源和社会保障厅',
      validUntil: addDays(today, random.int(100, 1500)),
    });
    if (employers.length && random.next() < 0.25) {
      const e = random.pick(employers);
      relations.push({
        expertId,
        kind: 'employer',
        employerId: e.id,
        partyName: e.name,
        partyUscc: e.uscc,
        nature: random.pick(['兼职顾问', '亲属任职', '曾任职']),
        declaredOn: applied,
      });
    }
    if (providers.length && random.next() < 0.15) {
      const p = random.pick(providers);
      relations.push({
        expertId,
        kind: 'provider',
        providerId: p.id,
        partyName: p.name,
        partyUscc: p.uscc,
        nature: '兼职技术顾问',
        declaredOn: applied,
      });
    }
    if (status === 'appointed' && i > 0 && i % 17 === 0) {
      const recorded = addDays(today, -random.int(5, 60));
      const until = addDays(today, random.int(30, 120));
      discipline.push({
        expertId,
        kind: 'suspension',
        recordedOn: recorded,
        suspendedUntil: until,
        reason: '评审意见泄露给申报单位',
      });
      events.push({
        expertId,
        kind: 'discipline',
        at: at(recorded),
        ...system,
        reason: '评审意见泄露给申报单位',
        detail: { kind: 'suspension', kindLabel: '暂停抽取', suspendedUntil: until },
      });
    }
    if (status === 'appointed' && i > 0 && i % 13 === 0) {
      const from = addDays(today, random.int(-10, 20));
      unavailability.push({
        expertId,
        fromDate: from,
        toDate: addDays(from, random.int(7, 45)),
        reason: random.pick(['出国访学', '病休', '外地挂职']),
      });
    }
  }
  await db.transaction(async (tx) => {
    await tx.insert(expert).values(experts);
    await tx.insert(expertEvent).values(events);
    await tx.insert(expertQualification).values(qualifications);
    if (relations.length) await tx.insert(expertRelation).values(relations);
    if (discipline.length) await tx.insert(expertDiscipline).values(discipline);
    if (unavailability.length) await tx.insert(expertUnavailability).values(unavailability);
  });
}
