import type { HazardDueState, HazardEscalation, HazardStatus } from '@yufang/contracts';

export const STATUS_COLORS: Record<HazardStatus, string> = {
  reported: 'default',
  notified: 'blue',
  rectifying: 'processing',
  submitted: 'purple',
  closed: 'success',
};

export const DUE_COLORS: Record<HazardDueState, string> = {
  normal: 'default',
  due_soon: 'orange',
  overdue: 'red',
  closed: 'green',
};

export const ESCALATION_COLORS: Record<HazardEscalation, string> = {
  none: 'default',
  reminded: 'gold',
  county: 'orange',
  city: 'volcano',
  joint_meeting: 'red',
  enforcement: 'magenta',
};
