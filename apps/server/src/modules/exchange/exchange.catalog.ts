import { ACCIDENT_CATEGORIES, CITY_CODE, CURRENT_COUNTIES, type ExchangeField } from '@yufang/contracts';

import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/index.js';
import { exchangeDataSet, exchangeSchemaVersion } from './exchange.schema.js';

export interface CodeItem {
  code: string;
  name: string;
}

/** Code tables named by `code` fields: GB 6441 accident categories, GB/T 2260 counties, and local lists. */
export const CODE_TABLES: Record<string, CodeItem[]> = {
  accident_category: [...ACCIDENT_CATEGORIES],
  county: [...CURRENT_COUNTIES.map((c) => ({ code: c.code, name: c.name })), { code: CITY_CODE, name: '市本级' }],
  injury_kind: [
    { code: 'production_safety', name: '生产安全事故' },
    { code: 'traffic', name: '上下班或因公交通事故' },
    { code: 'occupational_disease', name: '职业病' },
    { code: 'other', name: '其他' },
  ],
  recognition_result: [
    { code: 'recognised', name: '认定为工伤' },
    { code: 'deemed', name: '视同工伤' },
    { code: 'not_recognised', name: '不予认定' },
  ],
  hazard_level: [
    { code: 'general', name: '一般隐患' },
    { code: 'major', name: '重大隐患' },
  ],
  fund_item: [
    { code: 'medical', name: '工伤医疗费' },
    { code: 'disability', name: '伤残待遇' },
    { code: 'death', name: '工亡待遇' },
    { code: 'prevention', name: '工伤预防费' },
    { code: 'rehabilitation', name: '工伤康复费' },
    { code: 'other', name: '其他' },
  ],
};

const f = (
  name: string,
  label: string,
  type: ExchangeField['type'],
  required = true,
  extra: Partial<Pick<ExchangeField, 'codeTable' | 'personal'>> = {},
): ExchangeField => ({
  name,
  label,
  type,
  required,
  codeTable: extra.codeTable ?? null,
  personal: extra.personal ?? false,
});

const county = f('county_code', '县（市、区）', 'code', true, { codeTable: 'county' });

export interface DataSetDefinition {
  code: string;
  name: string;
  description: string;
  ownerUnit: string;
  /** Versions in order; the last is current. Never edit a published version: append a new one. */
  versions: { version: number; fields: ExchangeField[]; naturalKey: string[] }[];
  /** The field whose value is the record's event date (freshness, matching). */
  eventDateField: string | null;
}

