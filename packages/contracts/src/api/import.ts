import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';
import { DISEASE_IMPORT_COLUMNS, INJURY_IMPORT_COLUMNS } from './injury.js';

/** What a file can bring in: employers, monthly headcounts and payroll, insured persons, injury and disease cases. */
export const ImportKind = z.enum(['employer', 'headcount', 'person', 'injury', 'disease'], {
  error: '导入类型应为 employer、headcount、person、injury 或 disease',
});
export type ImportKind = z.infer<typeof ImportKind>;

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  employer: '用人单位',
  headcount: '月度参保人数与工资总额',
  person: '参保职工',
  injury: '工伤案件',
  disease: '职业病病例',
};

/** Column headers of each kind's template, in order (the header row of a file must name them; order may differ). */
export const IMPORT_COLUMNS: Record<ImportKind, readonly { header: string; required: boolean; example: string }[]> = {
  employer: [
    { header: '统一社会信用代码', required: true, example: '91350481MA31234567' },
    { header: '单位名称', required: true, example: '永安市示例机械制造有限公司' },
    { header: '所在县区', required: true, example: '永安市' },
    { header: '行业代码', required: true, example: '34' },
    { header: '法定代表人', required: false, example: '张三' },
    { header: '地址', required: false, example: '永安市燕西街道示例路 1 号' },
    { header: '经济类型', required: false, example: '私营' },
    { header: '规模', required: false, example: '小型' },
    { header: '职工人数', required: false, example: '56' },
    { header: '安全联系人', required: false, example: '李四' },
    { header: '联系电话', required: false, example: '13905981234' },
    { header: '参保状态', required: false, example: '已参保' },
  ],
  headcount: [
    { header: '统一社会信用代码', required: true, example: '91350481MA31234567' },
    { header: '月份', required: true, example: '2026-01' },
    { header: '参保人数', required: true, example: '56' },
    { header: '工资总额（元）', required: true, example: '325600.50' },
  ],
  person: [
    { header: '统一社会信用代码', required: true, example: '91350481MA31234567' },
    { header: '姓名', required: true, example: '王五' },
    { header: '身份证号码', required: true, example: '35048119900101123X' },
    { header: '岗位/工种', required: false, example: '焊工' },
    { header: '关键岗位', required: false, example: '班组长' },
    { header: '参保开始日期', required: true, example: '2024-03-01' },
    { header: '参保结束日期', required: false, example: '' },
  ],
  injury: INJURY_IMPORT_COLUMNS,
  disease: DISEASE_IMPORT_COLUMNS,
};

export const ImportStatus = z.enum(['validating', 'validated', 'committing', 'committed', 'failed', 'cancelled']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  validating: '校验中',
  validated: '已校验',
  committing: '提交中',
  committed: '已导入',
  failed: '失败',
  cancelled: '已取消',
};

export const ImportErrorView = z.object({
  rowNo: z.number().int(),
  column: z.string(),
  value: z.string().nullable(),
  rule: z.string(),
});
export type ImportErrorView = z.infer<typeof ImportErrorView>;

export const ImportJobView = z.object({
  id: z.uuid(),
  kind: ImportKind,
  status: ImportStatus,
  fileName: z.string(),
  fileSize: z.number().int(),
  fileSha256: z.string(),
  format: z.string().nullable(),
  username: z.string(),
  regionCode: z.string(),
  progress: z.number().int(),
  processedRows: z.number().int(),
  totalRows: z.number().int().nullable(),
  newCount: z.number().int(),
  updatedCount: z.number().int(),
  unchangedCount: z.number().int(),
  errorCount: z.number().int(),
  errorRows: z.number().int(),
  /** The same file (same SHA-256) was already committed by this earlier job. */
  sameFile: z.object({ id: z.uuid(), committedAt: Timestamp.nullable(), username: z.string() }).nullable(),
  message: z.string().nullable(),
  createdAt: Timestamp,
  validatedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  can: z.object({ commit: z.boolean(), cancel: z.boolean() }),
});
export type ImportJobView = z.infer<typeof ImportJobView>;

/** A job with the first problems found (up to 100; the full list is the .xlsx report). */
export const ImportJobDetail = ImportJobView.extend({ errors: z.array(ImportErrorView) });
export type ImportJobDetail = z.infer<typeof ImportJobDetail>;

export const ImportJobPage = pageOf(ImportJobView);
export const ImportListQuery = PageQuery.extend({ kind: ImportKind.optional() });
export type ImportListQuery = z.infer<typeof ImportListQuery>;
export const ImportKindParams = z.object({ kind: ImportKind });
