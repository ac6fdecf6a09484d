import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

/** Code → label maps of expert panels (专家抽取). */
export const PANEL_PURPOSES = { review: '项目评审', acceptance: '项目验收', diagnosis: '风险诊断' } as const;
export const PANEL_STATUSES = {
  drawn: '已抽取',
  scoring: '评分中',
  concluded: '已出结论',
  cancelled: '已取消',
} as const;
export const PANEL_MEMBER_STATUSES = {
  notified: '已通知',
  accepted: '已接受',
  declined: '已回避',
  scored: '已评分',
} as const;
export const PANEL_CONCLUSIONS = { pass: '通过', fail: '不通过' } as const;

const keysOf = <T extends Record<string, string>>(map: T) =>
  Object.keys(map) as [keyof T & string, ...(keyof T & string)[]];

export const PanelPurpose = z.enum(keysOf(PANEL_PURPOSES), { error: '抽取用途应为项目评审、项目验收或风险诊断' });
export type PanelPurpose = z.infer<typeof PanelPurpose>;
export const PanelStatus = z.enum(keysOf(PANEL_STATUSES));
export const PanelMemberStatus = z.enum(keysOf(PANEL_MEMBER_STATUSES));

const Version = z.number({ error: '缺少版本号' }).int().min(0);

export const PanelMixEntry = z.object({
  domain: z.string({ error: '请选择专业领域' }).regex(/^[a-z_]+$/, '请选择专业领域'),
  count: z
    .number({ error: '请填写人数' })
    .int('人数应为整数')
    .min(1, '每个领域至少 1 人')
    .max(15, '每个领域最多 15 人'),
});
export type PanelMixEntry = z.infer<typeof PanelMixEntry>;

export const PanelDrawInput = z
  .object({
    purpose: PanelPurpose,
    subject: z
      .string({ error: '请填写评审事项' })
      .trim()
      .min(4, '请填写评审事项（至少 4 个字）')
      .max(200, '评审事项最多 200 个字符'),
    subjectRef: z.string().trim().max(64).nullable().default(null),
    countyCode: z.string({ error: '请选择县（市、区）' }).regex(/^\d{6}$/, '请选择县（市、区）'),
    applicantEmployerId: z.uuid('申请单位编号不正确').nullable().default(null),
    applicantProviderId: z.uuid('申请机构编号不正确').nullable().default(null),
    implementerProviderId: z.uuid('实施单位编号不正确').nullable().default(null),
    mix: z
      .array(PanelMixEntry)
      .min(1, '请至少添加一个专业领域')
      .max(6, '专业领域最多 6 个')
      .refine((m) => new Set(m.map((e) => e.domain)).size === m.length, '专业领域不能重复')
      .refine((m) => m.reduce((a, e) => a + e.count, 0) <= 25, '专家总人数最多 25 人'),
  })
  // a member unit's project has neither (the unit is a government department, not a work unit of the pool's experts)
  .refine((v) => v.applicantEmployerId === null || v.applicantProviderId === null, {
    message: '申请单位只能是用人单位或服务机构之一',
    path: ['applicantEmployerId'],
  });
export type PanelDrawInput = z.infer<typeof PanelDrawInput>;
export type PanelDrawForm = z.input<typeof PanelDrawInput>;

export const PanelCriterion = z.object({ key: z.string(), label: z.string(), weight: z.number(), max: z.number() });
export type PanelCriterion = z.infer<typeof PanelCriterion>;

export const PanelMemberView = z.object({
  id: z.uuid(),
  expertId: z.uuid(),
  name: z.string(),
  title: z.string(),
  workUnit: z.string(),
  domain: z.string(),
  domainLabel: z.string(),
  round: z.number(),
  replaces: z.uuid().nullable(),
  replacesName: z.string().nullable(),
  status: PanelMemberStatus,
  declineReason: z.string().nullable(),
  respondedAt: Timestamp.nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  /** Weighted total in hundredths of a point. */
  total: z.number().nullable(),
  comment: z.string().nullable(),
  scoredAt: Timestamp.nullable(),
  outlier: z.boolean(),
  feeFen: z.number().nullable(),
  settledAt: Timestamp.nullable(),
  version: z.number(),
});
export type PanelMemberView = z.infer<typeof PanelMemberView>;

export const PanelDivergenceView = z.object({
  flagged: z.boolean(),
  /** max − min of member totals, hundredths. */
  spread: z.number(),
  thresholdPoints: z.number(),
  outliers: z.array(z.string()),
});

export const PanelView = z.object({
  id: z.uuid(),
  purpose: PanelPurpose,
  subject: z.string(),
  subjectRef: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string(),
  applicantName: z.string(),
  applicantEmployerId: z.uuid().nullable(),
  applicantProviderId: z.uuid().nullable(),
  implementerName: z.string().nullable(),
  implementerProviderId: z.uuid().nullable(),
  mix: z.array(z.object({ domain: z.string(), domainLabel: z.string(), count: z.number() })),
  algorithm: z.string(),
  seed: z.string(),
  drawnOn: z.string(),
  drawnAt: Timestamp,
  drawnByName: z.string(),
  criteria: z.array(PanelCriterion),
  passMark: z.number(),
  status: PanelStatus,
  members: z.array(PanelMemberView),
  /** Declines left without a replacement, by domain. */
  shortfall: z.array(z.object({ domain: z.string(), domainLabel: z.string(), missing: z.number() })),
  candidateCount: z.number(),
  excludedCount: z.number(),
  divergence: PanelDivergenceView,
  /** Mean of the totals so far (hundredths), null before any score. */
  meanScore: z.number().nullable(),
  conclusionScore: z.number().nullable(),
  conclusion: z.enum(['pass', 'fail']).nullable(),
  conclusionNote: z.string().nullable(),
  concludedAt: Timestamp.nullable(),
  settledFen: z.number(),
  settleable: z.number(),
  demo: z.boolean(),
  version: z.number(),
});
export type PanelView = z.infer<typeof PanelView>;

