import { ATTENDANCE_COLUMNS, checkIdNumber, checkUscc, maskIdNumber, NOT_INSURED_FLAG } from '@yufang/contracts';
import { and, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { PiiVault } from '../../core/crypto/pii.js';
import type { Tx } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { AppError, type FieldProblem } from '../../core/http/errors.js';
import { insuredPerson } from '../employer/employer.schema.js';
import { cellText } from '../import/import.parse.js';

const MAX_ROWS = 2000;

export interface Trainee {
  name: string;
  idHash: string;
  idMasked: string;
  employerUscc: string;
}

/**
 * Reads an attendance list (.xlsx: 姓名, 身份证号码, 单位统一社会信用代码): every row checked (the ID number's and the
 * USCC's check characters, duplicates); any bad row refuses the whole file with the row errors. The ID number is
 * kept only as its keyed hash and masked form.
 */
export async function readAttendance(pii: PiiVault, fileName: string, base64: string): Promise<Trainee[]> {
  if (!/\.xlsx$/i.test(fileName)) throw AppError.validation('attendance', '签到表须为 .xlsx 文件');
  const file = Buffer.from(base64, 'base64');
  if (file.length < 4 || file[0] !== 0x50 || file[1] !== 0x4b) {
    throw new AppError('VALIDATION', '签到表：文件内容不是有效的 Excel（.xlsx）工作簿', [
      { field: 'attendance', message: '文件内容不是有效的 Excel（.xlsx）工作簿' },
    ]);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '签到表：无法读取 Excel 工作簿', [{ field: 'attendance', message: '无法读取' }]);
  }
  const sheet = workbook.worksheets[0];
  const header = ATTENDANCE_COLUMNS.map((_, i) => cellText(sheet?.getRow(1).getCell(i + 1).value).trim());
  if (!sheet || ATTENDANCE_COLUMNS.some((h, i) => header[i] !== h)) {
    throw new AppError('VALIDATION', `签到表：表头应为 ${ATTENDANCE_COLUMNS.join('、')}`, [
      { field: 'attendance', message: `表头应为 ${ATTENDANCE_COLUMNS.join('、')}` },
    ]);
  }
  const problems: FieldProblem[] = [];
  const out: Trainee[] = [];
  const seen = new Map<string, number>();
  for (let rowNo = 2; rowNo <= sheet.rowCount; rowNo++) {
    const [name = '', idText = '', usccText = ''] = ATTENDANCE_COLUMNS.map((_, i) =>
      cellText(sheet.getRow(rowNo).getCell(i + 1).value).trim(),
    );
    if (!name && !idText && !usccText) continue;
    if (out.length >= MAX_ROWS) throw AppError.validation('attendance', `签到表最多 ${MAX_ROWS} 行`);
    const at = (column: string, message: string) =>
      problems.push({ field: `attendance.${rowNo}.${column}`, message: `第 ${rowNo} 行${column}：${message}` });
    if (name.length < 2) at('姓名', '请填写姓名');
    const id = checkIdNumber(idText);
    if (!id.ok) at('身份证号码', id.reason);
    const uscc = checkUscc(usccText);
    if (!uscc.ok) at('单位统一社会信用代码', uscc.reason);
    if (!id.ok || !uscc.ok) continue;
    const first = seen.get(id.value);
    if (first) {
      at('身份证号码', `与第 ${first} 行重复`);
      continue;
    }
    seen.set(id.value, rowNo);
    out.push({ name, idHash: pii.hash(id.value), idMasked: maskIdNumber(id.value), employerUscc: uscc.value });
  }
  if (problems.length) {
    throw new AppError(
      'VALIDATION',
      `签到表有 ${problems.length} 处错误，未导入任何记录：${problems
        .slice(0, 10)
        .map((p) => p.message)
        .join('；')}`,
      problems,
    );
  }
  if (!out.length) throw AppError.validation('attendance', '签到表中没有学员');
  return out;
}

export interface MatchedTrainee extends Trainee {
  employerId: string | null;
  employerName: string | null;
  insured: boolean;
  flag: string | null;
}

/** Matches each trainee against the insured roster: a spell at the named employer covering the session date. */
export async function matchInsured(tx: Tx, trainees: readonly Trainee[], sessionOn: string): Promise<MatchedTrainee[]> {
  const usccs = [...new Set(trainees.map((t) => t.employerUscc))];
  const employers = await tx
    .select({ id: employer.id, uscc: employer.uscc, name: employer.name })
    .from(employer)
    .where(inArray(employer.uscc, usccs));
  const byUscc = new Map(employers.map((e) => [e.uscc, e]));
  const spells = employers.length
    ? await tx
        .select({ employerId: insuredPerson.employerId, idHash: insuredPerson.idHash })
        .from(insuredPerson)
        .where(
          and(
            inArray(
              insuredPerson.employerId,
              employers.map((e) => e.id),
            ),
            inArray(
              insuredPerson.idHash,
              trainees.map((t) => t.idHash),
            ),
            lte(insuredPerson.insuredFrom, sessionOn),
            or(isNull(insuredPerson.insuredTo), gte(insuredPerson.insuredTo, sessionOn)),
          ),
        )
    : [];
  const insured = new Set(spells.map((s) => `${s.employerId}|${s.idHash}`));
  return trainees.map((t) => {
    const e = byUscc.get(t.employerUscc) ?? null;
    const ok = e !== null && insured.has(`${e.id}|${t.idHash}`);
    return {
      ...t,
      employerId: e?.id ?? null,
      employerName: e?.name ?? null,
      insured: ok,
      flag: ok ? null : NOT_INSURED_FLAG,
    };
  });
}
