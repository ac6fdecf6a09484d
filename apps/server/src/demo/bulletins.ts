import type { BulletinAction, BulletinSourceKind, BulletinView } from '@yufang/contracts';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../core/audit/audit.js';
import type { Actor } from '../core/auth/actor.js';
import { loadActor } from '../core/auth/resolve.js';
import { RegionIndex } from '../core/authz/regions.js';
import type { Db } from '../core/db/index.js';
import { appUser, employer, userScope } from '../core/db/schema.js';
import { bulletin, bulletinAck } from '../modules/bulletin/bulletin.schema.js';
import { BulletinService } from '../modules/bulletin/bulletin.service.js';
import { diseaseCase, injuryCase, safetyAccident } from '../modules/injury/injury.schema.js';
import { Random } from './random.js';

const SYSTEM = { userId: null, username: 'system', roles: [], ip: null, requestId: null };

/** Editor's text by GB 6441 category name (and for occupational disease), written for the demo. */
const TEXTS: Record<string, { causes: string; lessons: string }> = {
  机械伤害: {
    causes: '设备防护装置缺失或被拆除，作业人员在设备未停机断电的情况下进入危险区域；企业未落实设备检修挂牌上锁制度。',
    lessons: '全面排查机械设备防护装置，落实检修“停机、断电、挂牌、上锁”；开展岗位安全操作规程培训，班组长每班检查。',
  },
  触电: {
    causes: '临时用电线路私拉乱接、未装设漏电保护器，作业人员未持证上岗、未穿戴绝缘防护用品。',
    lessons: '规范临时用电，落实“一机一闸一漏一箱”；电工持证上岗，作业前验电并穿戴绝缘用品。',
  },
  高处坠落: {
    causes: '高处作业未系挂安全带，作业平台临边防护缺失；现场安全管理人员未进行旁站监督。',
    lessons: '高处作业必须系挂安全带并设置临边防护和安全网；落实作业审批与专人监护，恶劣天气停止高处作业。',
  },
  disease: {
    causes: '粉尘作业场所通风除尘设施运行不正常，湿式作业未落实；劳动者未正确佩戴防尘口罩，职业健康检查不到位。',
    lessons:
      '落实“革、水、密、风、护、管、教、查”八字方针，定期检测粉尘浓度；按规定组织在岗期间职业健康检查并为劳动者参加工伤保险。',
  },
  default: {
    causes: '企业安全生产主体责任落实不到位，风险辨识与隐患排查流于形式；作业人员安全意识淡薄，违章作业。',
    lessons: '建立健全全员安全生产责任制，常态化开展隐患排查治理；加强岗前及在岗安全培训，杜绝违章指挥、违章作业。',
  },
};

const AFTER_ACCIDENT = '事故发生后，企业立即组织救援并报告属地有关部门。';
const AFTER_DIAGNOSIS = '该职工在该企业从事粉尘作业多年，上岗前和在岗期间未按规定进行职业健康检查。';

interface Plan {
  kind: BulletinSourceKind;
  author: string;
  /** The steps after drafting, each with a reason where the table requires one. */
  steps: [BulletinAction, string?][];
  /** Share of the targeted employers that acknowledge (published ones). */
  acknowledged?: number;
}

/** One bulletin in every state, drafted by county officers and reviewed by the city (never the same person). */
const PLANS: Plan[] = [
  { kind: 'injury', author: 'yongan', steps: [['submit'], ['publish']], acknowledged: 0.6 },
  { kind: 'disease', author: 'youxi', steps: [['submit'], ['publish']], acknowledged: 0.4 },
  { kind: 'accident', author: 'datian', steps: [['submit']] },
  { kind: 'injury', author: 'sanyuan', steps: [] },
  { kind: 'injury', author: 'shaxian', steps: [['submit'], ['return', '请在原因分析中补充企业安全管理方面的原因']] },
  { kind: 'injury', author: 'jiangle', steps: [['submit'], ['publish'], ['withdraw', '案例信息需核实更正，暂予撤回']] },
];

async function actorNamed(db: Db, regions: RegionIndex, username: string): Promise<Actor | null> {
  const [user] = await db.select().from(appUser).where(eq(appUser.username, username));
  if (!user) return null;
  return loadActor(db, regions, user, { idHash: 'demo', csrfToken: 'demo' }, 36500, { ip: null, requestId: 'demo' });
}

