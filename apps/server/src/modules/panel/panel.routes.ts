import {
  ErrorBody,
  IdParams,
  MemberIdParams,
  PanelAcceptInput,
  PanelAssignmentView,
  PanelConclusionInput,
  PanelDeclineInput,
  PanelDrawInput,
  PanelDrawRecord,
  PanelMemberParams,
  PanelOptions,
  PanelPage,
  PanelProxyScoreInput,
  PanelQuery,
  PanelScoreInput,
  PanelSettlementResult,
  PanelVerifyResult,
  PanelView,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/plugin.js';
import type { PanelService } from './panel.service.js';

const tags = ['专家抽取'];

export function panelRoutes(panels: PanelService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/panels',
      {
        config: { access: 'panel.read' },
        schema: {
          tags,
          summary: '专家抽取记录列表',
          querystring: PanelQuery,
          response: { 200: PanelPage, 400: ErrorBody },
        },
      },
      async (req) => panels.list(actorOf(req), req.query),
    );
    app.get(
      '/panels/options',
      {
        config: { access: 'panel.read' },
        schema: { tags, summary: '抽取用的专业领域与回避期', response: { 200: PanelOptions } },
      },
      async () => panels.options(),
    );
    app.post(
      '/panels',
      {
        config: { access: 'panel.draw' },
        schema: {
          tags,
          summary: '抽取评审（验收、诊断）专家（sha256-rank-v1，回避与排除理由逐一记录）',
          body: PanelDrawInput,
          response: { 201: PanelView, 400: ErrorBody },
        },
      },
      async (req, reply) => reply.code(201).send(await panels.draw(actorOf(req), req.body)),
    );
    app.get(
      '/panels/:id',
      {
        config: { access: 'panel.read' },
        schema: {
          tags,
          summary: '专家抽取结果、评分与结论',
          params: IdParams,
          response: { 200: PanelView, 404: ErrorBody },
        },
      },
      async (req) => panels.get(actorOf(req), req.params.id),
    );
    app.get(
      '/panels/:id/record',
      {
        config: { access: 'panel.read' },
        schema: {
          tags,
          summary: '抽取记录（算法、种子、候选人、回避与排除理由、回避顺序），可据此复核',
          params: IdParams,
          response: { 200: PanelDrawRecord, 404: ErrorBody },
        },
      },
      async (req) => panels.record(actorOf(req), req.params.id),
    );
    app.post(
      '/panels/:id/members/:memberId/decline',
      {
        config: { access: 'panel.draw' },
        schema: {
          tags,
          summary: '代专家登记回避（同时补抽）',
          params: PanelMemberParams,
          body: PanelDeclineInput,
          response: { 200: PanelView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req) => panels.declineOnBehalf(actorOf(req), req.params.id, req.params.memberId, req.body),
    );
    app.post(
      '/panels/:id/members/:memberId/scores',
      {
        config: { access: 'panel.draw' },
        schema: {
          tags,
          summary: '代录评分（纸质评分表，注明来源）',
          params: PanelMemberParams,
          body: PanelProxyScoreInput,
          response: { 200: PanelView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req) => panels.scoreOnBehalf(actorOf(req), req.params.id, req.params.memberId, req.body),
    );
    app.post(
      '/panels/:id/conclusion',
      {
        config: { access: 'panel.draw' },
        schema: {
          tags,
          summary: '汇总评审结论（全部专家评分后）',
          params: IdParams,
          body: PanelConclusionInput,
          response: { 200: PanelView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req) => panels.conclude(actorOf(req), req.params.id, req.body.note, req.body.version),
    );
    app.post(
      '/panels/:id/settlement',
      {
        config: { access: 'panel.settle' },
        schema: {
          tags,
          summary: '结算专家评审劳务费（每人只结算一次）',
          params: IdParams,
          response: { 200: PanelSettlementResult, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => panels.settle(actorOf(req), req.params.id),
    );
    app.post(
      '/public/panel-draws/verify',
      {
        config: { access: 'public' },
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags,
          summary: '复核专家抽取：按抽取记录重新运行 sha256-rank-v1，返回各轮成员',
          body: PanelDrawRecord,
          response: { 200: PanelVerifyResult, 400: ErrorBody },
        },
      },
      async (req) => panels.verify(req.body),
    );
    app.get(
      '/my-assignments',
      {
        config: { access: 'panel.assignment' },
        schema: { tags, summary: '我的评审任务', response: { 200: z.array(PanelAssignmentView) } },
      },
      async (req) => panels.myAssignments(actorOf(req)),
    );
    app.post(
      '/my-assignments/:memberId/accept',
      {
        config: { access: 'panel.assignment' },
        schema: {
          tags,
          summary: '确认参加评审',
          params: MemberIdParams,
          body: PanelAcceptInput,
          response: { 200: PanelAssignmentView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req) => panels.accept(actorOf(req), req.params.memberId, req.body.version),
    );
    app.post(
      '/my-assignments/:memberId/decline',
      {
        config: { access: 'panel.assignment' },
        schema: {
          tags,
          summary: '申请回避或不能参加（同时补抽）',
          params: MemberIdParams,
          body: PanelDeclineInput,
          response: { 200: PanelAssignmentView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req) => panels.declineOwn(actorOf(req), req.params.memberId, req.body),
    );
    app.post(
      '/my-assignments/:memberId/scores',
      {
        config: { access: 'panel.assignment' },
        schema: {
          tags,
          summary: '提交评分表',
          params: MemberIdParams,
          body: PanelScoreInput,
          response: { 200: PanelAssignmentView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req) => panels.score(actorOf(req), req.params.memberId, req.body),
    );
  };
}
