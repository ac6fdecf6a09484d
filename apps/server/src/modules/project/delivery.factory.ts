import { CITY_CODE } from '@yufang/contracts';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Core } from '../../core/context.js';
import type { Db } from '../../core/db/index.js';
import { appUser, employer, userScope } from '../../core/db/schema.js';
import { insuredPerson } from '../employer/employer.schema.js';
import { commitContract, earmark } from '../fund/budget-ledger.js';
import { preventionBudget } from '../fund/fund.schema.js';
import { providerEngagement } from '../provider/provider.schema.js';
import { project, projectCall } from './project.schema.js';

/** Test builders for delivery: a contracted project (budget line, call, earmark and commitment through the ledger). */

export const TEST_TARGETS = [
  { key: 'trainees', label: '培训人数', unit: '人', comparator: 'gte', value: 3 },
  { key: 'pass_rate', label: '考核合格率', unit: '%', comparator: 'gte', value: 90 },
];

export async function providerOf(db: Db, username: string): Promise<string> {
  const [row] = await db
    .select({ code: userScope.code })
    .from(userScope)
    .innerJoin(appUser, eq(appUser.id, userScope.userId))
    .where(and(eq(appUser.username, username), eq(userScope.kind, 'provider')));
  if (!row) throw new Error(`${username} has no provider scope`);
  return row.code;
}

export async function ensureBudget(db: Db, year: number, budgetFen = 1_000_000_000) {
  await db
    .insert(preventionBudget)
    .values({
      regionCode: CITY_CODE,
      year,
      baseIncomeFen: budgetFen * 40,
      baseSpendingFen: budgetFen * 30,
      deficit: false,
      capRateBp: 300,
      capFen: budgetFen,
      capBasis: 'test',
      budgetFen,
      setByName: 'test',
    })
    .onConflictDoNothing();
}

export interface ContractedOptions {
  year?: number;
  countyCode?: string;
  contractFen?: number;
  prepaymentPct?: number;
  implementerProviderId: string;
  title?: string;
}

let serial = 0;

export async function contractedProject(db: Db, o: ContractedOptions) {
  const year = o.year ?? 2026;
  const countyCode = o.countyCode ?? '350404';
  const contractFen = o.contractFen ?? 20_000_000;
  await ensureBudget(db, year);
  const [applicant] = await db.select().from(employer).where(eq(employer.countyCode, countyCode)).limit(1);
  if (!applicant) throw new Error('no employer');
  return db.transaction(async (tx) => {
    const [call] = await tx
      .insert(projectCall)
      .values({
        regionCode: CITY_CODE,
        year,
        title: `${year} 年度工伤预防项目申报指南（测试）`,
        keyAreas: ['建筑施工'],
        types: ['training'],
        guide: '测试',
        opensOn: `${year}-01-01`,
        deadline: `${year}-03-31`,
        status: 'closed',
      })
      .returning();
    await earmark(tx, CITY_CODE, year, contractFen);
    await commitContract(tx, CITY_CODE, year, contractFen, contractFen);
    const [p] = await tx
      .insert(project)
      .values({
        code: `YF-${year}-T${String(++serial).padStart(3, '0')}`,
        callId: call?.id as string,
        year,
        countyCode,
        applicantKind: 'enterprise',
        applicantEmployerId: applicant.id,
        applicantName: applicant.name,
        title: o.title ?? '建筑施工企业一线员工工伤预防培训',
        type: 'training',
        content: '面向一线员工的安全培训',
        targetGroups: [{ group: '一线员工', count: 3 }],
        schedule: [
          { key: 'm1', name: '第一期培训', dueOn: `${year}-03-01` },
          { key: 'm2', name: '第二期培训', dueOn: `${year}-12-31` },
        ],
        budgetLines: [{ item: '培训费', amountFen: contractFen }],
        requestedFen: contractFen,
        targets: TEST_TARGETS,
        status: 'contracted',
        approvedFen: contractFen,
        implementerProviderId: o.implementerProviderId,
        contractNo: `HT-${year}-T`,
        contractFen,
        contractSignedOn: `${year}-02-01`,
        prepaymentPct: o.prepaymentPct ?? 50,
        endsOn: `${year}-12-31`,
      })
      .returning();
    const row = p as typeof project.$inferSelect;
    await tx.insert(providerEngagement).values({
      providerId: o.implementerProviderId,
      year,
      title: row.title,
      projectRef: row.id,
      contractedFen: contractFen,
      unit: '人',
      contractedUnits: 3,
      outcome: 'in_progress',
      source: 'project',
    });
    return row;
  });
}

/** Insured persons of an employer with their plain ID numbers (decrypted), for attendance lists. */
export async function insuredOf(core: Core, count: number) {
  const rows = await core.db
    .select({
      name: insuredPerson.name,
      idCipher: insuredPerson.idCipher,
      uscc: employer.uscc,
      from: insuredPerson.insuredFrom,
    })
    .from(insuredPerson)
    .innerJoin(employer, eq(employer.id, insuredPerson.employerId))
    .where(
      and(
        sql`${insuredPerson.insuredTo} is null`,
        isNotNull(insuredPerson.idCipher),
        sql`${insuredPerson.insuredFrom} < '2025-01-01'`,
      ),
    )
    .limit(count);
  return rows.map((r) => ({ name: r.name, idNumber: core.pii.decrypt(r.idCipher), uscc: r.uscc }));
}

export async function attendanceXlsx(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('签到表');
  s.addRow(['姓名', '身份证号码', '单位统一社会信用代码']);
  for (const r of rows) s.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
