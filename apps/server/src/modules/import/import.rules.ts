/**
 * Row rules of the import files: each cell is checked and turned into the stored form, or named with the rule it
 * breaks (in Chinese, for the error report). Pure functions, unit-tested in import.rules.test.ts.
 */
import {
  CURRENT_COUNTIES,
  checkIdNumber,
  checkUscc,
  EMPLOYER_SIZES,
  IMPORT_COLUMNS,
  type ImportKind,
  INSURANCE_STATUSES,
  idNumberFacts,
  industryDivision,
  KEY_ROLES,
  maskIdNumber,
  maskPhone,
  normaliseCode,
  OWNERSHIP_TYPES,
  REGIONS,
  yuanToFen,
} from '@yufang/contracts';
import { diseaseRow, injuryRow } from '../injury/injury.import.rows.js';

export interface RowProblem {
  column: string;
  value: string | null;
  rule: string;
}

/** The header row: which column index holds which template header. Unknown headers are ignored. */
export type HeaderMap = Map<string, number>;

const normHeader = (h: string) => h.replace(/\s+/g, '').replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));

/** Maps the header row to column positions, or names the missing required columns. */
export function readHeader(kind: ImportKind, cells: string[]): { map: HeaderMap } | { missing: string[] } {
  const map: HeaderMap = new Map();
  cells.forEach((cell, i) => {
    const h = normHeader(cell ?? '');
    if (h && !map.has(h)) map.set(h, i);
  });
  const missing = IMPORT_COLUMNS[kind].filter((c) => c.required && !map.has(normHeader(c.header))).map((c) => c.header);
  if (missing.length) return { missing };
  const out: HeaderMap = new Map();
  for (const c of IMPORT_COLUMNS[kind]) {
    const i = map.get(normHeader(c.header));
    if (i !== undefined) out.set(c.header, i);
  }
  return { map: out };
}

function reverse(map: Record<string, string>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [code, label] of Object.entries(map)) {
    m.set(code, code);
    m.set(label, code);
  }
  return m;
}
const OWNERSHIP = reverse(OWNERSHIP_TYPES);
OWNERSHIP.set('外资', 'foreign');
OWNERSHIP.set('港澳台', 'hmt');
OWNERSHIP.set('民营', 'private');
const SIZES = reverse(EMPLOYER_SIZES);
const INSURANCE = reverse(INSURANCE_STATUSES);
INSURANCE.set('暂停', 'suspended');
INSURANCE.set('参保', 'insured');
const KEY_ROLE = reverse(Object.fromEntries(KEY_ROLES.map((r) => [r.code, r.label])));
KEY_ROLE.set('安全管理负责人', 'safety_head');

/** County by GB/T 2260 code or name (retired codes map to their successor), current counties only. */
const COUNTIES = new Map<string, string>();
for (const c of CURRENT_COUNTIES) {
  COUNTIES.set(c.code, c.code);
  COUNTIES.set(c.name, c.code);
}
for (const r of REGIONS) if (r.replacedBy && r.level === 'county') COUNTIES.set(r.code, r.replacedBy);

export function countyCodeOf(input: string): string | null {
  return COUNTIES.get(input.trim()) ?? null;
}

const labelList = (m: Record<string, string>) => Object.values(m).join('、');

export interface RowContext {
  /** County codes the caller may import into (county officers: their own county). */
  counties: ReadonlySet<string>;
  /** Risk class and flags of an employer of this county and industry (computed once per distinct pair). */
  classify(
    countyCode: string,
    division: string,
    group: string | null,
  ): {
    riskClass: number | null;
    keyIndustry: boolean;
    dustHazard: boolean;
  };
  encrypt(plain: string): string;
  hash(plain: string): string;
  today: Date;
}

