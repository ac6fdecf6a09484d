/**
 * Demo third-party service organisations (flagged demo where the table has the flag): 30 organisations across the
 * counties and service types, most approved, a few registered or rejected; listings on both recommended lists;
 * engagements 2021–2025 (some failed with deductions), complaints, one suspension, one barring for fraud, and
 * qualifications of which some expire within 60 days. The demo account provider01 is linked to the first one.
 * Deterministic for a seed; bulk inserts only.
 */
import { CURRENT_COUNTIES, maskPhone } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import type { PiiVault } from '../core/crypto/pii.js';
import type { Db } from '../core/db/index.js';
import { appUser, userScope } from '../core/db/schema.js';
import { addDays } from '../modules/hazard/hazard.rules.js';
import {
  provider,
  providerComplaint,
  providerEngagement,
  providerListing,
  providerQualification,
  providerSanction,
} from '../modules/provider/provider.schema.js';
import { demoUscc, demoUuid } from './employers.js';
import { Random } from './random.js';

const COUNT = 30;
const WORDS = ['安培', '安泰', '恒安', '明安', '瑞康', '沙溪', '闽中', '金湖', '泰宁', '建安', '绿源', '华安', '永固'];
const KINDS: { suffix: string; types: string[] }[] = [
  { suffix: '职业安全服务中心', types: ['training', 'online_platform', 'publicity'] },
  { suffix: '安全培训学校', types: ['training'] },
  { suffix: '安全技术咨询有限公司', types: ['consulting', 'diagnosis'] },
  { suffix: '网络科技有限公司', types: ['online_platform'] },
  { suffix: '职业卫生技术服务有限公司', types: ['diagnosis', 'training'] },
  { suffix: '文化传媒有限公司', types: ['publicity'] },
  { suffix: '安全生产科技有限公司', types: ['training', 'consulting'] },
];
const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '郑', '罗'];
const GIVEN = ['建华', '志强', '丽萍', '国栋', '秀英', '明辉', '海燕', '永福', '晓东', '春梅', '文杰', '美玲'];
const QUALIFICATIONS = [
  ['安全培训机构备案证明', '三明市应急管理局'],
  ['职业卫生技术服务机构资质证书', '福建省卫生健康委员会'],
  ['安全评价机构资质证书', '福建省应急管理厅'],
  ['增值电信业务经营许可证', '福建省通信管理局'],
  ['质量管理体系认证证书', '中国质量认证中心'],
];
const TITLES = [
  ['重点行业企业负责人工伤预防培训', '人'],
  ['一线职工安全技能培训', '人'],
  ['工伤预防线上课程学习', '人次'],
  ['工伤预防宣传进企业活动', '场'],
  ['企业职业病危害因素诊断评估', '家'],
  ['高危岗位安全咨询服务', '家'],
];
const COMPLAINTS = [
  '培训课时不足，签到表与实际到场人数不符',
  '线上平台学习记录无法导出',
  '宣传材料印刷数量少于合同约定',
  '授课教师资质与投标文件不一致',
];

const person = (r: Random) => r.pick(SURNAMES) + r.pick(GIVEN);

