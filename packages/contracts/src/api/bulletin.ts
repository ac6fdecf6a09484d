import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

/** Typical-case bulletins (典型案例通报): life cycle, sources, targeting, acknowledgement, the public page. */
export const BULLETIN_STATUSES = {
  draft: '草稿',
  in_review: '待审核',
  published: '已发布',
  withdrawn: '已撤回',
} as const;
export const BULLETIN_SOURCE_KINDS = { injury: '工伤事故', disease: '职业病', accident: '生产安全事故' } as const;
/** The workflow's actions (the transition table is apps/server/src/modules/bulletin/bulletin.rules.ts). */
export const BULLETIN_ACTIONS = {
  submit: '提交审核',
  return: '退回修改',
  publish: '审核发布',
  withdraw: '撤回',
} as const;

const keysOf = <T extends Record<string, string>>(map: T) =>
  Object.keys(map) as [keyof T & string, ...(keyof T & string)[]];

export const BulletinStatus = z.enum(keysOf(BULLETIN_STATUSES), { error: '通报状态无效' });
export type BulletinStatus = z.infer<typeof BulletinStatus>;
export const BulletinSourceKind = z.enum(keysOf(BULLETIN_SOURCE_KINDS), { error: '请选择案例类型' });
export type BulletinSourceKind = z.infer<typeof BulletinSourceKind>;
export const BulletinAction = z.enum(keysOf(BULLETIN_ACTIONS), { error: '操作无效' });
export type BulletinAction = z.infer<typeof BulletinAction>;

/** One de-identified fact of the case as the bulletin shows it (时间、地区、行业、伤害程度 …). */
export const BulletinFact = z.object({ label: z.string(), value: z.string() });
export type BulletinFact = z.infer<typeof BulletinFact>;

/** Which employers a bulletin is pushed to; an empty list means no restriction on that dimension. */
export const BulletinTargeting = z.object({
  industryCodes: z
    .array(z.string().regex(/^\d{2}$/, '行业应为 GB/T 4754 大类代码（2 位数字）'))
    .max(100)
    .default([]),
  riskClasses: z.array(z.number().int().min(1, '风险类别应为 1–8').max(8, '风险类别应为 1–8')).max(8).default([]),
  keyIndustryOnly: z.boolean().default(false),
  /** Empty: every county of the author's scope (filled in on save). */
  countyCodes: z
    .array(z.string().regex(/^\d{6}$/, '区划代码应为 6 位数字'))
    .max(50)
    .default([]),
});
export type BulletinTargeting = z.infer<typeof BulletinTargeting>;

const section = (label: string) => z.string().trim().max(5000, `${label}最多 5000 个字符`);

export const BulletinCreateInput = z.object({ sourceKind: BulletinSourceKind, sourceId: z.uuid('案例编号格式不正确') });
export type BulletinCreateInput = z.infer<typeof BulletinCreateInput>;

export const BulletinUpdateInput = z.object({
  title: z.string().trim().min(4, '标题至少 4 个字').max(80, '标题最多 80 个字'),
  narrative: section('事故经过'),
  causes: section('原因分析'),
  lessons: section('教训与防范措施'),
  targeting: BulletinTargeting,
  version: z.number().int().min(0),
});
export type BulletinUpdateInput = z.infer<typeof BulletinUpdateInput>;
export type BulletinUpdateForm = z.input<typeof BulletinUpdateInput>;

export const BulletinTransitionInput = z.object({
  action: BulletinAction,
  /** Required to return a draft or to withdraw a published bulletin. */
  reason: z.string().trim().max(500, '理由最多 500 个字').optional(),
  /** Publishing only: the reviewer names the employer instead of its industry and size class. */
  nameEmployer: z.boolean().optional(),
  version: z.number().int().min(0),
});
export type BulletinTransitionInput = z.infer<typeof BulletinTransitionInput>;

export const BulletinAckInput = z.object({
  safetyHeadName: z.string().trim().min(2, '请填写安全负责人姓名（至少 2 个字）').max(32, '姓名最多 32 个字'),
});
export type BulletinAckInput = z.infer<typeof BulletinAckInput>;

export const AckCount = z.object({ total: z.number().int(), acknowledged: z.number().int() });
export const BulletinAckStats = AckCount.extend({
  /** acknowledged / total, 0–1; null while nothing is targeted. */
  rate: z.number().nullable(),
  byCounty: z.array(AckCount.extend({ countyCode: z.string(), countyName: z.string() })),
});
export type BulletinAckStats = z.infer<typeof BulletinAckStats>;

