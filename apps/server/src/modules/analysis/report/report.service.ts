import { CITY_CODE, type ReportOptions, type ReportQuery } from '@yufang/contracts';
import { recordAuditEvent } from '../../../core/audit/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Core } from '../../../core/context.js';
import { AppError } from '../../../core/http/errors.js';
import { latestYear } from '../analysis.repo.js';
import type { AnalysisService } from '../analysis.service.js';
import { lastCompleteYear, type RiskService } from '../risk.service.js';
import { loadReportData, reportAreas, resolveArea } from './report.data.js';
import { renderDocx } from './report.docx.js';
import { buildReportModel } from './report.model.js';

/** Years offered on the page: the latest with data and the ones before it, back to the baseline of the cycle. */
const YEARS_OFFERED = 6;

export interface GeneratedReport {
  filename: string;
  docx: Buffer;
}

export class ReportService {
  constructor(
    private readonly core: Core,
    private readonly analysis: AnalysisService,
    private readonly risks: RiskService,
  ) {}

  /** The years and areas the caller may generate a report for. */
  async options(actor: Actor): Promise<ReportOptions> {
    const complete = lastCompleteYear();
    const latest = Math.min((await latestYear(this.core.db)) ?? complete, complete);
    return {
      years: Array.from({ length: YEARS_OFFERED }, (_, i) => latest - i),
      defaultYear: latest,
      areas: reportAreas(actor).map((a) => ({ code: a.countyCode, name: a.name })),
    };
  }

  /**
   * Generates the annual report of a year for the city or one county in the caller's scope, and audits it. It takes
   * well under two seconds at the demo size (see the report), so it runs while the request waits.
   */
  async generate(actor: Actor, query: ReportQuery): Promise<GeneratedReport> {
    const area = resolveArea(actor, query.countyCode);
    if (query.year > lastCompleteYear() + 1) throw AppError.validation('year', '报告年度不能晚于本年度');
    const started = performance.now();
    const data = await loadReportData(this.core, this.analysis, this.risks, actor, query.year, area);
    const docx = await renderDocx(buildReportModel(data, new Date()));
    await recordAuditEvent(this.core.db, actor, {
      action: 'analysis.report',
      objectType: 'analysis_report',
      objectId: `${query.year}:${area.countyCode ?? CITY_CODE}`,
      changes: { year: query.year, area: area.name, bytes: docx.length, ms: Math.round(performance.now() - started) },
    });
    return { filename: `${area.name}${query.year}年度工伤预防分析报告.docx`, docx };
  }
}
