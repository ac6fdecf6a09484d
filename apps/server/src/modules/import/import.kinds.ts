/**
 * What differs between the kinds of import: the staging table, the set-based checks against the file itself
 * and the database, the preview counts and the commit (INSERT … SELECT … ON CONFLICT DO UPDATE).
 */
import type { ImportKind } from '@yufang/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { diseaseSpec, injurySpec } from '../injury/injury.import.js';
import type { EmployerRow, HeadcountRow, PersonRow } from './import.rules.js';
import type { StageTable } from './import.stage.js';

export interface KindSpec<R> {
  stage: StageTable;
  toStage(jobId: string, rowNo: number, row: R): unknown[];
  /** Problems that need the whole file or the database: SELECT row_no, "column", value, rule. */
  checks(jobId: string, counties: string[]): SQL;
  /** new / updated / unchanged of a validated file. */
  counts(jobId: string): SQL;
  /**
   * Upserts the staged rows; returns the counts `inserted` and `updated`. Changed employers get one history row
   * each; created ones none: their creation is the import job itself, committed in the same transaction
   * (import_job.finished_at = employer.created_at = now()), shown as the first history entry by the employer module.
   */
  commit(jobId: string, user: { id: string; username: string }): SQL;
}

const dup = (table: string, key: string, column: string, value: string, what: string, jobId: string) => sql`
  select row_no, ${column}::text as "column", ${sql.raw(value)} as value,
         '与第 ' || first_row || ' 行重复（${sql.raw(what)}）' as rule
  from (select *, min(row_no) over (partition by ${sql.raw(key)}) as first_row
        from ${sql.raw(table)} where job_id = ${jobId}) d
  where row_no > first_row`;

const missingEmployer = (table: string, jobId: string, counties: string[]) => sql`
  select s.row_no, '统一社会信用代码' as "column", s.uscc as value,
         case when e.id is null then '系统中没有这个统一社会信用代码的用人单位，请先导入用人单位'
              else '该用人单位不在您的管辖范围内' end as rule
  from ${sql.raw(table)} s left join employer e on e.uscc = s.uscc
  where s.job_id = ${jobId} and (e.id is null or not (e.county_code = any(${sql.param(counties)}::varchar[])))`;

const EMPLOYER_COMPARED = [
  'name',
  'county_code',
  'industry_code',
  'industry_group',
  'risk_class',
  'key_industry',
  'dust_hazard',
  'legal_representative',
  'address',
  'ownership_type',
  'size',
  'workforce',
  'safety_contact_name',
  'safety_contact_phone_masked',
  'insurance_status',
];
/** Whether an employer row differs from the staged one (the phone by its masked form: ciphertexts never match). */
const employerDiff = (a: string, b: string) =>
  sql.raw(
    `(${EMPLOYER_COMPARED.map((c) => `${a}.${c}`).join(', ')}) is distinct from (${EMPLOYER_COMPARED.map((c) => `${b}.${c}`).join(', ')})`,
  );

const countsSql = (from: SQL, existing: SQL, diff: SQL) => sql`
  select count(*) filter (where not existing)::int as "new",
         count(*) filter (where existing and changed)::int as updated,
         count(*) filter (where existing and not changed)::int as unchanged
  from (select ${existing} as existing, ${diff} as changed ${from}) x`;

