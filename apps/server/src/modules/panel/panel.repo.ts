import { and, arrayOverlaps, eq, gte, inArray, lte, ne, or, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { expert, expertDiscipline, expertRelation, expertUnavailability } from '../expert/expert.schema.js';
import { provider } from '../provider/provider.schema.js';
import {
  type CandidateFacts,
  type ExclusionContext,
  exclusionReasons,
  type Party,
  type RelationFact,
  type ServiceFact,
  type SuspensionFact,
  type UnavailabilityFact,
} from './panel.rules.js';
import { panel, panelMember } from './panel.schema.js';

type Q = Db | Tx;

export interface PartyIds {
  applicantEmployerId: string | null;
  applicantProviderId: string | null;
  implementerProviderId: string | null;
}

/** The applicant and implementer with their names and USCCs (null when an id is unknown). */
export async function loadParties(
  db: Q,
  ids: PartyIds,
): Promise<{ applicant: Party | null; implementer: Party | null }> {
  const emp = ids.applicantEmployerId
    ? (
        await db
          .select({ id: employer.id, name: employer.name, uscc: employer.uscc })
          .from(employer)
          .where(eq(employer.id, ids.applicantEmployerId))
      )[0]
    : undefined;
  const providerIds = [ids.applicantProviderId, ids.implementerProviderId].filter((x): x is string => !!x);
  const provs = providerIds.length
    ? await db
        .select({ id: provider.id, name: provider.name, uscc: provider.uscc })
        .from(provider)
        .where(inArray(provider.id, providerIds))
    : [];
  const prov = (id: string | null) => provs.find((p) => p.id === id);
  let applicant: Party | null = null;
  if (emp) applicant = { role: '申请单位', name: emp.name, employerId: emp.id, providerId: null, uscc: emp.uscc };
  const ap = prov(ids.applicantProviderId);
  if (ap) applicant = { role: '申请单位', name: ap.name, employerId: null, providerId: ap.id, uscc: ap.uscc };
  const ip = prov(ids.implementerProviderId);
  const implementer: Party | null = ip
    ? { role: '实施单位', name: ip.name, employerId: null, providerId: ip.id, uscc: ip.uscc }
    : null;
  return { applicant, implementer };
}

export interface Candidate {
  expertId: string;
  name: string;
  domains: string[];
  exclusion: string | null;
}

/**
 * Every appointed expert holding one of the domains, with the reason they are excluded on `drawnOn` (or null).
 * Read-only on the expert tables.
 */
export async function judgeCandidates(
  db: Q,
  domains: string[],
  parties: Party[],
  drawnOn: string,
  coolDownDays: number,
  excludePanelId?: string,
): Promise<Candidate[]> {
  const experts = await db
    .select({
      id: expert.id,
      name: expert.name,
      domains: expert.domains,
      termStart: expert.termStart,
      termEnd: expert.termEnd,
      employerId: expert.employerId,
      workUnitUscc: expert.workUnitUscc,
    })
    .from(expert)
    .where(and(eq(expert.status, 'appointed'), arrayOverlaps(expert.domains, domains)))
    .orderBy(expert.id);
  if (experts.length === 0) return [];
  const ids = experts.map((e) => e.id);
  const [relations, suspensions, unavailable, services] = await Promise.all([
    db.select().from(expertRelation).where(inArray(expertRelation.expertId, ids)),
    db
      .select()
      .from(expertDiscipline)
      .where(and(inArray(expertDiscipline.expertId, ids), eq(expertDiscipline.kind, 'suspension'))),
    db
      .select()
      .from(expertUnavailability)
      .where(
        and(
          inArray(expertUnavailability.expertId, ids),
          lte(expertUnavailability.fromDate, drawnOn),
          gte(expertUnavailability.toDate, drawnOn),
        ),
      ),
    servicesOf(db, ids, parties, excludePanelId),
  ]);
  const group = <T extends { expertId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.expertId, [...(m.get(r.expertId) ?? []), r]);
    return m;
  };
  const rel = group(relations);
  const sus = group(suspensions);
  const una = group(unavailable);
  const ser = group(services);
  return experts.map((e) => {
    const facts: CandidateFacts = {
      termStart: e.termStart,
      termEnd: e.termEnd,
      employerId: e.employerId,
      workUnitUscc: e.workUnitUscc,
    };
    const ctx: ExclusionContext = {
      drawnOn,
      parties,
      coolDownDays,
      relations: (rel.get(e.id) ?? []) as RelationFact[],
      services: (ser.get(e.id) ?? []) as ServiceFact[],
      suspensions: (sus.get(e.id) ?? []).map(
        (s): SuspensionFact => ({ recordedOn: s.recordedOn, suspendedUntil: s.suspendedUntil, reason: s.reason }),
      ),
      unavailability: (una.get(e.id) ?? []) as UnavailabilityFact[],
    };
    return { expertId: e.id, name: e.name, domains: e.domains, exclusion: exclusionReasons(facts, ctx) };
  });
}

/** Panels with one of the parties on which the experts served (accepted or scored). */
async function servicesOf(
  db: Q,
  expertIds: string[],
  parties: Party[],
  excludePanelId?: string,
): Promise<(ServiceFact & { expertId: string })[]> {
  const emp = parties.flatMap((p) => (p.employerId ? [p.employerId] : []));
  const prov = parties.flatMap((p) => (p.providerId ? [p.providerId] : []));
  const conds: SQL[] = [];
  if (emp.length) conds.push(inArray(panel.applicantEmployerId, emp));
  if (prov.length) {
    conds.push(inArray(panel.applicantProviderId, prov));
    conds.push(inArray(panel.implementerProviderId, prov));
  }
  if (conds.length === 0) return [];
  const rows = await db
    .select({
      expertId: panelMember.expertId,
      panelSubject: panel.subject,
      drawnOn: panel.drawnOn,
      a: panel.applicantEmployerId,
      b: panel.applicantProviderId,
      c: panel.implementerProviderId,
    })
    .from(panelMember)
    .innerJoin(panel, eq(panel.id, panelMember.panelId))
    .where(
      and(
        inArray(panelMember.expertId, expertIds),
        inArray(panelMember.status, ['accepted', 'scored']),
        ne(panel.status, 'cancelled'),
        excludePanelId ? ne(panel.id, excludePanelId) : undefined,
        or(...conds),
      ),
    );
  return rows.map((r) => ({
    expertId: r.expertId,
    panelSubject: r.panelSubject,
    drawnOn: r.drawnOn,
    employerIds: [r.a],
    providerIds: [r.b, r.c],
  }));
}