/** One row of a file: its cells by template header, and the problems found so far. */
export class Row {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly cells: string[],
    private readonly header: HeaderMap,
  ) {}
  get(column: string): string {
    const i = this.header.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }
  fail(column: string, value: string | null, rule: string): null {
    this.problems.push({ column, value: value === '' ? null : value, rule });
    return null;
  }
  required(column: string): string | null {
    const v = this.get(column);
    return v ? v : this.fail(column, null, '必填项不能为空');
  }
  text(column: string, max: number, required = false): string | null {
    const v = required ? this.required(column) : this.get(column) || null;
    if (v && v.length > max) return this.fail(column, v, `最多 ${max} 个字符`);
    return v;
  }
  uscc(column = '统一社会信用代码'): string | null {
    const v = this.required(column);
    if (v === null) return null;
    const r = checkUscc(v);
    return r.ok ? r.value : this.fail(column, v, r.reason);
  }
  int(column: string, min: number, max: number, required: boolean): number | null {
    const v = this.get(column).replace(/[,，]/g, '');
    if (!v) return required ? this.fail(column, null, '必填项不能为空') : null;
    if (!/^\d+$/.test(v)) return this.fail(column, v, '应为非负整数');
    const n = Number(v);
    if (n < min || n > max) return this.fail(column, v, `应在 ${min}–${max} 之间`);
    return n;
  }
  code(column: string, map: Map<string, string>, allowed: string): string | null {
    const v = this.get(column);
    if (!v) return null;
    return map.get(v) ?? this.fail(column, v, `应为${allowed}之一`);
  }
  date(column: string, required: boolean, today: Date): string | null {
    const v = this.get(column);
    if (!v) return required ? this.fail(column, null, '必填项不能为空') : null;
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
    if (!m) return this.fail(column, v, '日期格式应为 YYYY-MM-DD');
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 1950)
      return this.fail(column, v, '不是有效日期');
    if (dt.getTime() > today.getTime() + 366 * 86_400_000) return this.fail(column, v, '日期不能晚于明年');
    return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
}

export interface EmployerRow {
  uscc: string;
  name: string;
  countyCode: string;
  industryCode: string;
  industryGroup: string | null;
  riskClass: number | null;
  keyIndustry: boolean;
  dustHazard: boolean;
  legalRepresentative: string | null;
  address: string | null;
  ownershipType: string | null;
  size: string | null;
  workforce: number | null;
  safetyContactName: string | null;
  phoneCipher: string | null;
  phoneMasked: string | null;
  insuranceStatus: string;
}

export interface HeadcountRow {
  uscc: string;
  month: string;
  insuredCount: number;
  payrollFen: number;
}

export interface PersonRow {
  uscc: string;
  idCipher: string;
  idHash: string;
  idMasked: string;
  name: string;
  sex: string;
  birthDate: string;
  job: string | null;
  keyRole: string;
  insuredFrom: string;
  insuredTo: string | null;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; problems: RowProblem[] };

export const done = <T>(row: Row, value: T | null): RowResult<T> =>
  row.problems.length || value === null ? { ok: false, problems: row.problems } : { ok: true, value };

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** One employer row (统一社会信用代码 … 参保状态). */
export function employerRow(cells: string[], header: HeaderMap, ctx: RowContext): RowResult<EmployerRow> {
  const r = new Row(cells, header);
  const uscc = r.uscc();
  const name = r.text('单位名称', 200, true);
  const countyInput = r.required('所在县区');
  let countyCode: string | null = null;
  if (countyInput !== null) {
    countyCode = countyCodeOf(countyInput);
    if (!countyCode) r.fail('所在县区', countyInput, '不是三明市现行县（市、区）的名称或 6 位代码');
    else if (!ctx.counties.has(countyCode)) {
      r.fail('所在县区', countyInput, '不在您的管辖范围内（只能导入本县区的单位）');
      countyCode = null;
    }
  }
  const industryInput = r.required('行业代码');
  let industryCode: string | null = null;
  let industryGroup: string | null = null;
  if (industryInput !== null) {
    const v = normaliseCode(industryInput);
    if (!/^\d{2,3}$/.test(v)) r.fail('行业代码', industryInput, '应为 GB/T 4754 的 2 位大类或 3 位中类代码');
    else if (!industryDivision(v.slice(0, 2))) r.fail('行业代码', industryInput, 'GB/T 4754-2017 中没有这个行业大类');
    else {
      industryCode = v.slice(0, 2);
      industryGroup = v.length === 3 ? v : null;
    }
  }
  const legalRepresentative = r.text('法定代表人', 64);
  const address = r.text('地址', 300);
  const ownershipType = r.code('经济类型', OWNERSHIP, labelList(OWNERSHIP_TYPES));
  const size = r.code('规模', SIZES, labelList(EMPLOYER_SIZES));
  const workforce = r.int('职工人数', 0, 1_000_000, false);
  const safetyContactName = r.text('安全联系人', 64);
  const phoneInput = r.get('联系电话');
  let phone: string | null = null;
  if (phoneInput) {
    const p = phoneInput.replace(/[\s（）()]/g, '');
    if (PHONE.test(p)) phone = p;
    else r.fail('联系电话', phoneInput, '应为 11 位手机号码或带区号的固定电话');
  }
  const insuranceStatus = r.code('参保状态', INSURANCE, labelList(INSURANCE_STATUSES)) ?? 'insured';
  if (!uscc || !name || !countyCode || !industryCode) return done<EmployerRow>(r, null);
  return done(r, {
    uscc,
    name,
    countyCode,
    industryCode,
    industryGroup,
    ...ctx.classify(countyCode, industryCode, industryGroup),
    legalRepresentative,
    address,
    ownershipType,
    size,
    workforce,
    safetyContactName,
    phoneCipher: phone ? ctx.encrypt(phone) : null,
    phoneMasked: phone ? maskPhone(phone) : null,
    insuranceStatus,
  });
}