/** The most serious recent demo case of a kind in a county. */
async function pickCase(db: Db, kind: BulletinSourceKind, countyCode: string): Promise<string | null> {
  if (kind === 'disease') {
    const [r] = await db
      .select({ id: diseaseCase.id })
      .from(diseaseCase)
      .where(and(eq(diseaseCase.countyCode, countyCode), eq(diseaseCase.pneumoconiosis, true)))
      .orderBy(desc(diseaseCase.diagnosedOn))
      .limit(1);
    return r?.id ?? null;
  }
  if (kind === 'accident') {
    const [r] = await db
      .select({ id: safetyAccident.id })
      .from(safetyAccident)
      .where(and(eq(safetyAccident.countyCode, countyCode), isNotNull(safetyAccident.employerId)))
      .orderBy(desc(safetyAccident.deaths), desc(safetyAccident.occurredAt))
      .limit(1);
    return r?.id ?? null;
  }
  const [r] = await db
    .select({ id: injuryCase.id })
    .from(injuryCase)
    .where(and(eq(injuryCase.countyCode, countyCode), inArray(injuryCase.severity, ['serious', 'death'])))
    .orderBy(desc(injuryCase.occurredAt))
    .limit(1);
  return r?.id ?? null;
}

/**
 * Demo bulletins made through the bulletin service itself (de-identification, checks, transitions, audit,
 * notifications), from the demo cases, with some acknowledgements by the targeted employers' safety heads.
 * Skipped for a plan whose county has no case of its kind.
 */
export async function seedDemoBulletins(db: Db, seed: number): Promise<number> {
  const random = new Random(seed);
  const regions = await RegionIndex.load(db);
  // seeded history is not news: no in-app notices or e-mails to the demo accounts for it
  const service = new BulletinService({ db, regions }, async () => undefined);
  const reviewer = await actorNamed(db, regions, 'cityadmin');
  if (!reviewer) return 0;
  const made: string[] = [];
  for (const plan of PLANS) {
    const author = await actorNamed(db, regions, plan.author);
    const county = author ? [...author.scope.regions][0] : undefined;
    const caseId = county ? await pickCase(db, plan.kind, county) : null;
    if (!author || !caseId) continue;
    let b: BulletinView = await service.create(author, { sourceKind: plan.kind, sourceId: caseId });
    const text =
      TEXTS[plan.kind === 'disease' ? 'disease' : (b.facts.find((f) => f.label === '事故类别')?.value ?? '')] ??
      TEXTS.default;
    b = await service.update(author, b.id, {
      title: b.title,
      narrative: `${b.narrative}${plan.kind === 'disease' ? AFTER_DIAGNOSIS : AFTER_ACCIDENT}`,
      causes: text?.causes ?? '',
      lessons: text?.lessons ?? '',
      // the whole county, all industries: a demo push reaches enough employers to show a rate
      targeting: { ...b.targeting, industryCodes: [] },
      version: b.version,
    });
    for (const [action, reason] of plan.steps) {
      const actor = action === 'submit' ? author : reviewer;
      b = await service.transition(actor, b.id, { action, version: b.version, ...(reason ? { reason } : {}) });
    }
    if (plan.acknowledged) await acknowledgeSome(db, random, b.id, plan.acknowledged);
    made.push(b.id);
  }
  if (made.length) await db.update(bulletin).set({ demo: true }).where(inArray(bulletin.id, made));
  return made.length;
}

/** A share of the targeted employers without an account acknowledge, signed by their safety contact. */
async function acknowledgeSome(db: Db, random: Random, bulletinId: string, share: number) {
  const rows = await db
    .select({ employerId: bulletinAck.employerId, name: employer.safetyContactName })
    .from(bulletinAck)
    .innerJoin(employer, eq(employer.id, bulletinAck.employerId))
    .where(
      and(
        eq(bulletinAck.bulletinId, bulletinId),
        isNull(bulletinAck.acknowledgedAt),
        // employers with a demo account (employer01) are left to acknowledge it themselves
        sql`not exists (select 1 from ${userScope} where ${userScope.kind} = 'employer' and ${userScope.code} = ${bulletinAck.employerId}::text)`,
      ),
    );
  const chosen = rows.filter(() => random.next() < share);
  if (chosen.length === 0) return;
  await db.transaction(async (tx) => {
    for (const r of chosen) {
      await tx
        .update(bulletinAck)
        .set({ acknowledgedAt: new Date(), safetyHeadName: r.name ?? '安全负责人' })
        .where(and(eq(bulletinAck.bulletinId, bulletinId), eq(bulletinAck.employerId, r.employerId)));
    }
    await recordAudit(tx, SYSTEM, {
      action: 'bulletin.acknowledge',
      objectType: 'bulletin',
      objectId: bulletinId,
      changes: { demo: true, employers: chosen.map((r) => r.employerId) },
    });
  });
}
