import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One uploaded file and its way through validation and commit. The importer's region decides who sees the job
 * (city: all; county: its own county's jobs). Status moves uploading → validating → validated → committing →
 * committed, or to failed / cancelled; `committing` is entered by one conditional UPDATE so a file commits once.
 */
export const importJob = pgTable(
  'import_job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** employer | headcount | person */
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    fileName: text('file_name').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
    /** csv-utf8 | csv-gbk | xlsx */
    format: text('format'),
    userId: uuid('user_id').notNull(),
    username: text('username').notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    /** 0–100, from the bytes of the file read so far. */
    progress: smallint('progress').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    totalRows: integer('total_rows'),
    newCount: integer('new_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    /** Every problem found; only the first ERROR_CAP are kept in import_error. */
    errorCount: integer('error_count').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    /** An earlier committed job of the same kind with the same file (SHA-256). */
    sameFileJobId: uuid('same_file_job_id'),
    message: text('message'),
    createdAt: ts('created_at').notNull().defaultNow(),
    validatedAt: ts('validated_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('import_job_region_idx').on(t.regionCode, t.createdAt),
    index('import_job_created_idx').on(t.createdAt, t.id),
    index('import_job_sha_idx').on(t.fileSha256),
  ],
);

/** Problems found in a file: row, column (Chinese header), value as shown (ID numbers masked), rule in Chinese. */
export const importError = pgTable(
  'import_error',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    column: text('column').notNull(),
    value: text('value'),
    rule: text('rule').notNull(),
  },
  (t) => [index('import_error_job_idx').on(t.jobId, t.rowNo)],
);

/** Validated employer rows waiting for commit (one job's rows, removed when the job ends). */
export const importStageEmployer = pgTable(
  'import_stage_employer',
  {
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    name: text('name').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    industryCode: varchar('industry_code', { length: 4 }).notNull(),
    industryGroup: varchar('industry_group', { length: 3 }),
    riskClass: smallint('risk_class'),
    keyIndustry: boolean('key_industry').notNull(),
    dustHazard: boolean('dust_hazard').notNull(),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    ownershipType: text('ownership_type'),
    size: text('size'),
    workforce: integer('workforce'),
    safetyContactName: text('safety_contact_name'),
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    insuranceStatus: text('insurance_status').notNull(),
  },
  (t) => [index('import_stage_employer_idx').on(t.jobId, t.uscc)],
);

export const importStageHeadcount = pgTable(
  'import_stage_headcount',
  {
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    insuredCount: integer('insured_count').notNull(),
    payrollFen: bigint('payroll_fen', { mode: 'number' }).notNull(),
  },
  (t) => [index('import_stage_headcount_idx').on(t.jobId, t.uscc, t.month)],
);

/** Person rows hold the ID number only encrypted, hashed and masked — never in plain text. */
export const importStagePerson = pgTable(
  'import_stage_person',
  {
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: varchar('id_hash', { length: 64 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    name: text('name').notNull(),
    sex: varchar('sex', { length: 1 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    job: text('job'),
    keyRole: text('key_role').notNull(),
    insuredFrom: date('insured_from', { mode: 'string' }).notNull(),
    insuredTo: date('insured_to', { mode: 'string' }),
  },
  (t) => [index('import_stage_person_idx').on(t.jobId, t.uscc, t.idHash, t.insuredFrom)],
);
