import {
  ACCIDENT_CATEGORIES,
  ACCIDENT_GRADES,
  type AccidentGrade,
  type AccidentView,
  type DiseaseCaseView,
  diseaseEdition,
  INJURY_COST_ITEMS,
  type InjuryCaseDetail,
  type InjuryCaseView,
  type InjuryCostItem,
  type InjuryCostView,
  RECOGNITION_RESULTS,
  type RecognitionResult,
  type TimelineEntry,
} from '@yufang/contracts';
import { type Actor, can } from '../../core/auth/actor.js';
import type { RegionIndex } from '../../core/authz/regions.js';
import { industryName } from '../employer/employer.presenter.js';
import type { AccidentRow, CostRow, DiseaseCaseRow, InjuryCaseRow } from './injury.repo.js';
import { ageOn, beijingDate } from './injury.rules.js';

const CATEGORY_NAMES = new Map(ACCIDENT_CATEGORIES.map((c) => [c.code, c.name]));

const abilities = (actor: Actor) => ({ update: can(actor, 'injury.write'), export: can(actor, 'injury.export') });

/** The worker and classification part shared by both case kinds; the ID number only masked. */
function caseBase(actor: Actor, regions: RegionIndex, row: InjuryCaseRow | DiseaseCaseRow, eventDate: string) {
  return {
    id: row.id,
    caseNo: row.caseNo,
    employerId: row.employerId,
    employerName: row.employerName,
    countyCode: row.countyCode,
    countyName: regions.name(row.countyCode),
    personId: row.personId,
    workerName: row.workerName,
    idMasked: row.idMasked,
    sex: row.sex,
    birthDate: row.birthDate,
    age: row.birthDate ? ageOn(row.birthDate, eventDate) : null,
    job: row.job,
    tenureMonths: row.tenureMonths,
    industryCode: row.industryCode,
    industryGroup: row.industryGroup,
    industryName: industryName(row.industryCode),
    riskClass: row.riskClass,
    keyIndustry: row.keyIndustry,
    dustHazard: row.dustHazard,
    recognitionResult: row.recognitionResult as RecognitionResult,
    disabilityGrade: row.disabilityGrade,
    source: row.source,
    demo: row.demo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: abilities(actor),
  };
}

export function presentInjury(actor: Actor, regions: RegionIndex, row: InjuryCaseRow): InjuryCaseView {
  return {
    ...caseBase(actor, regions, row, beijingDate(row.occurredAt)),
    occurredAt: row.occurredAt.toISOString(),
    place: row.place,
    accidentCategory: row.accidentCategory,
    accidentCategoryName: row.accidentCategory ? (CATEGORY_NAMES.get(row.accidentCategory) ?? null) : null,
    injuryNature: row.injuryNature,
    bodyPart: row.bodyPart,
    cause: row.cause,
    harmingObject: row.harmingObject,
    activity: row.activity,
    severity: row.severity,
    lostWorkdays: row.lostWorkdays,
    commuting: row.commuting,
    recognitionDate: row.recognitionDate,
    disabilityAssessedOn: row.disabilityAssessedOn,
    accidentId: row.accidentId,
    accidentNo: row.accidentNo,
    totalCostFen: row.totalCostFen,
  };
}

export function presentCost(row: CostRow): InjuryCostView {
  const item = row.item as InjuryCostItem;
  return {
    id: row.id,
    item,
    itemName: INJURY_COST_ITEMS[item]?.name ?? row.item,
    amountFen: row.amountFen,
    paidOn: row.paidOn,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The life of a case in date order: event, recognition, assessment, payments (and when it was recorded). */
function timeline(row: InjuryCaseRow, costs: InjuryCostView[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { date: beijingDate(row.occurredAt), kind: 'event', label: '发生事故' },
    { date: beijingDate(row.createdAt), kind: 'recorded', label: '登记入库' },
  ];
  if (row.recognitionDate)
    entries.push({
      date: row.recognitionDate,
      kind: 'recognition',
      label: `工伤认定：${RECOGNITION_RESULTS[row.recognitionResult as RecognitionResult]}`,
    });
  if (row.disabilityAssessedOn && row.disabilityGrade !== null)
    entries.push({
      date: row.disabilityAssessedOn,
      kind: 'assessment',
      label: `劳动能力鉴定：${row.disabilityGrade} 级伤残`,
    });
  for (const c of costs) entries.push({ date: c.paidOn, kind: 'cost', label: `支付${c.itemName}` });
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function presentInjuryDetail(
  actor: Actor,
  regions: RegionIndex,
  row: InjuryCaseRow,
  costRows: CostRow[],
): InjuryCaseDetail {
  const costs = costRows.map(presentCost);
  const view = presentInjury(actor, regions, row);
  return { ...view, costs, timeline: timeline(row, costs), can: { ...view.can, addCost: can(actor, 'injury.write') } };
}

export function presentDisease(actor: Actor, regions: RegionIndex, row: DiseaseCaseRow): DiseaseCaseView {
  const edition = diseaseEdition(row.catalogueEdition);
  return {
    ...caseBase(actor, regions, row, row.diagnosedOn),
    diagnosedOn: row.diagnosedOn,
    catalogueEdition: row.catalogueEdition as DiseaseCaseView['catalogueEdition'],
    categoryNo: row.categoryNo,
    categoryName: edition?.categories.find((c) => c.no === row.categoryNo)?.name ?? String(row.categoryNo),
    diseaseName: row.diseaseName,
    pneumoconiosis: row.pneumoconiosis,
    stage: row.stage,
    exposureMonths: row.exposureMonths,
    hazardFactor: row.hazardFactor,
  };
}

export function presentAccident(actor: Actor, regions: RegionIndex, row: AccidentRow): AccidentView {
  const grade = row.legalGrade as AccidentGrade;
  return {
    id: row.id,
    accidentNo: row.accidentNo,
    employerId: row.employerId,
    employerName: row.employerName,
    countyCode: row.countyCode,
    countyName: regions.name(row.countyCode),
    occurredAt: row.occurredAt.toISOString(),
    category: row.category,
    categoryName: CATEGORY_NAMES.get(row.category) ?? row.category,
    deaths: row.deaths,
    seriousInjuries: row.seriousInjuries,
    minorInjuries: row.minorInjuries,
    directLossFen: row.directLossFen,
    legalGrade: grade,
    legalGradeName: ACCIDENT_GRADES[grade] ?? row.legalGrade,
    summary: row.summary,
    reportedByUnit: row.reportedByUnit,
    source: row.source,
    demo: row.demo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: abilities(actor),
  };
}