export async function seedDemoProviders(db: Db, pii: PiiVault | undefined, seed: number, today: string) {
  // the contact's mobile is stored encrypted only: without a vault there are no demo organisations
  if (!pii) return;
  const random = new Random(seed);
  const year = Number(today.slice(0, 4));
  const providers: (typeof provider.$inferInsert)[] = [];
  const qualifications: (typeof providerQualification.$inferInsert)[] = [];
  const listings: (typeof providerListing.$inferInsert)[] = [];
  const engagements: (typeof providerEngagement.$inferInsert)[] = [];
  const complaints: (typeof providerComplaint.$inferInsert)[] = [];
  const sanctions: (typeof providerSanction.$inferInsert)[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < COUNT; i++) {
    const id = demoUuid(random);
    const county = CURRENT_COUNTIES[i % CURRENT_COUNTIES.length] as (typeof CURRENT_COUNTIES)[number];
    const kind = (
      i === 0 ? KINDS[0] : i === 5 ? KINDS[1] : i === 9 ? KINDS[6] : random.pick(KINDS)
    ) as (typeof KINDS)[number];
    let word = i === 0 ? '安培' : random.pick(WORDS);
    while (usedNames.has(word + kind.suffix)) word = random.pick(WORDS) + random.pick(['', '众', '信', '达']);
    usedNames.add(word + kind.suffix);
    const place = county.name.replace(/(市|县|区)$/, '');
    const name = i === 0 ? '三明安培职业安全服务中心' : `${i % 3 === 0 ? '三明' : place}${word}${kind.suffix}`;
    const status = i >= 28 ? 'rejected' : i >= 26 ? 'registered' : 'approved';
    const phone = `13${random.int(5, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    providers.push({
      id,
      uscc: demoUscc(random, county.code),
      name,
      countyCode: county.code,
      address: `${county.name}${random.pick(['城关', '工业园区', '经济开发区', '新城'])}${random.int(1, 200)}号`,
      legalRepresentative: person(random),
      contactName: person(random),
      contactPhoneCipher: pii.encrypt(phone),
      contactPhoneMasked: maskPhone(phone),
      serviceTypes: kind.types,
      introduction: `${name}成立于 ${random.int(2008, 2019)} 年，主要从事${kind.types.length > 1 ? '安全培训、宣传与技术服务' : '安全生产相关服务'}，服务三明市各县（市、区）用人单位。`,
      staff: Array.from({ length: random.int(2, 5) }, () => ({
        name: person(random),
        role: random.pick(['培训讲师', '项目负责人', '技术人员', '平台运维']),
        qualification: random.pick(['注册安全工程师', '职业卫生检测员', '高级讲师', '']),
      })),
      equipment: [
        {
          name: random.pick(['多媒体培训教室', 'VR 安全体验设备', '便携式粉尘检测仪']),
          quantity: random.int(1, 6),
          note: '',
        },
      ],
      status,
      reviewNote: status === 'rejected' ? '资质材料不全，且缺少专职培训教师' : null,
      reviewedAt: status === 'registered' ? null : new Date(`${year - random.int(1, 4)}-03-01T02:00:00Z`),
      demo: true,
    });
    // qualifications: a few expire in 7, 30 and 55 days, one expired last month, the rest later
    const expiry =
      i === 2
        ? addDays(today, 7)
        : i === 3
          ? addDays(today, 30)
          : i === 4
            ? addDays(today, 55)
            : addDays(today, random.int(90, 1000));
    const [qName, issuer] = kind.types.includes('diagnosis')
      ? (QUALIFICATIONS[1] as string[])
      : kind.types.includes('online_platform') && i !== 0
        ? (QUALIFICATIONS[3] as string[])
        : (QUALIFICATIONS[0] as string[]);
    qualifications.push({
      providerId: id,
      name: qName as string,
      number: `MQ${year - 2}${String(1000 + i)}`,
      issuer: issuer as string,
      validUntil: expiry,
    });
    if (i % 4 === 1) {
      const [n2, i2] = QUALIFICATIONS[4] as string[];
      qualifications.push({
        providerId: id,
        name: n2 as string,
        number: `CQC${String(5000 + i)}`,
        issuer: i2 as string,
        validUntil: i === 13 ? addDays(today, -20) : addDays(today, random.int(200, 900)),
      });
    }
    if (status !== 'approved') continue;
    // listings: most eligible organisations are listed; a few applications are waiting or were turned down
    for (const list of ['training', 'online_platform'] as const) {
      if (!kind.types.includes(list)) continue;
      const roll = i === 0 ? 0 : random.next();
      const listedOn = `${random.int(2021, year - 1)}-0${random.int(1, 9)}-15`;
      if (roll < 0.7)
        listings.push({ providerId: id, list, status: 'listed', appliedOn: addDays(listedOn, -20), listedOn });
      else if (roll < 0.85) listings.push({ providerId: id, list, status: 'applied', appliedOn: addDays(today, -5) });
      else
        listings.push({
          providerId: id,
          list,
          status: 'rejected',
          appliedOn: addDays(listedOn, -20),
          reason: '近三年验收得分偏低，暂不列入',
        });
    }
    // the record across projects, 2021–2025
    const n = random.int(1, 4);
    for (let k = 0; k < n; k++) {
      const [title, unit] = random.pick(TITLES) as string[];
      const y = random.int(2021, Math.min(2025, year));
      const contractedUnits =
        unit === '场' ? random.int(5, 30) : unit === '家' ? random.int(10, 60) : random.int(100, 800);
      const contractedFen = random.int(8, 60) * 1_000_000;
      const failed = (i === 7 || i === 9 || random.next() < 0.12) && y < year;
      const inProgress = !failed && y === year;
      const delivered = failed ? Math.floor(contractedUnits * (0.5 + random.next() * 0.3)) : contractedUnits;
      engagements.push({
        providerId: id,
        year: y,
        title: `${y}年度${title}`,
        contractedFen,
        deductionFen: failed ? Math.round((contractedFen * (0.1 + random.next() * 0.2)) / 100) * 100 : 0,
        unit: unit as string,
        contractedUnits,
        deliveredUnits: inProgress ? null : delivered,
        acceptanceScore: inProgress ? null : failed ? random.int(5500, 6900) : random.int(7800, 9800),
        outcome: inProgress ? 'in_progress' : failed ? 'failed' : 'passed',
        source: 'manual',
        demo: true,
      });
    }
    if (i % 6 === 3 || i === 9) {
      const upheld = i === 9 || random.next() < 0.5;
      complaints.push({
        providerId: id,
        receivedOn: addDays(today, -random.int(30, 600)),
        summary: random.pick(COMPLAINTS),
        upheld,
        resolution: upheld ? '经核实属实，已责令整改并扣减相应费用' : '经核实不属实，已答复投诉人',
        resolvedOn: addDays(today, -random.int(1, 25)),
      });
    }
  }
  // one suspended (until three months from now), one barred for defrauding the fund
  const suspended = providers[5] as typeof provider.$inferInsert;
  const barred = providers[9] as typeof provider.$inferInsert;
  sanctions.push(
    {
      providerId: suspended.id as string,
      kind: 'suspension',
      fromDate: addDays(today, -30),
      untilDate: addDays(today, 90),
      reason: '培训签到记录弄虚作假，暂停承接工伤预防项目',
    },
    {
      providerId: barred.id as string,
      kind: 'barring',
      fromDate: addDays(today, -200),
      reason: '虚报培训人数，骗取工伤预防费',
    },
  );
  // both of them were on a list: the public pages leave them out while the sanction is in force
  for (const p of [suspended, barred]) {
    if (!listings.some((l) => l.providerId === p.id && l.status === 'listed')) {
      listings.push({
        providerId: p.id as string,
        list: 'training',
        status: 'listed',
        appliedOn: '2022-03-01',
        listedOn: '2022-03-20',
      });
    }
  }
  const [account] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, 'provider01'));
  await db.transaction(async (tx) => {
    await tx.insert(provider).values(providers);
    await tx.insert(providerQualification).values(qualifications);
    if (listings.length) await tx.insert(providerListing).values(listings);
    if (engagements.length) await tx.insert(providerEngagement).values(engagements);
    if (complaints.length) await tx.insert(providerComplaint).values(complaints);
    await tx.insert(providerSanction).values(sanctions);
    if (account)
      await tx.insert(userScope).values({ userId: account.id, kind: 'provider', code: providers[0]?.id as string });
  });
}