export const PanelListItem = PanelView.pick({
  id: true,
  purpose: true,
  subject: true,
  countyCode: true,
  countyName: true,
  applicantName: true,
  drawnOn: true,
  drawnByName: true,
  status: true,
  conclusion: true,
  demo: true,
}).extend({ memberCount: z.number(), accepted: z.number(), scored: z.number() });
export type PanelListItem = z.infer<typeof PanelListItem>;
export const PanelQuery = PageQuery.extend({ status: PanelStatus.optional(), purpose: PanelPurpose.optional() });
export type PanelQuery = z.infer<typeof PanelQuery>;
export const PanelPage = pageOf(PanelListItem);
export type PanelPage = z.infer<typeof PanelPage>;

/** The draw record: everything needed to re-run the draw (algorithm sha256-rank-v1). */
export const PanelRecordCandidate = z.object({
  expertId: z.string().min(1).max(64),
  name: z.string().optional(),
  domains: z.array(z.string().max(64)).max(20),
  rankKey: z.string().max(64).optional(),
  exclusion: z.string().max(2000).nullable(),
});
export const PanelDrawRecord = z.object({
  panelId: z.string().max(64).optional(),
  algorithm: z.string().max(32),
  seed: z.string().max(128),
  drawnOn: z.string().max(10).optional(),
  mix: z
    .array(z.object({ domain: z.string().max(64), count: z.number().int().min(1).max(25) }))
    .min(1)
    .max(10),
  candidates: z.array(PanelRecordCandidate).max(5000),
  declines: z
    .array(z.object({ expertId: z.string().max(64), at: z.string().max(40).optional(), reason: z.string().optional() }))
    .max(500),
});
export type PanelDrawRecord = z.infer<typeof PanelDrawRecord>;

export const PanelVerifyResult = z.object({
  algorithm: z.string(),
  members: z.array(
    z.object({
      expertId: z.string(),
      domain: z.string(),
      round: z.number(),
      replaces: z.string().nullable(),
      rankKey: z.string(),
      declined: z.boolean(),
    }),
  ),
  shortages: z.array(z.object({ domain: z.string(), needed: z.number(), available: z.number() })),
  shortfall: z.array(z.object({ domain: z.string(), missing: z.number() })),
  /** When the record carries rank keys: the candidates whose recorded key is not sha256(seed:id). */
  rankKeyMismatches: z.array(z.string()),
});
export type PanelVerifyResult = z.infer<typeof PanelVerifyResult>;

export const PanelMemberParams = z.object({ id: z.uuid('编号格式不正确'), memberId: z.uuid('编号格式不正确') });
export const MemberIdParams = z.object({ memberId: z.uuid('编号格式不正确') });

export const PanelDeclineInput = z.object({
  reason: z
    .string({ error: '请填写回避或不能参加的理由' })
    .trim()
    .min(2, '请填写回避或不能参加的理由（至少 2 个字）')
    .max(500, '理由最多 500 个字符'),
  version: Version,
});
export type PanelDeclineInput = z.infer<typeof PanelDeclineInput>;
export const PanelAcceptInput = z.object({ version: Version });
export const PanelScoreInput = z.object({
  scores: z.record(z.string(), z.number({ error: '得分应为数字' })),
  comment: z.string().trim().max(2000, '评审意见最多 2000 个字符').nullable().default(null),
  version: Version,
});
export type PanelScoreInput = z.infer<typeof PanelScoreInput>;
export type PanelScoreForm = z.input<typeof PanelScoreInput>;
export const PanelConclusionInput = z.object({
  note: z.string().trim().max(2000, '结论说明最多 2000 个字符').nullable().default(null),
  version: Version,
});
export type PanelConclusionInput = z.infer<typeof PanelConclusionInput>;
export const PanelSettlementResult = z.object({ settled: z.number(), settledFen: z.number(), panel: PanelView });
export type PanelSettlementResult = z.infer<typeof PanelSettlementResult>;

export const PanelOptions = z.object({
  domains: z.array(z.object({ code: z.string(), label: z.string() })),
  coolDownDays: z.number(),
});
export type PanelOptions = z.infer<typeof PanelOptions>;

/** An expert's own assignment (我的评审任务). */
export const PanelAssignmentView = z.object({
  member: PanelMemberView,
  panel: PanelView.pick({
    id: true,
    purpose: true,
    subject: true,
    countyName: true,
    applicantName: true,
    implementerName: true,
    drawnOn: true,
    status: true,
    criteria: true,
    passMark: true,
  }),
});
export type PanelAssignmentView = z.infer<typeof PanelAssignmentView>;
