import {
  AnalysisExportQuery,
  AnalysisFilter,
  type ChartTable,
  DashboardView,
  ErrorBody,
  TARGET_STATUSES,
  TargetQuery,
  TargetView,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAuditEvent } from '../../core/audit/audit.js';
import { actorOf } from '../../core/auth/plugin.js';
import { sendExcel } from '../../core/http/excel.js';
import type { AnalysisService } from './analysis.service.js';
import { targetView } from './analysis.targets.js';

const tags = ['统计分析'];

export function analysisRoutes(analysis: AnalysisService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/analysis/dashboard',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags,
          summary: '统计分析看板：总体指标与各图表数据（管辖范围内）',
          querystring: AnalysisFilter,
          response: { 200: DashboardView, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => analysis.dashboard(actorOf(req), req.query),
    );
    app.get(
      '/analysis/targets',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags,
          summary: '五年目标进度：重点行业、各县和全市的基准、逐年发生率、目标路径、预测与判定',
          querystring: TargetQuery,
          response: { 200: TargetView, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => targetView(app.core, analysis, actorOf(req), req.query),
    );
    app.get(
      '/analysis/export',
      {
        config: { access: 'analysis.export' },
        schema: { tags, summary: '导出一个图表的数据表（Excel）', querystring: AnalysisExportQuery },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { chart, cycle, ...filter } = req.query;
        const table =
          chart === 'targets'
            ? targetTable(await targetView(app.core, analysis, actor, { cycle }))
            : await analysis.chart(await analysis.resolve(actor, filter), chart);
        await recordAuditEvent(app.core.db, actor, {
          action: 'analysis.export',
          objectType: 'analysis',
          objectId: chart,
          changes: { filter: req.query, rows: table.rows.length },
        });
        const date = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
        const columns = table.columns.map((c) => ({
          header: c.title,
          width: c.key === 'name' ? 24 : 16,
          value: (r: ChartTable['rows'][number]) => r[c.key] ?? null,
        }));
        return sendExcel(
          reply,
          `${table.title}-${date}.xlsx`,
          '数据',
          columns,
          (async function* () {
            yield table.rows;
          })(),
        );
      },
    );
  };
}

/** The target page as one table (a row per line, a column per year). */
function targetTable(view: TargetView): ChartTable {
  const years = view.lines[0]?.years.map((y) => y.year) ?? [];
  return {
    key: 'targets',
    title: `${view.cycle.name}目标进度`,
    columns: [
      { key: 'name', title: '范围' },
      ...years.map((y) => ({ key: `y${y}`, title: `${y}年发生率（‰）` })),
      { key: 'target', title: '目标值（‰）' },
      { key: 'projection', title: `${view.cycle.lastYear}年发生率（‰）` },
      { key: 'projected', title: '实际/预测' },
      { key: 'status', title: '判定' },
    ],
    rows: view.lines.map((l) => ({
      name: l.name,
      ...Object.fromEntries(l.years.map((y) => [`y${y.year}`, y.rate])),
      target: l.target,
      projection: l.projection,
      projected: l.projected ? '趋势预测' : '实际',
      status: TARGET_STATUSES[l.status],
    })),
    drillPath: null,
    drill: null,
  };
}
