import type { InspectionPlanInput, InspectionVisitInput } from '@yufang/contracts';
import { describe, expect, it } from 'vitest';
import { planProblems, visitProblems } from './inspection.rules.js';

const UNITS = new Set(['rsj', 'yjj', 'wjw']);
const ITEMS = [
  { code: 'A01', text: '安全生产责任制' },
  { code: 'A02', text: '劳动防护用品' },
];
const PLAN: InspectionPlanInput = {
  title: '联合检查',
  regionCode: '350481',
  leadUnitCode: 'rsj',
  unitCodes: ['yjj'],
  startOn: '2026-03-01',
  endOn: '2026-03-31',
  items: ITEMS,
  employerIds: ['00000000-0000-4000-8000-000000000001'],
  note: null,
};
const finding = {
  itemCode: 'A02',
  category: 'safety' as const,
  hazardFactor: null,
  level: 'general' as const,
  description: '未佩戴防尘口罩',
  location: '打磨车间',
  responsibleUnitCode: 'yjj',
};
const VISIT: InspectionVisitInput = {
  visitedOn: '2026-03-05',
  itemResults: [
    { code: 'A01', result: 'pass' },
    { code: 'A02', result: 'fail' },
  ],
  findings: [finding],
  note: null,
  version: 0,
};
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('plan rules', () => {
  it('accepts a well-formed plan', () => expect(planProblems(PLAN, UNITS)).toEqual([]));
  it('names the fields at fault', () => {
    expect(fields(planProblems({ ...PLAN, endOn: '2026-02-01' }, UNITS))).toEqual(['endOn']);
    expect(fields(planProblems({ ...PLAN, leadUnitCode: 'x' }, UNITS))).toEqual(['leadUnitCode']);
    expect(fields(planProblems({ ...PLAN, unitCodes: ['yjj', 'yjj'] }, UNITS))).toEqual(['unitCodes']);
    expect(fields(planProblems({ ...PLAN, unitCodes: ['rsj'] }, UNITS))).toEqual(['unitCodes']);
    expect(fields(planProblems({ ...PLAN, items: [] }, UNITS))).toEqual(['items']);
    expect(fields(planProblems({ ...PLAN, items: [ITEMS[0], ITEMS[0]] as typeof ITEMS }, UNITS))).toEqual(['items']);
    expect(fields(planProblems({ ...PLAN, employerIds: [] }, UNITS))).toEqual(['employerIds']);
  });
});

describe('visit rules', () => {
  it('accepts a failed item with its finding', () =>
    expect(visitProblems(ITEMS, PLAN, VISIT, '2026-03-10')).toEqual([]));
  it('wants the date in the period and not in the future', () => {
    expect(fields(visitProblems(ITEMS, PLAN, { ...VISIT, visitedOn: '2026-04-02' }, '2026-04-10'))).toEqual([
      'visitedOn',
    ]);
    expect(fields(visitProblems(ITEMS, PLAN, VISIT, '2026-03-04'))).toEqual(['visitedOn']);
  });
  it('wants every item once and a finding exactly for each failed item', () => {
    expect(
      fields(
        visitProblems(
          ITEMS,
          PLAN,
          { ...VISIT, itemResults: [VISIT.itemResults[1]] as typeof VISIT.itemResults, findings: [finding] },
          '2026-03-10',
        ),
      ),
    ).toEqual(['itemResults']);
    expect(fields(visitProblems(ITEMS, PLAN, { ...VISIT, findings: [] }, '2026-03-10'))).toEqual(['findings']);
    const passAll = VISIT.itemResults.map((r) => ({ ...r, result: 'pass' as const }));
    expect(fields(visitProblems(ITEMS, PLAN, { ...VISIT, itemResults: passAll }, '2026-03-10'))).toEqual(['findings']);
  });
});