export const employerSpec: KindSpec<EmployerRow> = {
  stage: {
    table: 'import_stage_employer',
    columns: [
      ['job_id', 'uuid'],
      ['row_no', 'int'],
      ['uscc', 'text'],
      ['name', 'text'],
      ['county_code', 'text'],
      ['industry_code', 'text'],
      ['industry_group', 'text'],
      ['risk_class', 'smallint'],
      ['key_industry', 'bool'],
      ['dust_hazard', 'bool'],
      ['legal_representative', 'text'],
      ['address', 'text'],
      ['ownership_type', 'text'],
      ['size', 'text'],
      ['workforce', 'int'],
      ['safety_contact_name', 'text'],
      ['phone_cipher', 'text'],
      ['phone_masked', 'text'],
      ['insurance_status', 'text'],
    ],
  },
  toStage: (jobId, rowNo, r) => [
    jobId,
    rowNo,
    r.uscc,
    r.name,
    r.countyCode,
    r.industryCode,
    r.industryGroup,
    r.riskClass,
    r.keyIndustry,
    r.dustHazard,
    r.legalRepresentative,
    r.address,
    r.ownershipType,
    r.size,
    r.workforce,
    r.safetyContactName,
    r.phoneCipher,
    r.phoneMasked,
    r.insuranceStatus,
  ],
  checks: (jobId, counties) => sql`
    ${dup('import_stage_employer', 'uscc', '统一社会信用代码', 'uscc', '同一统一社会信用代码', jobId)}
    union all
    select s.row_no, '统一社会信用代码', s.uscc, '该单位已登记在其他县区（' || e.county_code || '），不在您的管辖范围内'
    from import_stage_employer s join employer e on e.uscc = s.uscc
    where s.job_id = ${jobId} and not (e.county_code = any(${sql.param(counties)}::varchar[]))`,
  counts: (jobId) =>
    countsSql(
      sql`from (select *, phone_masked as safety_contact_phone_masked from import_stage_employer where job_id = ${jobId}) s
          left join employer e on e.uscc = s.uscc`,
      sql`e.id is not null`,
      employerDiff('e', 's'),
    ),
  commit: (jobId, user) => sql`
    with up as (
      insert into employer as e (uscc, name, county_code, industry_code, industry_group, risk_class, key_industry,
        dust_hazard, legal_representative, address, ownership_type, size, workforce, safety_contact_name,
        safety_contact_phone_cipher, safety_contact_phone_masked, insurance_status)
      select uscc, name, county_code, industry_code, industry_group, risk_class, key_industry, dust_hazard,
        legal_representative, address, ownership_type, size, workforce, safety_contact_name, phone_cipher,
        phone_masked, insurance_status
      from import_stage_employer where job_id = ${jobId}
      on conflict (uscc) do update set
        name = excluded.name,
        former_names = case when e.name <> excluded.name then array_append(e.former_names, e.name) else e.former_names end,
        county_code = excluded.county_code, industry_code = excluded.industry_code,
        industry_group = excluded.industry_group, risk_class = excluded.risk_class,
        key_industry = excluded.key_industry, dust_hazard = excluded.dust_hazard,
        legal_representative = excluded.legal_representative, address = excluded.address,
        ownership_type = excluded.ownership_type, size = excluded.size, workforce = excluded.workforce,
        safety_contact_name = excluded.safety_contact_name,
        safety_contact_phone_cipher = excluded.safety_contact_phone_cipher,
        safety_contact_phone_masked = excluded.safety_contact_phone_masked,
        insurance_status = excluded.insurance_status, version = e.version + 1, updated_at = now()
      where ${employerDiff('e', 'excluded')}
      returning e.id, (xmax = 0) as ins
    ), hist as (
      insert into employer_history (employer_id, user_id, username, source, changes)
      select id, ${user.id}::uuid, ${user.username}, 'import',
             jsonb_build_object('importId', ${jobId}::text, 'action', 'update')
      from up where not ins
    )
    select count(*) filter (where ins)::int as inserted, count(*) filter (where not ins)::int as updated from up`,
};

