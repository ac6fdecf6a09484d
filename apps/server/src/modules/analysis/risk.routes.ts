import {
  ErrorBody,
  IdParams,
  RiskFilter,
  RiskListQuery,
  RiskPage,
  RiskRecomputeInput,
  RiskRecomputeResult,
  RiskScoreView,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/plugin.js';
import { lastCompleteYear, type RiskService } from './risk.service.js';

const tags = ['风险指数'];

export function riskRoutes(risks: RiskService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/analysis/risk',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags,
          summary: '用人单位风险指数排名（管辖范围内，指数从高到低）',
          querystring: RiskListQuery,
          response: { 200: RiskPage, 400: ErrorBody },
        },
      },
      async (req) => risks.list(actorOf(req), req.query),
    );
    app.get(
      '/analysis/risk/:id',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags,
          summary: '一家用人单位的风险指数与各因素',
          params: IdParams,
          querystring: RiskFilter.pick({ year: true }),
          response: { 200: RiskScoreView, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => risks.get(actorOf(req), req.params.id, req.query.year),
    );
    app.post(
      '/analysis/risk/recompute',
      {
        config: { access: 'analysis.report' },
        schema: {
          tags,
          summary: '重新计算一个年度的风险指数（全市所有用人单位）',
          body: RiskRecomputeInput,
          response: { 200: RiskRecomputeResult, 400: ErrorBody },
        },
      },
      async (req) => risks.recompute(actorOf(req), req.body.year ?? lastCompleteYear()),
    );
  };
}