export const BulletinAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  return: z.boolean(),
  publish: z.boolean(),
  withdraw: z.boolean(),
  acknowledge: z.boolean(),
  /** The acknowledgement rate and the list of employers not yet acknowledged. */
  track: z.boolean(),
});
export type BulletinAbilities = z.infer<typeof BulletinAbilities>;

export const BulletinView = z.object({
  id: z.uuid(),
  title: z.string(),
  status: BulletinStatus,
  sourceKind: BulletinSourceKind,
  sourceId: z.uuid(),
  countyCode: z.string(),
  countyName: z.string(),
  facts: z.array(BulletinFact),
  /** Staff only (the employer and the public see it only once the reviewer named it). */
  employerName: z.string().nullable(),
  employerNamed: z.boolean(),
  narrative: z.string(),
  causes: z.string(),
  lessons: z.string(),
  targeting: BulletinTargeting,
  authorName: z.string(),
  reviewerName: z.string().nullable(),
  returnReason: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  submittedAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
  withdrawnAt: Timestamp.nullable(),
  /** Within the caller's scope; null for a caller who does not track acknowledgements. */
  ack: BulletinAckStats.nullable(),
  /** The caller's own employer's acknowledgement (employer accounts). */
  myAck: z.object({ acknowledgedAt: Timestamp.nullable(), safetyHeadName: z.string().nullable() }).nullable(),
  demo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  can: BulletinAbilities,
});
export type BulletinView = z.infer<typeof BulletinView>;

export const BulletinListItem = BulletinView.pick({
  id: true,
  title: true,
  status: true,
  sourceKind: true,
  countyName: true,
  authorName: true,
  publishedAt: true,
  updatedAt: true,
  demo: true,
}).extend({ ack: AckCount.nullable(), acknowledged: z.boolean().nullable() });
export type BulletinListItem = z.infer<typeof BulletinListItem>;
export const BulletinPage = pageOf(BulletinListItem);

export const BulletinListQuery = PageQuery.extend({ status: BulletinStatus.optional() });
export type BulletinListQuery = z.infer<typeof BulletinListQuery>;

/** An employer that has not acknowledged yet (the tracking list). */
export const PendingAckView = z.object({
  employerId: z.uuid(),
  employerName: z.string(),
  countyName: z.string(),
  industryName: z.string(),
});
export const PendingAckPage = pageOf(PendingAckView);

/** A case a bulletin can be drafted from (the picker): no worker names or ID numbers. */
export const BulletinSourceView = z.object({
  kind: BulletinSourceKind,
  id: z.uuid(),
  caseNo: z.string(),
  /** ISO date of the event or the diagnosis. */
  date: z.string(),
  countyName: z.string(),
  employerName: z.string().nullable(),
  industryName: z.string(),
  /** Category, severity or disease, for the picker. */
  summary: z.string(),
});
export type BulletinSourceView = z.infer<typeof BulletinSourceView>;
export const BulletinSourcePage = pageOf(BulletinSourceView);
export const BulletinSourceQuery = PageQuery.extend({
  kind: BulletinSourceKind.default('injury'),
  q: z.string().trim().max(64, '关键字最多 64 个字符').optional(),
});
export type BulletinSourceQuery = z.infer<typeof BulletinSourceQuery>;

/** The WeChat official-account rendering: plain text within the policy's length limit. */
export const BulletinWechatView = z.object({
  text: z.string(),
  length: z.number().int(),
  limit: z.number().int(),
  shortened: z.boolean(),
});

/** The public page (no login): published bulletins only, no personal data. */
export const PublicBulletinView = z.object({
  id: z.uuid(),
  title: z.string(),
  countyName: z.string(),
  sourceKind: BulletinSourceKind,
  publishedAt: Timestamp,
  facts: z.array(BulletinFact),
  employerName: z.string().nullable(),
  narrative: z.string(),
  causes: z.string(),
  lessons: z.string(),
});
export type PublicBulletinView = z.infer<typeof PublicBulletinView>;
export const PublicBulletinSummary = PublicBulletinView.pick({
  id: true,
  title: true,
  countyName: true,
  sourceKind: true,
  publishedAt: true,
}).extend({ excerpt: z.string() });
export type PublicBulletinSummary = z.infer<typeof PublicBulletinSummary>;
export const PublicBulletinPage = pageOf(PublicBulletinSummary);
export const PublicBulletinQuery = z.object({
  limit: z.coerce.number().int().min(1, '每页条数至少为 1').max(50, '每页条数最多 50').default(20),
  cursor: z.string().max(500).optional(),
});
