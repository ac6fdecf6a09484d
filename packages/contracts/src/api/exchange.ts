import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

/** Field types of a shared data set's schema (数据共享目录). */
export const EXCHANGE_FIELD_TYPES = {
  string: '文本',
  integer: '整数',
  date: '日期',
  datetime: '日期时间',
  boolean: '是/否',
  code: '代码',
  uscc: '统一社会信用代码',
  money_fen: '金额（元，存为分）',
} as const;
export type ExchangeFieldType = keyof typeof EXCHANGE_FIELD_TYPES;

export const ExchangeField = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(Object.keys(EXCHANGE_FIELD_TYPES) as [ExchangeFieldType, ...ExchangeFieldType[]]),
  required: z.boolean(),
  /** Name of the code table (accident_category, county, …) for `code` fields. */
  codeTable: z.string().nullable(),
  /** Personal data (ID number): stored encrypted with a keyed hash, shown masked. */
  personal: z.boolean(),
});
export type ExchangeField = z.infer<typeof ExchangeField>;

export const ExchangeSchemaVersion = z.object({
  version: z.number().int(),
  fields: z.array(ExchangeField),
  naturalKey: z.array(z.string()),
  createdAt: Timestamp,
});

export const LOAD_STATUSES = { succeeded: '成功', rejected: '已拒绝' } as const;
export const LOAD_SOURCES = { api: '接口推送', upload: '文件上传', demo: '演示数据' } as const;

export const RowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type RowError = z.infer<typeof RowError>;

export const LoadView = z.object({
  id: z.string(),
  dataSetCode: z.string(),
  schemaVersion: z.number().int(),
  source: z.enum(['api', 'upload', 'demo']),
  tokenId: z.string().nullable(),
  tokenName: z.string().nullable(),
  username: z.string().nullable(),
  fileName: z.string().nullable(),
  at: Timestamp,
  received: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  status: z.enum(['succeeded', 'rejected']),
  errors: z.array(RowError),
  demo: z.boolean(),
});
export type LoadView = z.infer<typeof LoadView>;
export const LoadPage = pageOf(LoadView);

export const DataSetView = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  ownerUnit: z.string(),
  ownerUnitName: z.string(),
  currentVersion: z.number().int(),
  recordCount: z.number().int(),
  lastLoadAt: Timestamp.nullable(),
  lastLoadStatus: z.enum(['succeeded', 'rejected']).nullable(),
  lastSuccessAt: Timestamp.nullable(),
  /** Whole days since the last successful load, null if never loaded. */
  ageDays: z.number().int().nullable(),
  can: z.object({ load: z.boolean(), readRecords: z.boolean() }),
});
export type DataSetView = z.infer<typeof DataSetView>;

export const DataSetDetail = DataSetView.extend({
  versions: z.array(ExchangeSchemaVersion),
  codeTables: z.record(z.string(), z.array(z.object({ code: z.string(), name: z.string() }))),
});
export type DataSetDetail = z.infer<typeof DataSetDetail>;

export const DataSetParams = z.object({ code: z.string().min(1).max(64) });

export const RecordQuery = PageQuery.extend({
  countyCode: z.string().max(6).optional(),
  uscc: z.string().max(18).optional(),
  key: z.string().max(100).optional(),
  from: z.iso.date('开始日期格式应为 YYYY-MM-DD').optional(),
  to: z.iso.date('结束日期格式应为 YYYY-MM-DD').optional(),
});
export type RecordQuery = z.infer<typeof RecordQuery>;

/** The filters of the record list without paging, for the export. */
export const RecordFilter = RecordQuery.omit({ limit: true, cursor: true });
export type RecordFilter = z.infer<typeof RecordFilter>;

export const RecordView = z.object({
  id: z.string(),
  naturalKey: z.string(),
  data: z.record(z.string(), z.unknown()),
  employerId: z.string().nullable(),
  employerUscc: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string(),
  eventDate: z.string().nullable(),
  schemaVersion: z.number().int(),
  loadId: z.string(),
  updatedAt: Timestamp,
});
export type RecordView = z.infer<typeof RecordView>;
export const RecordPage = pageOf(RecordView);

/** A push through the API: a JSON array of records keyed by field name. */
export const MAX_PUSH_RECORDS = 5000;
export const PushBody = z
  .array(z.record(z.string(), z.unknown()))
  .min(1, '至少提交 1 条记录')
  .max(MAX_PUSH_RECORDS, `每次最多提交 ${MAX_PUSH_RECORDS} 条记录`);

export const LoadRejectedBody = z.object({
  code: z.literal('VALIDATION'),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  load: LoadView,
});

export const TokenCreateInput = z.object({
  name: z.string().trim().min(1, '请填写令牌名称').max(100, '令牌名称最多 100 个字'),
  system: z.string().trim().min(1, '请填写对接系统名称').max(100, '系统名称最多 100 个字'),
  dataSets: z.array(z.string().max(64)).min(1, '至少选择一个数据集').max(50),
});
export type TokenCreateInput = z.infer<typeof TokenCreateInput>;

export const TokenView = z.object({
  id: z.string(),
  name: z.string(),
  system: z.string(),
  unitCode: z.string(),
  dataSets: z.array(z.string()),
  prefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type TokenView = z.infer<typeof TokenView>;
export const TokenCreated = z.object({ token: TokenView, secret: z.string() });

/** Reconciliation (数据核查). */
export const RECONCILE_RULES = {
  accident_without_recognition: '有伤亡事故但无工伤认定',
  recognition_without_accident: '工伤认定（生产安全事故）无对应事故记录',
  workforce_exceeds_insured: '职工人数超过参保人数',
  project_without_insurance: '建设项目未按项目参保',
} as const;
export type ReconcileRule = keyof typeof RECONCILE_RULES;
const RULE_CODES = Object.keys(RECONCILE_RULES) as [ReconcileRule, ...ReconcileRule[]];

export const FINDING_STATUSES = {
  open: '待核实',
  checking: '核实中',
  resolved: '已处理',
  dismissed: '无需处理',
} as const;
export type FindingStatus = keyof typeof FINDING_STATUSES;
const STATUS_CODES = Object.keys(FINDING_STATUSES) as [FindingStatus, ...FindingStatus[]];

export const FindingNote = z.object({
  at: Timestamp,
  username: z.string(),
  from: z.enum(STATUS_CODES).nullable(),
  to: z.enum(STATUS_CODES),
  note: z.string(),
});

export const FindingView = z.object({
  id: z.string(),
  rule: z.enum(RULE_CODES),
  subjectKey: z.string(),
  dataSetCode: z.string().nullable(),
  recordKey: z.string().nullable(),
  employerId: z.string().nullable(),
  employerName: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string(),
  ownerUnit: z.string(),
  summary: z.string(),
  status: z.enum(STATUS_CODES),
  notes: z.array(FindingNote),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  can: z.object({ update: z.boolean() }),
});
export type FindingView = z.infer<typeof FindingView>;
export const FindingPage = pageOf(FindingView);

export const FindingQuery = PageQuery.extend({
  rule: z.enum(RULE_CODES).optional(),
  status: z.enum(STATUS_CODES).optional(),
  countyCode: z.string().max(6).optional(),
});
export type FindingQuery = z.infer<typeof FindingQuery>;

export const FindingTransition = z.object({
  status: z.enum(STATUS_CODES),
  note: z.string().trim().max(1000, '说明最多 1000 个字').default(''),
  version: z.number().int(),
});
export type FindingTransition = z.infer<typeof FindingTransition>;