/** One headcount row: 月份 YYYY-MM, 参保人数, 工资总额（元）→ fen without floating point. */
export function headcountRow(cells: string[], header: HeaderMap, ctx: RowContext): RowResult<HeadcountRow> {
  const r = new Row(cells, header);
  const uscc = r.uscc();
  const monthInput = r.required('月份');
  let month: string | null = null;
  if (monthInput !== null) {
    const m = /^(\d{4})[-/.年](\d{1,2})月?(?:[-/.]0?1日?)?$/.exec(monthInput);
    const mo = m ? Number(m[2]) : 0;
    if (!m || mo < 1 || mo > 12 || Number(m[1]) < 2000) r.fail('月份', monthInput, '月份格式应为 YYYY-MM');
    else {
      month = `${m[1]}-${String(mo).padStart(2, '0')}-01`;
      if (Date.parse(month) > ctx.today.getTime()) {
        r.fail('月份', monthInput, '不能是未来的月份');
        month = null;
      }
    }
  }
  const insuredCount = r.int('参保人数', 0, 1_000_000, true);
  const payrollInput = r.required('工资总额（元）');
  let payrollFen: number | null = null;
  if (payrollInput !== null) {
    try {
      payrollFen = yuanToFen(payrollInput);
      if (payrollFen < 0) payrollFen = r.fail('工资总额（元）', payrollInput, '不能为负数');
    } catch {
      r.fail('工资总额（元）', payrollInput, '应为金额（元），最多两位小数');
    }
  }
  if (!uscc || !month || insuredCount === null || payrollFen === null) return done<HeadcountRow>(r, null);
  return done(r, { uscc, month, insuredCount, payrollFen });
}

/** One insured-person row; the ID number leaves this function only encrypted, hashed and masked. */
export function personRow(cells: string[], header: HeaderMap, ctx: RowContext): RowResult<PersonRow> {
  const r = new Row(cells, header);
  const uscc = r.uscc();
  const name = r.text('姓名', 64, true);
  const idInput = r.required('身份证号码');
  let id: string | null = null;
  if (idInput !== null) {
    const check = checkIdNumber(idInput, { today: ctx.today });
    if (check.ok) id = check.value;
    else r.fail('身份证号码', maskIdNumber(normaliseCode(idInput)), check.reason);
  }
  const job = r.text('岗位/工种', 64);
  const keyRole =
    r.code('关键岗位', KEY_ROLE, KEY_ROLES.map((k) => k.label).join('、')) ?? (r.get('关键岗位') ? null : 'other');
  const insuredFrom = r.date('参保开始日期', true, ctx.today);
  const insuredTo = r.date('参保结束日期', false, ctx.today);
  if (insuredFrom && insuredTo && insuredTo < insuredFrom)
    r.fail('参保结束日期', insuredTo, '参保结束日期不能早于参保开始日期');
  if (!uscc || !name || !id || !keyRole || !insuredFrom) return done<PersonRow>(r, null);
  const facts = idNumberFacts(id);
  return done(r, {
    uscc,
    idCipher: ctx.encrypt(id),
    idHash: ctx.hash(id),
    idMasked: maskIdNumber(id),
    name,
    sex: facts.sex,
    birthDate: facts.birthDate,
    job,
    keyRole,
    insuredFrom,
    insuredTo,
  });
}

export const ROW_RULES = {
  employer: employerRow,
  headcount: headcountRow,
  person: personRow,
  injury: injuryRow,
  disease: diseaseRow,
} as const;
