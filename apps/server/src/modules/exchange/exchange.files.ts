import {
  type DataSetDetail,
  EXCHANGE_FIELD_TYPES,
  type ExchangeField,
  type RecordFilter,
  type RecordView,
} from '@yufang/contracts';
import ExcelJS from 'exceljs';
import type { Actor } from '../../core/auth/actor.js';
import type { ExcelColumn } from '../../core/http/excel.js';
import type { ExchangeService } from './exchange.service.js';

type CodeTables = DataSetDetail['codeTables'];

/** One field's stored value as a clerk reads it: code names, 是/否, money in yuan (as uploads take it). */
export function displayValue(field: ExchangeField, value: unknown, codeTables: CodeTables): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'boolean':
      return value ? '是' : '否';
    case 'money_fen':
      return typeof value === 'number' ? value / 100 : value;
    case 'code':
      return codeTables[field.codeTable ?? '']?.find((c) => c.code === value)?.name ?? value;
    case 'datetime':
      return String(value).replace('T', ' ');
    default:
      return value;
  }
}

/**
 * The columns of a data set's record export: every field of the current version under its Chinese label
 * (personal fields are stored masked in `data`, so the export never holds a full ID number), then where the
 * record belongs and when it last changed.
 */
export function recordColumns(detail: DataSetDetail): ExcelColumn<RecordView>[] {
  const fields = detail.versions[0]?.fields ?? [];
  return [
    ...fields.map(
      (f): ExcelColumn<RecordView> => ({
        header: f.personal ? `${f.label}（脱敏）` : f.label,
        width: Math.max(12, Math.min(40, f.label.length * 2 + 6)),
        value: (r) => displayValue(f, r.data[f.name], detail.codeTables),
      }),
    ),
    { header: '所属县（市、区）', width: 14, value: (r) => r.countyName },
    { header: '结构版本', width: 10, value: (r) => r.schemaVersion },
    { header: '更新时间', width: 22, value: (r) => r.updatedAt },
  ];
}

/**
 * The upload template of a data set: the current version's Chinese labels as headers (required ones marked *
 * and red, read back by the upload), and a sheet describing each field and its code table.
 */
export async function buildDataSetTemplate(detail: DataSetDetail): Promise<Buffer> {
  const version = detail.versions[0];
  const fields = version?.fields ?? [];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(detail.name.slice(0, 31));
  sheet.columns = fields.map((f) => ({
    header: `${f.label}${f.required ? '*' : ''}`,
    width: Math.max(14, f.label.length * 3 + 4),
  }));
  fields.forEach((f, i) => {
    sheet.getRow(1).getCell(i + 1).font = { bold: true, color: f.required ? { argb: 'FFC00000' } : undefined };
    sheet.getColumn(i + 1).numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', width: 28 },
    { header: '字段名', width: 22 },
    { header: '类型', width: 20 },
    { header: '必填', width: 8 },
    { header: '说明', width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const f of fields) {
    const codes = f.codeTable ? (detail.codeTables[f.codeTable] ?? []) : [];
    const hints = [
      codes.length ? `可填代码或名称：${codes.map((c) => `${c.code} ${c.name}`).join('；')}` : '',
      f.type === 'date' ? '格式 YYYY-MM-DD' : '',
      f.type === 'datetime' ? '格式 YYYY-MM-DD HH:mm' : '',
      f.type === 'boolean' ? '填“是”或“否”' : '',
      f.type === 'money_fen' ? '单位：元，最多两位小数' : '',
      f.personal ? '个人信息：加密保存，页面与导出只显示脱敏号码' : '',
      version?.naturalKey.includes(f.name) ? '唯一键：再次上传同一键的记录时更新原记录' : '',
    ].filter(Boolean);
    notes.addRow([f.label, f.name, EXCHANGE_FIELD_TYPES[f.type], f.required ? '是' : '', hints.join('；')]);
  }
  notes.addRow([]);
  notes.addRow([
    `第一个工作表的第 1 行为表头（列名或字段名均可），第 2 行起为数据；带 * 的列为必填。结构版本 v${detail.currentVersion}。`,
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EXPORT_PAGE = 1000;

/** All records of a data set matching the filter in the caller's scope, page by page, for the export. */
export async function* recordPages(
  exchange: Pick<ExchangeService, 'records'>,
  actor: Actor,
  code: string,
  filter: RecordFilter,
): AsyncGenerator<RecordView[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await exchange.records(actor, code, { ...filter, limit: EXPORT_PAGE, cursor });
    if (page.items.length) yield page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
