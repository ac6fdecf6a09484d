import { describe, expect, it } from 'vitest';
import { BULLETIN_POLICY_DEFAULTS, type DisclosurePolicy } from './bulletin.policy.js';
import {
  ageBand,
  deidentify,
  draftText,
  exposureBand,
  personalDataProblems,
  type SourceCase,
  sourceSummary,
  suppressedCount,
} from './deidentify.js';

const policy = BULLETIN_POLICY_DEFAULTS[0]?.value as DisclosurePolicy;

const injury: SourceCase = {
  kind: 'injury',
  id: '00000000-0000-4000-8000-000000000001',
  countyCode: '350481',
  countyName: '永安市',
  employerId: '00000000-0000-4000-8000-000000000002',
  employerName: '永安市鑫达机械制造有限公司',
  employerSize: 'small',
  industryCode: '34',
  date: '2024-03-17',
  workerNames: ['张伟明'],
  place: '永安市燕西街道工业园区8号车间',
  sex: '1',
  birthDate: '1990-05-02',
  job: '冲压工',
  severity: 'serious',
  accidentCategory: '03',
  injuryNature: '骨折',
  bodyPart: '腕及手',
  diseaseName: null,
  stage: null,
  exposureMonths: null,
  hazardFactor: null,
  deaths: null,
  seriousInjuries: null,
  minorInjuries: null,
  legalGrade: null,
  similarCases: 3,
};

describe('de-identification of a case', () => {
  it('keeps month, county, industry and size class, an age band — never a name, ID, place or employer', () => {
    const facts = deidentify(injury, policy);
    const byLabel = Object.fromEntries(facts.map((f) => [f.label, f.value]));
    expect(byLabel).toMatchObject({
      发生时间: '2024年3月',
      地区: '三明市永安市',
      单位: '通用设备制造业 · 小型企业',
      伤害程度: '重伤',
      受伤人员: '男，30–39岁，冲压工',
    });
    const all = JSON.stringify(facts);
    for (const secret of ['张伟明', '燕西街道', '鑫达', '17日', '1990', '33岁']) expect(all).not.toContain(secret);
  });

  it('suppresses a statistic of fewer cases than the policy group size', () => {
    const few = deidentify(injury, policy).at(-1);
    expect(few?.value).toBe('少于5起（小样本不予公布）');
    const many = deidentify({ ...injury, similarCases: 12 }, policy).at(-1);
    expect(many?.value).toBe('12起');
    expect(suppressedCount(4, 5)).toContain('少于5起');
    expect(suppressedCount(5, 5)).toBe('5起');
  });

  it('bands ages on the day of the event and exposure years', () => {
    expect(ageBand('1990-05-02', '2024-05-01', 10)).toBe('30–39岁');
    expect(ageBand('1984-05-02', '2024-05-01', 10)).toBe('30–39岁');
    expect(ageBand('1984-05-02', '2024-05-02', 10)).toBe('40–49岁');
    expect(exposureBand(30, 5)).toBe('不足5年');
    expect(exposureBand(12 * 7, 5)).toBe('5–9年');
  });

  it('describes disease cases and accidents by their own facts', () => {
    const disease = deidentify(
      {
        ...injury,
        kind: 'disease',
        diseaseName: '矽肺',
        stage: 2,
        exposureMonths: 50,
        hazardFactor: '矽尘',
        severity: null,
      },
      policy,
    );
    expect(disease.map((f) => `${f.label}=${f.value}`)).toEqual(
      expect.arrayContaining(['诊断时间=2024年3月', '职业病=矽肺（贰期）', '接害工龄=不足5年', '危害因素=矽尘']),
    );
    const accident = deidentify(
      { ...injury, kind: 'accident', deaths: 1, seriousInjuries: 2, minorInjuries: 0, legalGrade: 'general' },
      policy,
    );
    expect(accident).toEqual(expect.arrayContaining([{ label: '事故等级', value: '一般事故' }]));
    expect(accident).toEqual(expect.arrayContaining([{ label: '伤亡情况', value: '死亡1人，重伤2人，轻伤0人' }]));
  });

  it('drafts a title and an opening from the de-identified facts only, which pass the text check', () => {
    const text = draftText(injury, deidentify(injury, policy), policy);
    expect(text.title).toBe('永安市通用设备制造业小型企业机械伤害事故典型案例');
    expect(text.narrative).toContain(
      '2024年3月，永安市某通用设备制造业小型企业一名30–39岁男性冲压工在作业中发生机械伤害事故，造成重伤。',
    );
    const terms = { workerNames: injury.workerNames, place: injury.place, employerName: injury.employerName };
    expect(personalDataProblems(`${text.title}${text.narrative}`, terms)).toEqual([]);
  });
});

describe('the case picker summary', () => {
  it('names the category with the severity or the grade, or gives the disease', () => {
    expect(sourceSummary('injury', '03', 'serious')).toBe('机械伤害 · 重伤');
    expect(sourceSummary('accident', '09', 'larger')).toBe('高处坠落 · 较大事故');
    expect(sourceSummary('disease', null, '矽肺')).toBe('矽肺');
    expect(sourceSummary('injury', null, null)).toBe('—');
  });
});

describe('the personal-data check on save', () => {
  const terms = { workerNames: ['张伟明'], place: '燕西街道工业园区8号车间', employerName: '鑫达机械有限公司' };

  it('finds ID numbers, also written with spaces or full-width digits, and 15-digit old numbers', () => {
    expect(personalDataProblems('身份证 350481199005021234', terms)).toEqual(['含有疑似身份证号码']);
    expect(personalDataProblems('号码 350481 19900502 123X', terms)).toEqual(['含有疑似身份证号码']);
    expect(personalDataProblems('３５０４８１１９９００５０２１２３４', terms)).toEqual(['含有疑似身份证号码']);
    expect(personalDataProblems('旧号 350481900502123', terms)).toEqual(['含有疑似身份证号码']);
  });

  it('finds mobile and landline numbers', () => {
    expect(personalDataProblems('联系 138-5981-2345', terms)).toEqual(['含有疑似电话号码']);
    expect(personalDataProblems('电话0598-7654321', terms)).toEqual(['含有疑似电话号码']);
  });

  it("finds the worker's name, the exact place and the employer's name", () => {
    expect(personalDataProblems('职工张伟明在操作时', terms)[0]).toContain('姓名');
    expect(personalDataProblems('在燕西街道工业园区8号车间内', terms)[0]).toContain('详细地点');
    expect(personalDataProblems('鑫达机械有限公司未落实', terms)[0]).toContain('单位名称');
  });

  it('passes ordinary text with figures that are not identifiers', () => {
    const text = '2024年3月，一名职工在冲压作业中受伤，损失工作日120天，直接经济损失约35万元。';
    expect(personalDataProblems(text, terms)).toEqual([]);
  });
});
