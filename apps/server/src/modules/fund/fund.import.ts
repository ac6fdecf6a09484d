import { FUND_YEAR_COLUMNS, yuanToFen } from '@yufang/contracts';
import ExcelJS from 'exceljs';
import { AppError, type FieldProblem } from '../../core/http/errors.js';
import { cellText } from '../import/import.parse.js';

const MAX_ROWS = 100;

export interface FundYearRow {
  rowNo: number;
  year: number;
  incomeFen: number;
  spendingFen: number;
}

function refuse(message: string, problems: FieldProblem[] = [{ field: 'file', message }]): never {
  throw new AppError('VALIDATION', message, problems);
}

/**
 * Reads an .xlsx of fund years (年度, 征缴收入（元）, 基金支出（元）): every row checked, any bad row refuses the whole
 * file with the row errors in Chinese.
 */
export async function readFundYears(fileName: string, base64: string): Promise<FundYearRow[]> {
  if (!/\.xlsx$/i.test(fileName)) refuse('导入文件须为 .xlsx 文件（可先下载模板）');
  const file = Buffer.from(base64, 'base64');
  if (file.length < 4 || file[0] !== 0x50 || file[1] !== 0x4b) refuse('文件内容不是有效的 Excel（.xlsx）工作簿');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    refuse('无法读取 Excel 工作簿');
  }
  const sheet = workbook.worksheets[0];
  const header = FUND_YEAR_COLUMNS.map((_, i) => cellText(sheet?.getRow(1).getCell(i + 1).value).trim());
  if (!sheet || FUND_YEAR_COLUMNS.some((h, i) => header[i] !== h)) {
    refuse(`表头应为 ${FUND_YEAR_COLUMNS.join('、')}（可先下载模板）`);
  }
  const problems: FieldProblem[] = [];
  const out: FundYearRow[] = [];
  const seen = new Map<number, number>();
  for (let rowNo = 2; rowNo <= sheet.rowCount; rowNo++) {
    const cells = FUND_YEAR_COLUMNS.map((_, i) => cellText(sheet.getRow(rowNo).getCell(i + 1).value).trim());
    const [yearText = '', incomeText = '', spendingText = ''] = cells;
    if (!yearText && !incomeText && !spendingText) continue;
    if (out.length >= MAX_ROWS) refuse(`导入文件最多 ${MAX_ROWS} 行`);
    const at = (column: string, message: string) =>
      problems.push({ field: `rows.${rowNo}.${column}`, message: `第 ${rowNo} 行${column}：${message}` });
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (Number.isNaN(year) || year < 2000 || year > 2100) at('年度', '应为四位年份，如 2025');
    const money = (text: string, column: string): number | null => {
      let fen: number | null = null;
      try {
        fen = text ? yuanToFen(text) : null;
        if (!text) at(column, '请填写金额（元）');
        else if (fen !== null && fen < 0) at(column, '金额不能为负数');
      } catch (error) {
        at(column, (error as Error).message);
      }
      return fen !== null && fen >= 0 ? fen : null;
    };
    const incomeFen = money(incomeText, FUND_YEAR_COLUMNS[1]);
    const spendingFen = money(spendingText, FUND_YEAR_COLUMNS[2]);
    if (!Number.isNaN(year)) {
      const first = seen.get(year);
      if (first) at('年度', `与第 ${first} 行重复`);
      else seen.set(year, rowNo);
    }
    if (incomeFen !== null && spendingFen !== null && !Number.isNaN(year)) {
      out.push({ rowNo, year, incomeFen, spendingFen });
    }
  }
  if (problems.length) {
    refuse(
      `导入文件有 ${problems.length} 处错误，未导入任何记录：${problems
        .slice(0, 10)
        .map((p) => p.message)
        .join('；')}`,
      problems,
    );
  }
  if (!out.length) refuse('导入文件中没有数据行');
  return out.sort((a, b) => a.year - b.year);
}

/** The import template: the header and one example row. */
export async function fundYearTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('年度基金收支');
  sheet.columns = FUND_YEAR_COLUMNS.map((header) => ({ header, width: 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([2025, '250000000.00', '231000000.00']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