/** The catalogue shipped with the platform (reference data, synchronised at every start). */
export const CATALOGUE: DataSetDefinition[] = [
  {
    code: 'yjj.accident',
    name: '生产安全事故',
    description: '应急管理部门登记的生产安全事故及伤亡情况',
    ownerUnit: 'yjj',
    eventDateField: 'occurred_at',
    versions: [
      {
        version: 1,
        naturalKey: ['accident_no'],
        fields: [
          f('accident_no', '事故编号', 'string'),
          f('occurred_at', '发生时间', 'datetime'),
          f('employer_uscc', '用人单位统一社会信用代码', 'uscc'),
          county,
          f('category', '事故类别', 'code', true, { codeTable: 'accident_category' }),
          f('deaths', '死亡人数', 'integer'),
          f('serious_injuries', '重伤人数', 'integer'),
          f('minor_injuries', '轻伤人数', 'integer'),
          f('direct_loss', '直接经济损失（元）', 'money_fen', false),
          f('summary', '简要经过', 'string', false),
        ],
      },
    ],
  },
  {
    code: 'yjj.hazard',
    name: '安全隐患',
    description: '安全生产检查发现的隐患及整改情况',
    ownerUnit: 'yjj',
    eventDateField: 'found_on',
    versions: [
      {
        version: 1,
        naturalKey: ['hazard_no'],
        fields: [
          f('hazard_no', '隐患编号', 'string'),
          f('found_on', '发现日期', 'date'),
          f('employer_uscc', '用人单位统一社会信用代码', 'uscc'),
          county,
          f('level', '隐患级别', 'code', true, { codeTable: 'hazard_level' }),
          f('description', '隐患描述', 'string'),
          f('rectified', '是否已整改', 'boolean'),
          f('rectified_on', '整改完成日期', 'date', false),
        ],
      },
    ],
  },
  {
    code: 'wjw.od_case',
    name: '职业病病例',
    description: '职业病诊断机构报告的职业病病例',
    ownerUnit: 'wjw',
    eventDateField: 'diagnosed_on',
    versions: [
      {
        version: 1,
        naturalKey: ['case_no'],
        fields: [
          f('case_no', '病例编号', 'string'),
          f('diagnosed_on', '诊断日期', 'date'),
          f('employer_uscc', '用人单位统一社会信用代码', 'uscc'),
          county,
          f('disease', '职业病名称', 'string'),
          f('catalogue_edition', '职业病目录版本', 'string', false),
          f('job', '岗位/工种', 'string', false),
          f('exposure_years', '接害工龄（年）', 'integer', false),
        ],
      },
    ],
  },
  {
    code: 'wjw.exposure',
    name: '职业病危害因素超标检测',
    description: '工作场所职业病危害因素检测超标结果',
    ownerUnit: 'wjw',
    eventDateField: 'tested_on',
    versions: [
      {
        version: 1,
        naturalKey: ['report_no', 'factor'],
        fields: [
          f('report_no', '检测报告编号', 'string'),
          f('tested_on', '检测日期', 'date'),
          f('employer_uscc', '用人单位统一社会信用代码', 'uscc'),
          county,
          f('factor', '危害因素', 'string'),
          f('post', '检测岗位', 'string', false),
          f('exceeded', '是否超标', 'boolean'),
        ],
      },
    ],
  },
  {
    code: 'gaj.traffic',
    name: '涉及职工的道路交通事故',
    description: '公安交管部门认定的涉及在职职工的道路交通事故',
    ownerUnit: 'gaj',
    eventDateField: 'occurred_at',
    versions: [
      {
        version: 1,
        naturalKey: ['case_no'],
        fields: [
          f('case_no', '事故编号', 'string'),
          f('occurred_at', '发生时间', 'datetime'),
          county,
          f('employer_uscc', '职工所在单位统一社会信用代码', 'uscc', false),
          f('deaths', '死亡人数', 'integer'),
          f('injuries', '受伤人数', 'integer'),
          f('commuting', '是否上下班途中', 'boolean', false),
        ],
      },
    ],
  },
  {
    code: 'zjj.project',
    name: '建设项目及按项目参保',
    description: '房屋建筑和市政工程项目及其按项目参加工伤保险情况',
    ownerUnit: 'zjj',
    eventDateField: 'start_date',
    versions: [
      {
        version: 1,
        naturalKey: ['project_no'],
        fields: [
          f('project_no', '项目编号', 'string'),
          f('project_name', '项目名称', 'string'),
          f('employer_uscc', '施工单位统一社会信用代码', 'uscc'),
          county,
          f('start_date', '开工日期', 'date'),
          f('contract_amount', '合同额（元）', 'money_fen'),
          f('project_insured', '是否按项目参保', 'boolean'),
          f('insured_on', '参保日期', 'date', false),
        ],
      },
    ],
  },
  {
    code: 'rsj.recognition',
    name: '工伤认定',
    description: '人社部门作出的工伤认定决定（身份证号加密存储）',
    ownerUnit: 'rsj',
    eventDateField: 'accident_date',
    versions: [
      {
        version: 1,
        naturalKey: ['decision_no'],
        fields: [
          f('decision_no', '认定书编号', 'string'),
          f('employer_uscc', '用人单位统一社会信用代码', 'uscc'),
          county,
          f('id_number', '职工身份证号', 'string', true, { personal: true }),
          f('accident_date', '事故日期', 'date'),
          f('decided_on', '认定日期', 'date', false),
          f('result', '认定结论', 'code', true, { codeTable: 'recognition_result' }),
          f('injury_kind', '伤害类型', 'code', true, { codeTable: 'injury_kind' }),
          f('category', '事故类别', 'code', false, { codeTable: 'accident_category' }),
        ],
      },
    ],
  },
  {
    code: 'sbzx.fund_spending',
    name: '工伤保险基金支出',
    description: '社保经办机构按月、按项目汇总的基金支出',
    ownerUnit: 'sbzx',
    eventDateField: 'month',
    versions: [
      {
        version: 1,
        naturalKey: ['month', 'county_code', 'item'],
        fields: [
          f('month', '月份（当月1日）', 'date'),
          county,
          f('item', '支出项目', 'code', true, { codeTable: 'fund_item' }),
          f('amount', '支出金额（元）', 'money_fen'),
          f('cases', '人次', 'integer', false),
        ],
      },
    ],
  },
];

export function definitionOf(code: string): DataSetDefinition | undefined {
  return CATALOGUE.find((d) => d.code === code);
}

/** Brings the catalogue into the database (idempotent): data sets upserted, missing schema versions added. */
export async function syncExchangeCatalogue(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const d of CATALOGUE) {
      const current = d.versions[d.versions.length - 1];
      if (!current) throw new Error(`数据集 ${d.code} 没有结构版本`);
      await tx
        .insert(exchangeDataSet)
        .values({
          code: d.code,
          name: d.name,
          description: d.description,
          ownerUnit: d.ownerUnit,
          currentVersion: current.version,
        })
        .onConflictDoUpdate({
          target: exchangeDataSet.code,
          set: {
            name: sql`excluded.name`,
            description: sql`excluded.description`,
            ownerUnit: sql`excluded.owner_unit`,
            currentVersion: sql`excluded.current_version`,
          },
        });
      await tx
        .insert(exchangeSchemaVersion)
        .values(d.versions.map((v) => ({ dataSetCode: d.code, ...v })))
        .onConflictDoNothing();
    }
  });
}
