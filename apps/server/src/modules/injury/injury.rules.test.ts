import { describe, expect, it } from 'vitest';
import { INJURY_POLICY_DEFAULTS } from './injury.policy.js';
import {
  ageOn,
  diagnosisProblems,
  diseaseCategoryOf,
  legalGrade,
  lostWorkdayProblems,
  recognitionProblems,
  tenureMonthsOn,
} from './injury.rules.js';

const thresholds = (INJURY_POLICY_DEFAULTS[0] as (typeof INJURY_POLICY_DEFAULTS)[number]).value;
const yuan = (n: number) => n * 100;

describe('legal grade of a production-safety accident (条例第三条)', () => {
  it('builds the default thresholds from the regulation, most severe first, in fen', () => {
    expect(thresholds.grades).toEqual([
      { grade: 'especially_major', deathsMin: 30, seriousMin: 100, lossFenMin: yuan(100_000_000) },
      { grade: 'major', deathsMin: 10, seriousMin: 50, lossFenMin: yuan(50_000_000) },
      { grade: 'larger', deathsMin: 3, seriousMin: 10, lossFenMin: yuan(10_000_000) },
    ]);
  });
  it.each([
    [{ deaths: 0, seriousInjuries: 0, directLossFen: null }, 'general'],
    [{ deaths: 2, seriousInjuries: 9, directLossFen: yuan(9_999_999) }, 'general'],
    // "以上" includes the bound
    [{ deaths: 3, seriousInjuries: 0, directLossFen: 0 }, 'larger'],
    [{ deaths: 0, seriousInjuries: 10, directLossFen: 0 }, 'larger'],
    [{ deaths: 0, seriousInjuries: 0, directLossFen: yuan(10_000_000) }, 'larger'],
    [{ deaths: 9, seriousInjuries: 49, directLossFen: yuan(49_999_999) }, 'larger'],
    [{ deaths: 10, seriousInjuries: 0, directLossFen: 0 }, 'major'],
    [{ deaths: 1, seriousInjuries: 0, directLossFen: yuan(50_000_000) }, 'major'],
    [{ deaths: 29, seriousInjuries: 99, directLossFen: 0 }, 'major'],
    [{ deaths: 30, seriousInjuries: 0, directLossFen: 0 }, 'especially_major'],
    // the highest grade reached by any criterion
    [{ deaths: 0, seriousInjuries: 100, directLossFen: yuan(1) }, 'especially_major'],
  ] as const)('%o → %s', (facts, grade) => {
    expect(legalGrade(facts, thresholds)).toBe(grade);
  });
  it('follows the thresholds it is given (a policy change is data)', () => {
    const stricter = { grades: [{ grade: 'larger' as const, deathsMin: 2, seriousMin: 5, lossFenMin: 1 }] };
    expect(legalGrade({ deaths: 2, seriousInjuries: 0, directLossFen: 0 }, stricter)).toBe('larger');
  });
});

describe('lost workdays against severity (GB 6441)', () => {
  it('a death counts 6000 days exactly', () => {
    expect(lostWorkdayProblems('death', 6000)).toEqual([]);
    expect(lostWorkdayProblems('death', 105)[0]?.message).toContain('6000');
  });
  it('a serious injury has 105 days or more', () => {
    expect(lostWorkdayProblems('serious', 105)).toEqual([]);
    expect(lostWorkdayProblems('serious', 104)[0]?.field).toBe('lostWorkdays');
    expect(lostWorkdayProblems('serious', 6000)).toHaveLength(1);
  });
  it('a minor injury has 1 to 104 days', () => {
    expect(lostWorkdayProblems('minor', 1)).toEqual([]);
    expect(lostWorkdayProblems('minor', 104)).toEqual([]);
    expect(lostWorkdayProblems('minor', 0)).toHaveLength(1);
    expect(lostWorkdayProblems('minor', 105)[0]?.message).toContain('重伤');
  });
});

