import type {
  BulletinAckStats,
  BulletinFact,
  BulletinListItem,
  BulletinTargeting,
  BulletinView,
  PublicBulletinSummary,
  PublicBulletinView,
} from '@yufang/contracts';
import { type Actor, can } from '../../core/auth/actor.js';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { BulletinRow } from './bulletin.repo.js';
import { workflowAbilities } from './bulletin.rules.js';
import type { bulletinAck } from './bulletin.schema.js';

type AckRow = typeof bulletinAck.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Staff (a region scope) see the employer's name while reviewing; employers and the public only once it is named. */
const isStaff = (actor: Actor) => actor.scope.regions.size > 0;

/** Only the county the bulletin was drafted in edits and moves it; others see it because it was pushed to them. */
export function ownsBulletin(actor: Actor, row: BulletinRow): boolean {
  return actor.scope.regions.has(row.countyCode);
}

export function ackStats(regions: RegionIndex, rows: { countyCode: string; total: number; acknowledged: number }[]) {
  const total = rows.reduce((n, r) => n + r.total, 0);
  const acknowledged = rows.reduce((n, r) => n + r.acknowledged, 0);
  return {
    total,
    acknowledged,
    rate: total === 0 ? null : acknowledged / total,
    byCounty: rows.map((r) => ({ ...r, countyName: regions.name(r.countyCode) })),
  } satisfies BulletinAckStats;
}

function abilities(actor: Actor, row: BulletinRow, myAck: AckRow | undefined) {
  const owns = ownsBulletin(actor, row);
  const flow = workflowAbilities(row, actor);
  return {
    edit: owns && row.status === 'draft' && can(actor, 'bulletin.draft'),
    submit: owns && flow.submit,
    return: owns && flow.return,
    publish: owns && flow.publish,
    withdraw: owns && flow.withdraw,
    acknowledge:
      row.status === 'published' && can(actor, 'bulletin.acknowledge') && !!myAck && myAck.acknowledgedAt === null,
    track: isStaff(actor) && (row.status === 'published' || row.status === 'withdrawn'),
  };
}

export function presentBulletin(
  actor: Actor,
  regions: RegionIndex,
  row: BulletinRow,
  ack: BulletinAckStats | null,
  myAck: AckRow | undefined,
): BulletinView {
  const can = abilities(actor, row, myAck);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    sourceKind: row.sourceKind,
    sourceId: row.sourceId,
    countyCode: row.countyCode,
    countyName: regions.name(row.countyCode),
    facts: factsOf(row),
    employerName: isStaff(actor) || row.employerNamed ? row.employerName : null,
    employerNamed: row.employerNamed,
    narrative: row.narrative,
    causes: row.causes,
    lessons: row.lessons,
    targeting: row.targeting as BulletinTargeting,
    authorName: row.authorName,
    reviewerName: row.reviewerName,
    returnReason: row.returnReason,
    withdrawReason: row.withdrawReason,
    submittedAt: iso(row.submittedAt),
    publishedAt: iso(row.publishedAt),
    withdrawnAt: iso(row.withdrawnAt),
    ack: can.track ? ack : null,
    myAck: myAck ? { acknowledgedAt: iso(myAck.acknowledgedAt), safetyHeadName: myAck.safetyHeadName } : null,
    demo: row.demo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can,
  };
}

export function presentListItem(
  actor: Actor,
  regions: RegionIndex,
  row: BulletinRow,
  counts: { total: number; acknowledged: number } | undefined,
  myAck: AckRow | undefined,
): BulletinListItem {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    sourceKind: row.sourceKind,
    countyName: regions.name(row.countyCode),
    authorName: row.authorName,
    publishedAt: iso(row.publishedAt),
    updatedAt: row.updatedAt.toISOString(),
    demo: row.demo,
    ack: isStaff(actor) && row.publishedAt ? (counts ?? { total: 0, acknowledged: 0 }) : null,
    acknowledged: myAck ? myAck.acknowledgedAt !== null : null,
  };
}

/** The facts with the employer's name in place of its description once the reviewer chose to name it. */
function factsOf(row: BulletinRow): BulletinFact[] {
  const facts = row.facts as BulletinFact[];
  if (!row.employerNamed || !row.employerName) return facts;
  return facts.map((f) => (f.label === '单位' ? { label: '单位', value: `${row.employerName}（${f.value}）` } : f));
}

/** The public page's view: published content only — no author, reviewer, case reference, targeting or rates. */
export function presentPublic(regions: RegionIndex, row: BulletinRow): PublicBulletinView {
  return {
    id: row.id,
    title: row.title,
    countyName: regions.name(row.countyCode),
    sourceKind: row.sourceKind,
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    facts: factsOf(row),
    employerName: row.employerNamed ? row.employerName : null,
    narrative: row.narrative,
    causes: row.causes,
    lessons: row.lessons,
  };
}

export function presentPublicSummary(regions: RegionIndex, row: BulletinRow): PublicBulletinSummary {
  const text = row.narrative.replace(/\s+/g, ' ').trim();
  return {
    id: row.id,
    title: row.title,
    countyName: regions.name(row.countyCode),
    sourceKind: row.sourceKind,
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    excerpt: [...text].length > 80 ? `${[...text].slice(0, 79).join('')}…` : text,
  };
}
