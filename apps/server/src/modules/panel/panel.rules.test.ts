import { describe, expect, it } from 'vitest';
import {
  divergence,
  type ExclusionContext,
  exclusionReasons,
  meanTotal,
  type Party,
  scoreProblems,
  weightedTotal,
} from './panel.rules.js';

const sheet = [
  { key: 'a', label: '必要性', weight: 30, max: 10 },
  { key: 'b', label: '可行性', weight: 30, max: 10 },
  { key: 'c', label: '预算', weight: 40, max: 15 },
];

describe('weighted total', () => {
  it('is Σ points/max × weight in hundredths, rounded half up exactly', () => {
    expect(weightedTotal(sheet, { a: 10, b: 10, c: 15 })).toBe(10000);
    expect(weightedTotal(sheet, { a: 0, b: 0, c: 0 })).toBe(0);
    // 8/10·30 + 7/10·30 + 11/15·40 = 24 + 21 + 29.3333… = 74.3333… → 7433
    expect(weightedTotal(sheet, { a: 8, b: 7, c: 11 })).toBe(7433);
    // 1/15·40 = 2.6666… → 267; 0.5/15·40 = 1.3333… → 133
    expect(weightedTotal(sheet, { a: 0, b: 0, c: 1 })).toBe(267);
    expect(weightedTotal(sheet, { a: 0, b: 0, c: 0.5 })).toBe(133);
    // exactly half a hundredth rounds up: 0.5/8·1 = 0.0625 points = 6.25 hundredths → 6; 1/8·1 = 12.5 → 13
    const odd = [
      { key: 'x', label: 'x', weight: 1, max: 8 },
      { key: 'y', label: 'y', weight: 99, max: 1 },
    ];
    expect(weightedTotal(odd, { x: 1, y: 0 })).toBe(13);
    expect(weightedTotal(odd, { x: 0.5, y: 0 })).toBe(6);
  });

  it('checks every criterion is scored within 0..max in half points', () => {
    expect(scoreProblems(sheet, { a: 1, b: 2, c: 3 })).toEqual([]);
    const p = scoreProblems(sheet, { a: 11, b: 2.3, z: 1 });
    expect(p.map((x) => x.message)).toEqual([
      '“必要性”的得分应在 0 到 10 分之间',
      '“可行性”的得分最小单位为 0.5 分',
      '请为“预算”评分',
      '没有评分项“z”',
    ]);
  });

  it('means and divergence', () => {
    expect(meanTotal([7000, 7001])).toBe(7001);
    expect(meanTotal([7000, 7000, 7001])).toBe(7000);
    const flat = divergence(
      [
        { id: 'a', total: 7000 },
        { id: 'b', total: 8500 },
      ],
      15,
    );
    expect(flat).toMatchObject({ flagged: false, spread: 1500 });
    const d = divergence(
      [
        { id: 'a', total: 7000 },
        { id: 'b', total: 7200 },
        { id: 'c', total: 7100 },
        { id: 'd', total: 9000 },
      ],
      15,
    );
    expect(d).toMatchObject({ flagged: true, spread: 2000, outliers: ['d'] });
  });
});

const applicant: Party = {
  role: '申请单位',
  name: '甲公司',
  employerId: 'E1',
  providerId: null,
  uscc: '91350400AAAAAAAAAA',
};
const implementer: Party = {
  role: '实施单位',
  name: '乙机构',
  employerId: null,
  providerId: 'P1',
  uscc: '91350400BBBBBBBBBB',
};
const base: ExclusionContext = {
  drawnOn: '2026-06-01',
  parties: [applicant, implementer],
  coolDownDays: 180,
  relations: [],
  services: [],
  suspensions: [],
  unavailability: [],
};
const facts = { termStart: '2024-01-01', termEnd: '2026-12-31', employerId: null, workUnitUscc: null };

describe('exclusion reasons', () => {
  it('keeps an expert without conflicts', () => {
    expect(exclusionReasons(facts, base)).toBeNull();
  });
  it('term expired', () => {
    expect(exclusionReasons({ ...facts, termEnd: '2026-05-31' }, base)).toBe('聘期已于 2026-05-31 届满');
    expect(exclusionReasons({ ...facts, termEnd: '2026-06-01' }, base)).toBeNull();
  });
  it('same work unit by employer id or USCC', () => {
    expect(exclusionReasons({ ...facts, employerId: 'E1' }, base)).toBe('与申请单位“甲公司”为同一工作单位');
    expect(exclusionReasons({ ...facts, workUnitUscc: '91350400bbbbbbbbbb' }, base)).toBe(
      '与实施单位“乙机构”为同一工作单位',
    );
  });
  it('declared relation not ended', () => {
    const rel = {
      partyName: '乙机构',
      nature: '兼职顾问',
      employerId: null,
      providerId: 'P1',
      partyUscc: null,
      declaredOn: '2025-01-01',
      endedOn: null,
    };
    expect(exclusionReasons(facts, { ...base, relations: [rel] })).toBe(
      '申报了与实施单位“乙机构”的关联关系（兼职顾问，2025-01-01 申报）',
    );
    expect(exclusionReasons(facts, { ...base, relations: [{ ...rel, endedOn: '2026-01-01' }] })).toBeNull();
  });
  it('cool-down after serving for the same applicant or implementer', () => {
    const s = { panelSubject: '某项目评审', drawnOn: '2026-01-10', employerIds: ['E1'], providerIds: [null] };
    expect(exclusionReasons(facts, { ...base, services: [s] })).toBe(
      '180 天回避期内曾参加申请单位“甲公司”的评审《某项目评审》（2026-01-10 抽取）',
    );
    expect(exclusionReasons(facts, { ...base, services: [{ ...s, drawnOn: '2025-11-01' }] })).toBeNull();
  });
  it('active suspension and unavailability', () => {
    expect(
      exclusionReasons(facts, {
        ...base,
        suspensions: [{ recordedOn: '2026-03-01', suspendedUntil: '2026-09-01', reason: '无故缺席' }],
      }),
    ).toBe('暂停抽取至 2026-09-01（无故缺席）');
    expect(
      exclusionReasons(facts, {
        ...base,
        suspensions: [{ recordedOn: '2026-01-01', suspendedUntil: '2026-05-01', reason: '过期' }],
        unavailability: [{ fromDate: '2026-05-30', toDate: '2026-06-03', reason: '出差' }],
      }),
    ).toBe('2026-05-30 至 2026-06-03 不能参加（出差）');
  });
});
