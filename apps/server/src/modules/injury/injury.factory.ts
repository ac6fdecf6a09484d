/** Test data builders for injury records: a roster person with a known ID number, cases and accidents in place. */
import { asc, eq } from 'drizzle-orm';
import type { Core } from '../../core/context.js';
import { employer } from '../../core/db/schema.js';
import { insuredPerson } from '../employer/employer.schema.js';
import { makeIdNumber } from '../import/import.factory.js';
import { diseaseCase, injuryCase, safetyAccident } from './injury.schema.js';
import { classificationOf, idColumns } from './injury.worker.js';

/** The first employer of a county (by name), as stored. */
export async function employerOf(core: Core, countyCode: string) {
  const [row] = await core.db
    .select()
    .from(employer)
    .where(eq(employer.countyCode, countyCode))
    .orderBy(asc(employer.name))
    .limit(1);
  if (!row) throw new Error(`no employer in ${countyCode}`);
  return row;
}

let serial = 900;

/** An insured person at the employer with a fresh valid ID number (returned in plain for the test to type). */
export async function rosterPerson(
  core: Core,
  employerId: string,
  extra: { insuredFrom?: string; job?: string; name?: string } = {},
) {
  const idNumber = makeIdNumber(serial++);
  const ids = idColumns(core, idNumber);
  const [row] = await core.db
    .insert(insuredPerson)
    .values({
      employerId,
      idCipher: ids.idCipher,
      idHash: ids.idHash,
      idMasked: ids.idMasked,
      name: extra.name ?? '测试职工',
      sex: Number(idNumber[16]) % 2 === 1 ? 'M' : 'F',
      birthDate: ids.birthDate,
      job: extra.job ?? '冲压工',
      insuredFrom: extra.insuredFrom ?? '2022-01-01',
    })
    .returning();
  return { person: row as typeof insuredPerson.$inferSelect, idNumber };
}

/** An injury case written straight to the table (for lists, scope and filters), with the employer's classification. */
export async function makeInjury(
  core: Core,
  emp: typeof employer.$inferSelect,
  extra: Partial<typeof injuryCase.$inferInsert> = {},
) {
  const [row] = await core.db
    .insert(injuryCase)
    .values({
      caseNo: `T-GS-${serial++}`,
      employerId: emp.id,
      ...classificationOf(emp),
      workerName: '案例职工',
      occurredAt: new Date('2024-05-10T02:00:00Z'),
      accidentCategory: '03',
      severity: 'minor',
      lostWorkdays: 30,
      source: 'form',
      ...extra,
    })
    .returning();
  return row as typeof injuryCase.$inferSelect;
}

export async function makeDisease(
  core: Core,
  emp: typeof employer.$inferSelect,
  extra: Partial<typeof diseaseCase.$inferInsert> = {},
) {
  const [row] = await core.db
    .insert(diseaseCase)
    .values({
      caseNo: `T-ZYB-${serial++}`,
      employerId: emp.id,
      ...classificationOf(emp),
      workerName: '病例职工',
      diagnosedOn: '2024-06-01',
      catalogueEdition: '2013',
      categoryNo: 1,
      diseaseName: '矽肺',
      pneumoconiosis: true,
      stage: 1,
      source: 'form',
      ...extra,
    })
    .returning();
  return row as typeof diseaseCase.$inferSelect;
}

export async function makeAccident(
  core: Core,
  emp: typeof employer.$inferSelect,
  extra: Partial<typeof safetyAccident.$inferInsert> = {},
) {
  const [row] = await core.db
    .insert(safetyAccident)
    .values({
      accidentNo: `T-SG-${serial++}`,
      employerId: emp.id,
      countyCode: emp.countyCode,
      occurredAt: new Date('2024-05-10T02:00:00Z'),
      category: '03',
      legalGrade: 'general',
      source: 'form',
      ...extra,
    })
    .returning();
  return row as typeof safetyAccident.$inferSelect;
}
