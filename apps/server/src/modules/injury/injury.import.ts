/**
 * Injury and disease cases through the import pipeline (modules/import): the staging tables, the set-based checks and
 * the commit; the row rules are in injury.import.rows.ts. The worker is matched to the employer's roster by the ID
 * hash at commit, the classification copied from the employer.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { KindSpec } from '../import/import.kinds.js';
import type { DiseaseStageRow, InjuryStageRow } from './injury.import.rows.js';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The staged columns of both kinds: the worker part, then each kind's own. */
const WORKER_STAGE = [
  ['uscc', 'text'],
  ['caseNo', 'text'],
  ['workerName', 'text'],
  ['idCipher', 'text'],
  ['idHash', 'text'],
  ['idMasked', 'text'],
  ['sex', 'text'],
  ['birthDate', 'date'],
  ['job', 'text'],
] as const;

type PgType = 'text' | 'int' | 'smallint' | 'bool' | 'date' | 'uuid';
const INJURY_STAGE: readonly (readonly [keyof InjuryStageRow, PgType | 'timestamptz'])[] = [
  ...WORKER_STAGE,
  ['occurredAt', 'timestamptz'],
  ['place', 'text'],
  ['accidentCategory', 'text'],
  ['injuryNature', 'text'],
  ['bodyPart', 'text'],
  ['cause', 'text'],
  ['harmingObject', 'text'],
  ['activity', 'text'],
  ['severity', 'text'],
  ['lostWorkdays', 'int'],
  ['commuting', 'bool'],
  ['recognitionResult', 'text'],
  ['recognitionDate', 'date'],
  ['disabilityGrade', 'smallint'],
  ['disabilityAssessedOn', 'date'],
];
const DISEASE_STAGE: readonly (readonly [keyof DiseaseStageRow, PgType])[] = [
  ...WORKER_STAGE,
  ['diagnosedOn', 'date'],
  ['catalogueEdition', 'text'],
  ['categoryNo', 'smallint'],
  ['diseaseName', 'text'],
  ['pneumoconiosis', 'bool'],
  ['stage', 'smallint'],
  ['exposureMonths', 'int'],
  ['hazardFactor', 'text'],
  ['recognitionResult', 'text'],
  ['disabilityGrade', 'smallint'],
];

interface CaseKind {
  table: string;
  stage: string;
  /** The event date of a staged row, for the roster spell and the tenure. */
  eventDate: string;
  columns: readonly (readonly [string, string])[];
}

/** A staged column as the case table's type (the instant is staged as text). */
const staged = (k: CaseKind, column: string) => {
  const type = k.columns.find(([c]) => snake(c) === column)?.[1];
  return type === 'timestamptz' ? `s.${column}::timestamptz` : `s.${column}`;
};

const INJURY: CaseKind = {
  table: 'injury_case',
  stage: 'import_stage_injury',
  eventDate: "(s.occurred_at::timestamptz at time zone 'Asia/Shanghai')::date",
  columns: INJURY_STAGE,
};
const DISEASE: CaseKind = {
  table: 'disease_case',
  stage: 'import_stage_disease',
  eventDate: 's.diagnosed_on',
  columns: DISEASE_STAGE,
};

/** The stored columns a re-import may change (all staged ones but the number, the employer and the ID number). */
const updatable = (k: CaseKind) =>
  k.columns.map(([c]) => snake(c)).filter((c) => !['uscc', 'case_no', 'id_cipher', 'id_hash', 'id_masked'].includes(c));

function checks(k: CaseKind, jobId: string, counties: string[]): SQL {
  const stage = sql.raw(k.stage);
  const table = sql.raw(k.table);
  return sql`
    select row_no, '编号' as "column", case_no as value, '与第 ' || first_row || ' 行重复（同一编号）' as rule
    from (select *, min(row_no) over (partition by case_no) as first_row from ${stage} where job_id = ${jobId}) d
    where row_no > first_row
    union all
    select s.row_no, '统一社会信用代码', s.uscc,
           case when e.id is null then '系统中没有这个统一社会信用代码的用人单位，请先导入用人单位'
                else '该用人单位不在您的管辖范围内' end
    from ${stage} s left join employer e on e.uscc = s.uscc
    where s.job_id = ${jobId} and (e.id is null or not (e.county_code = any(${sql.param(counties)}::varchar[])))
    union all
    select s.row_no, '编号', s.case_no,
           case when c.source <> 'import' then '该编号已由' || case c.source when 'form' then '表单登记' else '数据共享' end || '，不能由导入覆盖'
                else '该编号属于其他用人单位或县区的案件' end
    from ${stage} s join ${table} c on c.case_no = s.case_no left join employer e on e.uscc = s.uscc
    where s.job_id = ${jobId}
      and (c.source <> 'import' or c.employer_id is distinct from e.id or not (c.county_code = any(${sql.param(counties)}::varchar[])))`;
}

