import { ErrorBody, FindingPage, FindingQuery, FindingTransition, FindingView, IdParams } from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/plugin.js';
import type { ReconcileService } from './reconcile.service.js';

const tags = ['数据核查'];

export function reconcileRoutes(reconcile: ReconcileService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reconcile/findings',
      {
        config: { access: 'reconcile.read' },
        schema: {
          tags,
          summary: '核查清单（管辖范围内：本县区或本单位）',
          querystring: FindingQuery,
          response: { 200: FindingPage, 400: ErrorBody },
        },
      },
      async (req) => reconcile.list(actorOf(req), req.query),
    );
    app.get(
      '/reconcile/findings/:id',
      {
        config: { access: 'reconcile.read' },
        schema: { tags, summary: '核查事项详情', params: IdParams, response: { 200: FindingView, 404: ErrorBody } },
      },
      async (req) => reconcile.get(actorOf(req), req.params.id),
    );
    app.post(
      '/reconcile/findings/:id/transition',
      {
        config: { access: 'reconcile.update' },
        schema: {
          tags,
          summary: '变更核查事项状态（已处理、无需处理须填写说明；version 过期返回 409）',
          params: IdParams,
          body: FindingTransition,
          response: { 200: FindingView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req) => reconcile.transition(actorOf(req), req.params.id, req.body),
    );
  };
}
