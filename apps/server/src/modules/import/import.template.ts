import { IMPORT_COLUMNS, IMPORT_KIND_LABELS, type ImportKind } from '@yufang/contracts';
import ExcelJS from 'exceljs';
import { INJURY_IMPORT_NOTES } from '../injury/injury.import.js';

const NOTES: Record<ImportKind, string[]> = {
  employer: [
    '统一社会信用代码：18 位，校验位须正确；同一代码已存在时更新该单位（不会重复新增）。',
    '所在县区：县（市、区）名称或 6 位区划代码，如“永安市”或“350481”；县区经办人员只能导入本县区的单位。',
    '行业代码：GB/T 4754-2017 的 2 位大类或 3 位中类代码；风险类别、重点行业和粉尘危害由系统按行业代码判定。',
    '经济类型：国有、集体、私营、外商投资、港澳台投资、其他；规模：大型、中型、小型、微型；参保状态：已参保、未参保、暂停缴费（空为已参保）。',
    '联系电话：11 位手机号码或带区号的固定电话，加密保存。',
  ],
  headcount: [
    '统一社会信用代码：须是系统中已有且在您管辖范围内的用人单位。',
    '月份：YYYY-MM，如 2026-01；同一单位同一月份再次导入时覆盖原数据。',
    '工资总额（元）：最多两位小数，系统按“分”精确保存。',
  ],
  person: [
    '统一社会信用代码：须是系统中已有且在您管辖范围内的用人单位。',
    '身份证号码：18 位，校验位须正确；加密保存，页面与错误报告中只显示脱敏号码。',
    '关键岗位：主要负责人、分管负责人、安全管理部门负责人、班组长、其他（空为其他）。',
    '日期格式：YYYY-MM-DD；同一单位、同一身份证号码、同一参保开始日期再次导入时更新该参保记录。',
  ],
  ...INJURY_IMPORT_NOTES,
};

/** The template of a kind: Chinese headers, one example row, and a sheet of notes on each column. */
export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(IMPORT_KIND_LABELS[kind]);
  const columns = IMPORT_COLUMNS[kind];
  sheet.columns = columns.map((c) => ({ header: c.header, width: Math.max(14, c.header.length * 3 + 4) }));
  columns.forEach((c, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    sheet.getColumn(i + 1).numFmt = '@';
  });
  sheet.addRow(columns.map((c) => c.example));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = wb.addWorksheet('填写说明');
  notes.getColumn(1).width = 120;
  notes.addRow(['红色表头为必填列。第一个工作表的第 1 行为表头，第 2 行起为数据（示例行请替换或删除）。']);
  for (const n of NOTES[kind]) notes.addRow([n]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