function counts(k: CaseKind, jobId: string): SQL {
  const cols = updatable(k);
  const current = cols.map((x) => `c.${x}`).join(', ');
  // a file without a job keeps the roster's
  const incoming = cols.map((x) => (x === 'job' ? 'coalesce(s.job, c.job)' : staged(k, x))).join(', ');
  return sql.raw(`
    select count(*) filter (where c.id is null)::int as "new",
           count(*) filter (where c.id is not null and (${current}) is distinct from (${incoming}))::int as updated,
           count(*) filter (where c.id is not null and (${current}) is not distinct from (${incoming}))::int as unchanged
    from ${k.stage} s left join ${k.table} c on c.case_no = s.case_no
    where s.job_id = '${jobId.replace(/[^0-9a-f-]/gi, '')}'`);
}

/**
 * Upserts the staged cases: the employer's county and classification as they are now, the roster spell covering
 * the event date (person, job when the file gives none, tenure in full months); an existing imported case with the
 * same number is updated where something differs.
 */
function commit(k: CaseKind, jobId: string): SQL {
  const own = k.columns.map(([c]) => snake(c)).filter((c) => c !== 'uscc' && c !== 'job');
  const cols = updatable(k);
  const id = jobId.replace(/[^0-9a-f-]/gi, '');
  return sql.raw(`
    with up as (
      insert into ${k.table} as c (employer_id, county_code, industry_code, industry_group, risk_class, key_industry,
        dust_hazard, person_id, tenure_months, job, source, source_ref, ${own.join(', ')})
      select e.id, e.county_code, e.industry_code, e.industry_group, e.risk_class, e.key_industry, e.dust_hazard,
        p.id, case when p.id is null then null else
          (extract(year from age(${k.eventDate}, p.insured_from)) * 12 + extract(month from age(${k.eventDate}, p.insured_from)))::int end,
        coalesce(s.job, p.job), 'import', '${id}', ${own.map((c) => staged(k, c)).join(', ')}
      from ${k.stage} s join employer e on e.uscc = s.uscc
      left join lateral (
        select ip.id, ip.job, ip.insured_from from insured_person ip
        where ip.employer_id = e.id and ip.id_hash = s.id_hash and ip.insured_from <= ${k.eventDate}
        order by (ip.insured_to is null or ip.insured_to >= ${k.eventDate}) desc, ip.insured_from desc limit 1
      ) p on true
      where s.job_id = '${id}'
      on conflict (case_no) do update set ${cols.map((c) => `${c} = excluded.${c}`).join(', ')},
        person_id = excluded.person_id, tenure_months = excluded.tenure_months, source_ref = excluded.source_ref,
        version = c.version + 1, updated_at = now()
      where c.source = 'import' and (${cols.map((c) => `c.${c}`).join(', ')}) is distinct from (${cols.map((c) => `excluded.${c}`).join(', ')})
      returning (xmax = 0) as ins
    )
    select count(*) filter (where ins)::int as inserted, count(*) filter (where not ins)::int as updated from up`);
}

function spec<R>(k: CaseKind): KindSpec<R> {
  return {
    stage: {
      table: k.stage,
      columns: [
        ['job_id', 'uuid'],
        ['row_no', 'int'],
        ...k.columns.map(([c, type]): [string, PgType] => [
          snake(c),
          (type === 'timestamptz' ? 'text' : type) as PgType,
        ]),
      ],
    },
    toStage: (jobId, rowNo, row) => [
      jobId,
      rowNo,
      ...k.columns.map(([c]) => (row as Record<string, unknown>)[c] ?? null),
    ],
    checks: (jobId, counties) => checks(k, jobId, counties),
    counts: (jobId) => counts(k, jobId),
    commit: (jobId) => commit(k, jobId),
  };
}

export const injurySpec = spec<InjuryStageRow>(INJURY);
export const diseaseSpec = spec<DiseaseStageRow>(DISEASE);

/** The notes sheet of the templates. */
export const INJURY_IMPORT_NOTES: Record<'injury' | 'disease', string[]> = {
  injury: [
    '统一社会信用代码：须是系统中已有且在您管辖范围内的用人单位；行业分类按单位当前登记复制到案件。',
    '编号：工伤认定书编号或本单位的案件编号；同一编号再次导入时更新该案件（表单登记或数据共享的案件不会被覆盖）。',
    '身份证号码：18 位，校验位须正确；按号码在该单位参保名册中匹配职工并计算参保时长；加密保存。',
    '发生时间：YYYY-MM-DD HH:mm（北京时间）；事故类别：GB 6441 名称（如“机械伤害”）或 01–20 代码。',
    '伤害程度：轻伤、重伤、死亡；损失工作日：死亡按 6000 日，重伤 105 日及以上，轻伤 1–104 日（GB 6441）。',
    '认定结论：待认定、认定为工伤、视同工伤、不予认定（空为待认定）；已认定须填认定日期；伤残等级 1–10 级仅限认定（视同）工伤，须填鉴定日期。',
  ],
  disease: [
    '统一社会信用代码：须是系统中已有且在您管辖范围内的用人单位。',
    '病例编号：同一编号再次导入时更新该病例；身份证号码：18 位，校验位须正确，加密保存。',
    '诊断日期：YYYY-MM-DD；2025-08-01 前适用 2013 版《职业病分类和目录》，此后适用 2024 版，系统自动判定。',
    '病种分类：该版目录的分类序号（如 1 = 职业性尘肺病及其他呼吸系统疾病）或分类名称；尘肺病期别 1–3 仅限尘肺病。',
  ],
};
