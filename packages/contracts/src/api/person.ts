import { z } from 'zod';
import { checkIdNumber } from '../identifiers.js';
import { PageQuery, pageOf } from './common.js';

/**
 * Key roles of an employer's safety organisation (《安全生产法》第五、二十一、二十五条; training coverage of
 * principals and safety managers is counted by these codes).
 */
export const KEY_ROLES = [
  { code: 'principal', label: '主要负责人', labelEn: 'Principal' },
  { code: 'deputy', label: '分管负责人', labelEn: 'Deputy in charge of safety' },
  { code: 'safety_head', label: '安全管理部门负责人', labelEn: 'Head of safety management' },
  { code: 'team_leader', label: '班组长', labelEn: 'Team leader' },
  { code: 'other', label: '其他', labelEn: 'Other' },
] as const;

export const KeyRoleCode = z.enum(['principal', 'deputy', 'safety_head', 'team_leader', 'other'], {
  error: '关键岗位应为主要负责人、分管负责人、安全管理部门负责人、班组长或其他',
});
export type KeyRoleCode = z.infer<typeof KeyRoleCode>;

export const KEY_ROLE_LABELS: Record<KeyRoleCode, string> = Object.fromEntries(
  KEY_ROLES.map((r) => [r.code, r.label]),
) as Record<KeyRoleCode, string>;

export function keyRoleLabel(code: string): string {
  return KEY_ROLE_LABELS[code as KeyRoleCode] ?? code;
}

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const PersonAbilities = z.object({ unmask: z.boolean(), update: z.boolean() });

/** An insured person as every screen shows it: the ID number only masked. */
export const PersonView = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  idMasked: z.string(),
  name: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  age: z.number().int(),
  job: z.string().nullable(),
  keyRole: KeyRoleCode,
  keyRoleLabel: z.string(),
  insuredFrom: z.string(),
  insuredTo: z.string().nullable(),
  /** Insured today: insuredFrom ≤ today and (no insuredTo, or insuredTo ≥ today). */
  active: z.boolean(),
  version: z.number().int(),
  demo: z.boolean(),
  can: PersonAbilities,
});
export type PersonView = z.infer<typeof PersonView>;

export const PersonPage = pageOf(PersonView);
export type PersonPage = z.infer<typeof PersonPage>;

/** A full 18-digit ID number (used for exact look-up; a fragment is refused, never matched). */
export const IdNumberQuery = z
  .string()
  .trim()
  .max(32, '身份证号码最多 18 位')
  .superRefine((value, ctx) => {
    const check = checkIdNumber(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
  });

export const PersonListQuery = PageQuery.extend({
  employerId: z.uuid('所属用人单位编号格式不正确').optional(),
  /** A fragment of the name. */
  q: z.string().trim().max(32, '姓名最多 32 个字符').optional(),
  idNumber: IdNumberQuery.optional(),
  keyRole: KeyRoleCode.optional(),
  active: z.stringbool({ error: '在保状态应为 true 或 false' }).optional(),
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

const IdNumberInput = z.string().trim().min(1, '请输入身份证号码').max(32, '身份证号码最多 18 位');

/** The fields a record keeper types; sex and birth date are read from the ID number, never typed. */
export const PersonFields = z.object({
  idNumber: IdNumberInput,
  /** Accept a legacy 15-digit number and store its 18-digit form. */
  convertLegacyId: z.boolean().default(false),
  name: z.string().trim().min(1, '请输入职工姓名').max(32, '职工姓名最多 32 个字符'),
  job: z.string().trim().max(64, '岗位（工种）最多 64 个字符').nullable().default(null),
  keyRole: KeyRoleCode.default('other'),
  insuredFrom: IsoDate,
  insuredTo: IsoDate.nullable().default(null),
});

type PersonFieldsShape = Omit<z.infer<typeof PersonFields>, 'idNumber'> & { idNumber?: string };

/** The ID number (when given) with its check character; the insured period in order. */
function checkPerson(value: PersonFieldsShape, ctx: z.RefinementCtx): void {
  if (value.idNumber !== undefined) {
    const check = checkIdNumber(value.idNumber, { convertLegacy: value.convertLegacyId });
    if (!check.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: check.reason });
  }
  if (value.insuredTo && value.insuredTo < value.insuredFrom) {
    ctx.addIssue({ code: 'custom', path: ['insuredTo'], message: '停保日期不能早于参保日期' });
  }
}

export const PersonCreateInput = PersonFields.extend({ employerId: z.uuid('所属用人单位编号格式不正确') }).superRefine(
  checkPerson,
);
export type PersonCreateInput = z.infer<typeof PersonCreateInput>;

/** A correction: the ID number only when it changes (screens show it masked), else the stored one is kept. */
export const PersonUpdateInput = PersonFields.extend({
  idNumber: IdNumberInput.optional(),
  version: z.number().int().min(0),
}).superRefine(checkPerson);
export type PersonUpdateInput = z.infer<typeof PersonUpdateInput>;

/** The list filters without paging, for the export. */
export const PersonFilter = PersonListQuery.omit({ limit: true, cursor: true });
export type PersonFilter = z.infer<typeof PersonFilter>;

/** The full ID number, returned only by the audited unmask call. */
export const UnmaskedIdView = z.object({ id: z.uuid(), idNumber: z.string() });
export type UnmaskedIdView = z.infer<typeof UnmaskedIdView>;
