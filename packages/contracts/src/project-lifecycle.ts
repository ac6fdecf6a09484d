/**
 * The life cycle of a prevention project (docs: domain, "Project"), as one explicit transition table. The server
 * refuses any move that is not in it; the web shows the next steps from it; the timeline groups events by phase.
 *
 *   draft → submitted → eligible → reviewing → approved (立项, published) or rejected → procuring → contracted →
 *   prepaid → in_progress → acceptance_requested → accepted → balance_paid → closed;
 *   acceptance_failed → rectifying → acceptance_requested (re-acceptance); or terminated with a deduction.
 */
export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'eligible',
  'reviewing',
  'approved',
  'rejected',
  'procuring',
  'contracted',
  'prepaid',
  'in_progress',
  'acceptance_requested',
  'accepted',
  'acceptance_failed',
  'rectifying',
  'balance_paid',
  'closed',
  'terminated',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: '草稿',
  submitted: '已申报',
  eligible: '资格审查通过',
  reviewing: '专家评审中',
  approved: '已立项',
  rejected: '未通过',
  procuring: '采购中',
  contracted: '已签订服务协议',
  prepaid: '已预付',
  in_progress: '实施中',
  acceptance_requested: '申请验收',
  accepted: '验收合格',
  acceptance_failed: '验收不合格',
  rectifying: '整改中',
  balance_paid: '余款已支付',
  closed: '已结项',
  terminated: '已终止',
};

/** 事前 (before the contract), 事中 (implementation), 事后 (acceptance, payment and close-out). */
export type ProjectPhase = 'before' | 'during' | 'after';
export const PROJECT_PHASE_LABELS: Record<ProjectPhase, string> = { before: '事前', during: '事中', after: '事后' };

export const PROJECT_ACTIONS = {
  submit: { from: ['draft'], to: 'submitted', label: '提交申报' },
  checkEligible: { from: ['submitted'], to: 'eligible', label: '资格审查通过' },
  checkIneligible: { from: ['submitted'], to: 'rejected', label: '资格审查不通过' },
  startReview: { from: ['eligible'], to: 'reviewing', label: '抽取评审专家' },
  approve: { from: ['reviewing'], to: 'approved', label: '立项' },
  reject: { from: ['reviewing'], to: 'rejected', label: '不予立项' },
  startProcurement: { from: ['approved'], to: 'procuring', label: '确定采购方式' },
  signContract: { from: ['procuring'], to: 'contracted', label: '签订服务协议' },
  prepay: { from: ['contracted'], to: 'prepaid', label: '支付预付款' },
  start: { from: ['prepaid'], to: 'in_progress', label: '开始实施' },
  requestAcceptance: { from: ['in_progress', 'rectifying'], to: 'acceptance_requested', label: '申请验收' },
  pass: { from: ['acceptance_requested'], to: 'accepted', label: '验收合格' },
  fail: { from: ['acceptance_requested'], to: 'acceptance_failed', label: '验收不合格' },
  rectify: { from: ['acceptance_failed'], to: 'rectifying', label: '限期整改' },
  payBalance: { from: ['accepted'], to: 'balance_paid', label: '支付余款' },
  close: { from: ['balance_paid', 'terminated'], to: 'closed', label: '结项归档' },
  terminate: {
    from: ['contracted', 'prepaid', 'in_progress', 'acceptance_failed', 'rectifying'],
    to: 'terminated',
    label: '终止并扣减合同款',
  },
} as const satisfies Record<string, { from: readonly ProjectStatus[]; to: ProjectStatus; label: string }>;
export type ProjectAction = keyof typeof PROJECT_ACTIONS;

/** The phase an event of a project in this status belongs to. */
export function projectPhase(status: ProjectStatus): ProjectPhase {
  const i = PROJECT_STATUSES.indexOf(status);
  if (i <= PROJECT_STATUSES.indexOf('contracted')) return 'before';
  if (i <= PROJECT_STATUSES.indexOf('acceptance_requested')) return 'during';
  return 'after';
}

/** The actions open to a project in this status, in table order. */
export function projectActionsFrom(status: ProjectStatus): ProjectAction[] {
  return (Object.keys(PROJECT_ACTIONS) as ProjectAction[]).filter((a) =>
    (PROJECT_ACTIONS[a].from as readonly ProjectStatus[]).includes(status),
  );
}

/** The status an action leads to, or null (with the reason in Chinese) when it is not open from `status`. */
export function projectTransition(
  status: ProjectStatus,
  action: ProjectAction,
): { ok: true; to: ProjectStatus } | { ok: false; reason: string } {
  const a = PROJECT_ACTIONS[action];
  if ((a.from as readonly ProjectStatus[]).includes(status)) return { ok: true, to: a.to };
  return {
    ok: false,
    reason: `项目当前为“${PROJECT_STATUS_LABELS[status]}”，不能“${a.label}”（须为${a.from
      .map((s) => `“${PROJECT_STATUS_LABELS[s]}”`)
      .join('、')}）`,
  };
}
