import { ReportOptions, ReportQuery } from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../core/auth/plugin.js';
import type { ReportService } from './report.service.js';

const tags = ['年度分析报告'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function reportRoutes(reports: ReportService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/analysis/report/options',
      {
        config: { access: 'analysis.report' },
        schema: { tags, summary: '可生成报告的年度和范围', response: { 200: ReportOptions } },
      },
      async (req) => reports.options(actorOf(req)),
    );
    app.get(
      '/analysis/report',
      {
        config: { access: 'analysis.report' },
        schema: {
          tags,
          summary: '生成年度工伤预防分析报告（Word .docx；县级用户只能生成本县报告）',
          querystring: ReportQuery,
        },
      },
      async (req, reply) => {
        const report = await reports.generate(actorOf(req), req.query);
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(report.filename)}`)
          .send(report.docx);
      },
    );
  };
}
