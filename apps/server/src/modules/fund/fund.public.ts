import {
  CITY_CODE,
  formatFen,
  PROJECT_STATUS_LABELS,
  type ProjectStatus,
  type PublicProjectRow,
  type PublicProjects,
} from '@yufang/contracts';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Core } from '../../core/context.js';
import { neutraliseCell } from '../../core/http/excel.js';
import { policyInForce } from '../../core/policy/policy.js';
import { PROJECT_TYPES_KEY, ProjectTypesPolicy } from '../project/project.policy.js';
import { project, projectAcceptance } from '../project/project.schema.js';
import { provider } from '../provider/provider.schema.js';
import { preventionBudget } from './fund.schema.js';
import { currentYear } from './fund.service.js';

interface DeliveredItem {
  label?: string;
  unit?: string;
  target?: number;
  delivered?: number;
}

const NOT_STARTED: readonly ProjectStatus[] = ['approved', 'procuring', 'contracted'];

/** What the public sees before any acceptance: not started yet, terminated, or in progress. */
function notDelivered(status: ProjectStatus): string {
  if (NOT_STARTED.includes(status)) return '尚未实施';
  return status === 'terminated' ? '已终止' : '实施中';
}

const OUTCOME = { passed: '验收合格', failed: '验收不合格', pending: '验收中' } as const;

/** "培训人数 520 人（目标 500）；…" from an acceptance round's delivered-vs-contracted rows. */
export function deliveredText(items: unknown): string {
  if (!Array.isArray(items) || items.length === 0) return '';
  return (items as DeliveredItem[])
    .map((d) => `${d.label ?? ''} ${d.delivered ?? '—'}${d.unit ?? ''}（目标 ${d.target ?? '—'}${d.unit ?? ''}）`)
    .join('；');
}

/**
 * Public disclosure (公示), no login: the year's published projects with implementer, amounts, content, delivered
 * results and acceptance outcome, and the fee's budget and use. Organisation names only — no personal data.
 */
export class PublicDisclosure {
  constructor(private readonly core: Core) {}

  async projects(requested?: number): Promise<PublicProjects> {
    const db = this.core.db;
    const [projectYears, budgetYears] = await Promise.all([
      db.selectDistinct({ year: project.year }).from(project).where(isNotNull(project.publishedAt)),
      db
        .select({ year: preventionBudget.year })
        .from(preventionBudget)
        .where(eq(preventionBudget.regionCode, CITY_CODE)),
    ]);
    const years = [...new Set([...projectYears, ...budgetYears].map((r) => r.year))]
      .filter((y) => y <= currentYear())
      .sort((a, b) => b - a);
    const year = requested ?? years[0] ?? currentYear();
    const [rows, [budget], types] = await Promise.all([
      db
        .select({
          id: project.id,
          code: project.code,
          title: project.title,
          type: project.type,
          applicantName: project.applicantName,
          implementerName: provider.name,
          approvedFen: project.approvedFen,
          contractFen: project.contractFen,
          content: project.content,
          status: project.status,
        })
        .from(project)
        .leftJoin(provider, eq(provider.id, project.implementerProviderId))
        .where(and(eq(project.year, year), isNotNull(project.publishedAt)))
        .orderBy(asc(project.code), asc(project.id)),
      db
        .select()
        .from(preventionBudget)
        .where(and(eq(preventionBudget.regionCode, CITY_CODE), eq(preventionBudget.year, year))),
      policyInForce(db, this.core.regions, ProjectTypesPolicy, PROJECT_TYPES_KEY, CITY_CODE, `${year}-12-31`),
    ]);
    const rounds = rows.length
      ? await db
          .select({
            projectId: projectAcceptance.projectId,
            outcome: projectAcceptance.outcome,
            delivered: projectAcceptance.delivered,
          })
          .from(projectAcceptance)
          .where(
            inArray(
              projectAcceptance.projectId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(desc(projectAcceptance.round))
      : [];
    const typeLabel = new Map((types ?? []).map((t) => [t.code, t.label]));
    const projects: PublicProjectRow[] = rows.map((r) => {
      const mine = rounds.filter((a) => a.projectId === r.id);
      const shown = mine.find((a) => a.outcome === 'passed') ?? mine[0];
      return {
        code: r.code,
        title: r.title,
        type: typeLabel.get(r.type) ?? r.type,
        applicantName: r.applicantName,
        implementerName: r.implementerName,
        approvedFen: r.approvedFen,
        contractFen: r.contractFen,
        content: r.content,
        delivered: (shown && deliveredText(shown.delivered)) || notDelivered(r.status),
        acceptance: shown ? OUTCOME[shown.outcome] : '未验收',
        statusLabel: PROJECT_STATUS_LABELS[r.status],
      };
    });
    return {
      year,
      years,
      fee: {
        capFen: budget?.capFen ?? null,
        budgetFen: budget?.budgetFen ?? null,
        committedFen: budget?.committedFen ?? 0,
        paidFen: budget?.paidFen ?? 0,
        projects: projects.length,
        basis: budget?.capBasis ?? null,
      },
      projects,
    };
  }
}

const yuanCell = (fen: number | null) => (fen === null ? '' : formatFen(fen));

/** The disclosure as an .xlsx: the fee's budget and use, and the projects. */
export async function publicWorkbook(data: PublicProjects): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const fee = workbook.addWorksheet(`${data.year}年预防费使用`);
  fee.columns = [
    { header: '项目', width: 24 },
    { header: '内容', width: 80 },
  ];
  fee.getRow(1).font = { bold: true };
  for (const [label, value] of [
    ['年度', String(data.year)],
    ['预防费上限（元）', yuanCell(data.fee.capFen)],
    ['上限依据', data.fee.basis ?? '尚未编制预算'],
    ['年度预算（元）', yuanCell(data.fee.budgetFen)],
    ['已签约（元）', yuanCell(data.fee.committedFen)],
    ['已支付（元）', yuanCell(data.fee.paidFen)],
    ['公示项目数', String(data.fee.projects)],
  ]) {
    fee.addRow([label, neutraliseCell(value)]);
  }
  const sheet = workbook.addWorksheet(`${data.year}年预防项目`);
  const columns: [string, (r: PublicProjectRow) => string, number][] = [
    ['项目编号', (r) => r.code ?? '', 16],
    ['项目名称', (r) => r.title, 36],
    ['类型', (r) => r.type, 10],
    ['申报单位', (r) => r.applicantName ?? '', 30],
    ['实施机构', (r) => r.implementerName ?? '', 30],
    ['立项金额（元）', (r) => yuanCell(r.approvedFen), 16],
    ['合同金额（元）', (r) => yuanCell(r.contractFen), 16],
    ['项目内容', (r) => r.content, 50],
    ['完成情况', (r) => r.delivered, 50],
    ['验收结果', (r) => r.acceptance, 12],
    ['状态', (r) => r.statusLabel, 14],
  ];
  sheet.columns = columns.map(([header, , width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of data.projects) sheet.addRow(columns.map(([, value]) => neutraliseCell(value(r))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
