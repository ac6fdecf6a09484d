import { BULLETIN_STATUSES, type BulletinAction, type BulletinStatus, type Permission } from '@yufang/contracts';

/** Who may take a transition and what it needs. */
export interface Transition {
  from: BulletinStatus;
  to: BulletinStatus;
  permission: Permission;
  /** A written reason is required (returning for correction, withdrawing). */
  reasonRequired: boolean;
  /** Review duties: neither the author nor whoever submitted it may take this step (four-eyes principle). */
  separation: boolean;
}

/**
 * The bulletin life cycle (docs: domain.md, 三(二)4): a draft goes to review, the reviewer publishes it or returns it
 * with a reason; a published bulletin can be withdrawn with a reason. Nothing else moves a bulletin.
 */
export const TRANSITIONS: Readonly<Record<BulletinAction, Transition>> = {
  submit: { from: 'draft', to: 'in_review', permission: 'bulletin.draft', reasonRequired: false, separation: false },
  return: { from: 'in_review', to: 'draft', permission: 'bulletin.publish', reasonRequired: true, separation: true },
  publish: {
    from: 'in_review',
    to: 'published',
    permission: 'bulletin.publish',
    reasonRequired: false,
    separation: true,
  },
  withdraw: {
    from: 'published',
    to: 'withdrawn',
    permission: 'bulletin.publish',
    reasonRequired: true,
    separation: false,
  },
};

/** A reason shorter than this says nothing a reader can act on. */
export const MIN_REASON_CHARS = 5;

export interface WorkflowSubject {
  status: BulletinStatus;
  authorId: string | null;
  submittedBy: string | null;
}

export interface WorkflowActor {
  userId: string;
  permissions: ReadonlySet<Permission>;
}

export type Refusal =
  | { code: 'FORBIDDEN'; message: string }
  | { code: 'CONFLICT'; message: string }
  | { code: 'VALIDATION'; field: 'reason'; message: string };

/** Why the actor may not take this action now, or null when the transition is allowed. */
export function refuseTransition(
  subject: WorkflowSubject,
  actor: WorkflowActor,
  action: BulletinAction,
  reason: string | undefined,
): Refusal | null {
  const t = TRANSITIONS[action];
  if (!actor.permissions.has(t.permission)) return { code: 'FORBIDDEN', message: '您没有执行此操作的权限' };
  if (subject.status !== t.from) {
    return { code: 'CONFLICT', message: `通报当前状态不允许此操作（需为“${BULLETIN_STATUSES[t.from]}”）` };
  }
  if (t.separation && (subject.authorId === actor.userId || subject.submittedBy === actor.userId)) {
    return { code: 'FORBIDDEN', message: '起草或提交人不能审核本人的通报（审核须由他人进行）' };
  }
  if (t.reasonRequired && [...(reason ?? '').trim()].length < MIN_REASON_CHARS) {
    return { code: 'VALIDATION', field: 'reason', message: `请填写理由（至少 ${MIN_REASON_CHARS} 个字）` };
  }
  return null;
}

/** Which workflow actions the actor could take now (the reason is asked for when the action is taken). */
export function workflowAbilities(subject: WorkflowSubject, actor: WorkflowActor): Record<BulletinAction, boolean> {
  const allowed = (action: BulletinAction) =>
    refuseTransition(subject, actor, action, 'x'.repeat(MIN_REASON_CHARS)) === null;
  return {
    submit: allowed('submit'),
    return: allowed('return'),
    publish: allowed('publish'),
    withdraw: allowed('withdraw'),
  };
}