describe('recognition and disability grade', () => {
  const base = {
    eventDate: '2024-03-01',
    recognitionResult: 'recognised' as const,
    recognitionDate: '2024-04-15',
    disabilityGrade: 7,
    disabilityAssessedOn: '2024-09-01',
  };
  it('accepts a recognised case with a grade assessed after the decision', () => {
    expect(recognitionProblems(base)).toEqual([]);
    expect(recognitionProblems({ ...base, recognitionResult: 'deemed' })).toEqual([]);
  });
  it('refuses a grade on a case not recognised or still pending', () => {
    const fields = (p: { field: string }[]) => p.map((x) => x.field);
    expect(fields(recognitionProblems({ ...base, recognitionResult: 'not_recognised' }))).toContain('disabilityGrade');
    expect(fields(recognitionProblems({ ...base, recognitionResult: 'pending', recognitionDate: null }))).toEqual([
      'disabilityGrade',
    ]);
  });
  it('wants a decision date once decided, none while pending, and dates in order', () => {
    expect(recognitionProblems({ ...base, recognitionDate: null })[0]?.field).toBe('recognitionDate');
    expect(
      recognitionProblems({ ...base, recognitionResult: 'pending', disabilityGrade: null, disabilityAssessedOn: null }),
    ).toEqual([{ field: 'recognitionDate', message: '待认定的案件不能有认定日期' }]);
    expect(recognitionProblems({ ...base, recognitionDate: '2024-02-28' })[0]?.message).toContain('早于事故日期');
    expect(recognitionProblems({ ...base, disabilityAssessedOn: '2024-04-01' })[0]?.field).toBe('disabilityAssessedOn');
    expect(recognitionProblems({ ...base, disabilityAssessedOn: null })[0]?.field).toBe('disabilityAssessedOn');
  });
});

describe('occupational-disease catalogue edition', () => {
  const d = { diagnosedOn: '2024-05-01', categoryNo: 1, diseaseName: '矽肺', stage: 2 };
  it('takes the edition in force on the diagnosis date', () => {
    expect(diagnosisProblems(d)).toEqual({ edition: '2013', pneumoconiosis: true, problems: [] });
    expect(diagnosisProblems({ ...d, diagnosedOn: '2025-07-31' }).edition).toBe('2013');
    expect(diagnosisProblems({ ...d, diagnosedOn: '2025-08-01' }).edition).toBe('2024');
  });
  it('refuses an edition that was not in force then', () => {
    const r = diagnosisProblems({ ...d, catalogueEdition: '2024' });
    expect(r.problems[0]).toEqual({
      field: 'catalogueEdition',
      message: '诊断日期 2024-05-01 适用 2013 版目录，不是 2024 版',
    });
  });
  it('knows each edition’s categories: 11 and 12 exist only from 2024', () => {
    expect(
      diagnosisProblems({ ...d, categoryNo: 11, diseaseName: '创伤后应激障碍', stage: null }).problems[0]?.field,
    ).toBe('categoryNo');
    expect(
      diagnosisProblems({ ...d, diagnosedOn: '2025-09-01', categoryNo: 11, diseaseName: '创伤后应激障碍', stage: null })
        .problems,
    ).toEqual([]);
  });
  it('gives a stage only to a pneumoconiosis', () => {
    const r = diagnosisProblems({ ...d, diseaseName: '哮喘' });
    expect(r.pneumoconiosis).toBe(false);
    expect(r.problems).toEqual([{ field: 'stage', message: '只有尘肺病才有期别' }]);
  });
  it('refuses a diagnosis before the 2013 catalogue', () => {
    expect(diagnosisProblems({ ...d, diagnosedOn: '2013-01-01' }).problems[0]?.field).toBe('diagnosedOn');
  });
});

describe('age and tenure at the event date', () => {
  it('counts full years of age', () => {
    expect(ageOn('1990-06-15', '2024-06-14')).toBe(33);
    expect(ageOn('1990-06-15', '2024-06-15')).toBe(34);
  });
  it('counts full months insured', () => {
    expect(tenureMonthsOn('2024-03-01', '2024-03-31')).toBe(0);
    expect(tenureMonthsOn('2024-03-15', '2024-05-14')).toBe(1);
    expect(tenureMonthsOn('2024-03-15', '2024-05-15')).toBe(2);
    expect(tenureMonthsOn('2020-01-01', '2024-06-30')).toBe(53);
    expect(tenureMonthsOn('2025-01-01', '2024-06-30')).toBe(0);
  });
});

describe('disease category from a name only (data exchange)', () => {
  it.each([
    ['矽肺', 1],
    ['哮喘', 1],
    ['接触性皮炎', 2],
    ['电光性眼炎', 3],
    ['噪声聋', 4],
    ['苯中毒', 5],
    ['中暑', 6],
    ['放射性皮肤疾病', 7],
    ['布鲁氏菌病', 8],
    ['石棉所致肺癌、间皮瘤', 9],
    ['不在目录中的病名', 10],
  ] as const)('%s → %i (2013)', (name, category) => {
    expect(diseaseCategoryOf('2013', name)).toBe(category);
  });
  it('puts an unknown name in the last category of the edition', () => {
    expect(diseaseCategoryOf('2024', '不在目录中的病名')).toBe(12);
  });
});
