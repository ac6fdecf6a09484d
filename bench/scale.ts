// Scales the demo data up for the benchmarks: copies of every employer with their headcount series and cases.
import { sql } from 'drizzle-orm';
import type { Db } from '../apps/server/src/core/db/index.js';

/** Copies every employer with its headcounts, cases, costs and disease cases `times` more times. */
export async function multiply(db: Db, times: number): Promise<void> {
  for (let k = 1; k <= times; k++) {
    // ids derived from the original and k, so cases, costs and headcounts follow their copied employer
    const copy = (col: string) => sql.raw(`md5(${col}::text || '${k}')::uuid`);
    await db.execute(sql`
      insert into employer (id, uscc, name, county_code, industry_code, industry_group, risk_class, size, workforce,
        key_industry, dust_hazard, insurance_status, demo)
      select ${copy('id')}, upper(substr(md5(uscc || ${k}), 1, 18)), name || '（副本' || ${k} || '）', county_code,
        industry_code, industry_group, risk_class, size, workforce, key_industry, dust_hazard, insurance_status, true
      from employer where name not like '%（副本%'`);
    await db.execute(sql`
      insert into employer_headcount (employer_id, month, insured_count, payroll_fen)
      select ${copy('h.employer_id')}, h.month, h.insured_count, h.payroll_fen
      from employer_headcount h join employer e on e.id = h.employer_id where e.name not like '%（副本%'`);
    await db.execute(sql`
      insert into injury_case (id, case_no, employer_id, county_code, worker_name, sex, birth_date, job, tenure_months,
        occurred_at, place, accident_category, injury_nature, body_part, severity, lost_workdays, commuting,
        recognition_result, recognition_date, disability_grade, industry_code, industry_group, risk_class,
        key_industry, dust_hazard, source, demo)
      select ${copy('id')}, case_no || '-' || ${k}, ${copy('employer_id')}, county_code, worker_name, sex, birth_date,
        job, tenure_months, occurred_at, place, accident_category, injury_nature, body_part, severity, lost_workdays,
        commuting, recognition_result, recognition_date, disability_grade, industry_code, industry_group, risk_class,
        key_industry, dust_hazard, source, demo
      from injury_case where case_no not like '%-%'`);
    await db.execute(sql`
      insert into injury_cost (case_id, item, amount_fen, paid_on)
      select ${copy('k.case_id')}, k.item, k.amount_fen, k.paid_on
      from injury_cost k join injury_case c on c.id = k.case_id where c.case_no not like '%-%'`);
    await db.execute(sql`
      insert into disease_case (case_no, employer_id, county_code, worker_name, sex, birth_date, diagnosed_on,
        catalogue_edition, category_no, disease_name, pneumoconiosis, stage, exposure_months, hazard_factor,
        recognition_result, industry_code, industry_group, risk_class, key_industry, dust_hazard, source, demo)
      select case_no || '-' || ${k}, ${copy('employer_id')}, county_code, worker_name, sex, birth_date, diagnosed_on,
        catalogue_edition, category_no, disease_name, pneumoconiosis, stage, exposure_months, hazard_factor,
        recognition_result, industry_code, industry_group, risk_class, key_industry, dust_hazard, source, demo
      from disease_case where case_no not like '%-%'`);
  }
}