export const headcountSpec: KindSpec<HeadcountRow> = {
  stage: {
    table: 'import_stage_headcount',
    columns: [
      ['job_id', 'uuid'],
      ['row_no', 'int'],
      ['uscc', 'text'],
      ['month', 'date'],
      ['insured_count', 'int'],
      ['payroll_fen', 'bigint'],
    ],
  },
  toStage: (jobId, rowNo, r) => [jobId, rowNo, r.uscc, r.month, r.insuredCount, r.payrollFen],
  checks: (jobId, counties) => sql`
    ${dup('import_stage_headcount', 'uscc, month', '月份', "to_char(month, 'YYYY-MM')", '同一单位同一月份', jobId)}
    union all ${missingEmployer('import_stage_headcount', jobId, counties)}`,
  counts: (jobId) =>
    countsSql(
      sql`from import_stage_headcount s join employer em on em.uscc = s.uscc
          left join employer_headcount h on h.employer_id = em.id and h.month = s.month
          where s.job_id = ${jobId}`,
      sql`h.employer_id is not null`,
      sql`(h.insured_count, h.payroll_fen) is distinct from (s.insured_count, s.payroll_fen)`,
    ),
  commit: (jobId) => sql`
    with up as (
      insert into employer_headcount as h (employer_id, month, insured_count, payroll_fen)
      select em.id, s.month, s.insured_count, s.payroll_fen
      from import_stage_headcount s join employer em on em.uscc = s.uscc where s.job_id = ${jobId}
      on conflict (employer_id, month) do update set insured_count = excluded.insured_count,
        payroll_fen = excluded.payroll_fen, updated_at = now()
      where (h.insured_count, h.payroll_fen) is distinct from (excluded.insured_count, excluded.payroll_fen)
      returning (xmax = 0) as ins
    )
    select count(*) filter (where ins)::int as inserted, count(*) filter (where not ins)::int as updated from up`,
};

export const personSpec: KindSpec<PersonRow> = {
  stage: {
    table: 'import_stage_person',
    columns: [
      ['job_id', 'uuid'],
      ['row_no', 'int'],
      ['uscc', 'text'],
      ['id_cipher', 'text'],
      ['id_hash', 'text'],
      ['id_masked', 'text'],
      ['name', 'text'],
      ['sex', 'text'],
      ['birth_date', 'date'],
      ['job', 'text'],
      ['key_role', 'text'],
      ['insured_from', 'date'],
      ['insured_to', 'date'],
    ],
  },
  toStage: (jobId, rowNo, r) => [
    jobId,
    rowNo,
    r.uscc,
    r.idCipher,
    r.idHash,
    r.idMasked,
    r.name,
    r.sex,
    r.birthDate,
    r.job,
    r.keyRole,
    r.insuredFrom,
    r.insuredTo,
  ],
  checks: (jobId, counties) => sql`
    ${dup('import_stage_person', 'uscc, id_hash, insured_from', '身份证号码', 'id_masked', '同一单位、身份证号码与参保开始日期', jobId)}
    union all ${missingEmployer('import_stage_person', jobId, counties)}`,
  counts: (jobId) =>
    countsSql(
      sql`from import_stage_person s join employer em on em.uscc = s.uscc
          left join insured_person p on p.employer_id = em.id and p.id_hash = s.id_hash and p.insured_from = s.insured_from
          where s.job_id = ${jobId}`,
      sql`p.id is not null`,
      sql`(p.name, p.job, p.key_role, p.insured_to) is distinct from (s.name, s.job, s.key_role, s.insured_to)`,
    ),
  commit: (jobId) => sql`
    with up as (
      insert into insured_person as p (employer_id, id_cipher, id_hash, id_masked, name, sex, birth_date, job,
        key_role, insured_from, insured_to)
      select em.id, s.id_cipher, s.id_hash, s.id_masked, s.name, s.sex, s.birth_date, s.job, s.key_role,
        s.insured_from, s.insured_to
      from import_stage_person s join employer em on em.uscc = s.uscc where s.job_id = ${jobId}
      on conflict (employer_id, id_hash, insured_from) do update set name = excluded.name, job = excluded.job,
        key_role = excluded.key_role, insured_to = excluded.insured_to, version = p.version + 1
      where (p.name, p.job, p.key_role, p.insured_to) is distinct from
        (excluded.name, excluded.job, excluded.key_role, excluded.insured_to)
      returning (xmax = 0) as ins
    )
    select count(*) filter (where ins)::int as inserted, count(*) filter (where not ins)::int as updated from up`,
};

export const KIND_SPECS: Record<ImportKind, KindSpec<never>> = {
  employer: employerSpec as KindSpec<never>,
  headcount: headcountSpec as KindSpec<never>,
  person: personSpec as KindSpec<never>,
  injury: injurySpec as KindSpec<never>,
  disease: diseaseSpec as KindSpec<never>,
};
