import type { HazardDetail, HazardEventView, HazardEvidenceView, HazardStatus, HazardView } from '@yufang/contracts';
import { type Actor, can } from '../../core/auth/actor.js';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { HazardEventRow, HazardEvidenceRow, HazardRow } from './hazard.repo.js';
import { canTransition, daysBetween, dueState } from './hazard.rules.js';

export interface PresentContext {
  actor: Actor;
  regions: RegionIndex;
  units: ReadonlyMap<string, string>;
  today: string;
  /** Days before the deadline from which the queue shows "due soon" (the ladder's reminder window). */
  dueSoonDays: number;
}

/** What the caller may do with a hazard now: its permission and the transition table both must allow it. */
export function abilities(actor: Actor, status: HazardStatus) {
  const respond = can(actor, 'hazard.respond');
  const verify = can(actor, 'hazard.verify');
  return {
    notify: can(actor, 'hazard.report') && canTransition('notify', status),
    respond: respond && canTransition('respond', status),
    submit: respond && canTransition('submit', status),
    verify: verify && canTransition('verify', status),
    reject: verify && canTransition('reject', status),
    uploadEvidence: respond ? status === 'rectifying' : can(actor, 'hazard.report') && status !== 'closed',
  };
}

export function presentHazard(c: PresentContext, row: HazardRow): HazardView {
  return {
    id: row.id,
    hazardNo: row.hazardNo,
    employerId: row.employerId,
    employerName: row.employerName,
    countyCode: row.countyCode,
    countyName: c.regions.name(row.countyCode),
    category: row.category,
    hazardFactor: row.hazardFactor,
    level: row.level,
    description: row.description,
    location: row.location,
    foundOn: row.foundOn,
    foundByUnitCode: row.foundByUnit,
    foundByUnitName: row.foundByUnit ? (c.units.get(row.foundByUnit) ?? row.foundByUnit) : null,
    responsibleUnitCode: row.responsibleUnit,
    responsibleUnitName: c.units.get(row.responsibleUnit) ?? row.responsibleUnit,
    responsiblePerson: row.responsiblePerson,
    deadline: row.deadline,
    daysToDeadline: daysBetween(c.today, row.deadline),
    dueState: dueState(row.status, row.deadline, c.today, c.dueSoonDays),
    status: row.status,
    escalation: row.escalation,
    source: row.source,
    closedAt: row.closedAt?.toISOString() ?? null,
    demo: row.demo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    can: abilities(c.actor, row.status),
  };
}

export function presentEvent(row: HazardEventRow): HazardEventView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    username: row.username,
    action: row.action,
    fromStatus: row.fromStatus as HazardStatus | null,
    toStatus: row.toStatus as HazardStatus | null,
    note: row.note,
  };
}

export function presentEvidence(row: HazardEvidenceRow): HazardEvidenceView {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    purpose: row.purpose,
    username: row.username,
    at: row.at.toISOString(),
  };
}

export function presentDetail(
  c: PresentContext,
  row: HazardRow,
  events: HazardEventRow[],
  evidence: HazardEvidenceRow[],
): HazardDetail {
  return { ...presentHazard(c, row), events: events.map(presentEvent), evidence: evidence.map(presentEvidence) };
}
