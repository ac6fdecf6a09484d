import {
  AcceptanceDecisionInput,
  AcceptancePanelInput,
  CheckInput,
  CheckView,
  DeliveryView,
  DocumentKindQuery,
  DocumentParams,
  DocumentView,
  ErrorBody,
  FlagListQuery,
  FlagPage,
  FlagReviewInput,
  FlagView,
  IdParams,
  PaymentRequest,
  PaymentResult,
  RectifyInput,
  ReportInput,
  ReportView,
  TerminateInput,
  TimelineView,
  VersionInput,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAuditEvent } from '../../core/audit/audit.js';
import { actorOf } from '../../core/auth/plugin.js';
import type { Core } from '../../core/context.js';
import { acceptEvidenceBodies, evidenceUpload, sendEvidence } from '../../core/files/evidence.http.js';
import { archiveWorkbook } from './delivery.archive.js';
import { type DeliveryContext, deliveryContext } from './delivery.context.js';
import { listFlags, reviewFlag } from './delivery.flags.js';
import { runDeliverySweep } from './delivery.jobs.js';
import { openDocument, recordCheck, submitReport, uploadDocument } from './delivery.reports.js';
import { DeliveryService } from './delivery.service.js';
import { deliveryView, timeline } from './delivery.view.js';

const tags = ['预防项目实施与验收'];
const Edit = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Ok = z.object({ ok: z.literal(true) });

/** The delivery routes and the daily sweep (milestone alerts, fraud rules); registered from the project module. */
export function deliveryPlugin(core: Core, clock?: () => Date): FastifyPluginAsyncZod {
  const ctx: DeliveryContext = deliveryContext(core, clock);
  const service = new DeliveryService(ctx);
  core.scheduler.register({
    name: 'project.delivery-sweep',
    everySeconds: 86_400,
    run: () => runDeliverySweep(ctx).then(() => undefined),
  });
  return async (app) => {
    acceptEvidenceBodies(app);
    const ok = { ok: true as const };
    app.get(
      '/projects/:id/delivery',
      {
        config: { access: 'project.read' },
        schema: {
          tags,
          summary: '项目实施、验收与付款',
          params: IdParams,
          response: { 200: DeliveryView, 404: ErrorBody },
        },
      },
      async (req) => deliveryView(ctx, actorOf(req), req.params.id),
    );
    app.get(
      '/projects/:id/timeline',
      {
        config: { access: 'project.read' },
        schema: {
          tags,
          summary: '全过程时间线（事前、事中、事后）',
          params: IdParams,
          response: { 200: TimelineView, 404: ErrorBody },
        },
      },
      async (req) => timeline(ctx, actorOf(req), req.params.id),
    );
    for (const [path, kind, summary] of [
      ['prepayment', 'prepayment', '支付预付款（幂等）'],
      ['balance', 'balance', '支付余款（幂等）'],
    ] as const) {
      app.post(
        `/projects/:id/${path}`,
        {
          config: { access: 'fund.pay' },
          schema: { tags, summary, params: IdParams, body: PaymentRequest, response: { 200: PaymentResult, ...Edit } },
        },
        async (req) => service.pay(actorOf(req), req.params.id, kind, req.body),
      );
    }
    app.post(
      '/projects/:id/start',
      {
        config: { access: 'project.read' },
        schema: { tags, summary: '开始实施', params: IdParams, body: VersionInput, response: { 200: Ok, ...Edit } },
      },
      async (req) => {
        await service.start(actorOf(req), req.params.id, req.body.version);
        return ok;
      },
    );
    app.post(
      '/projects/:id/reports',
      {
        config: { access: 'project.report' },
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags,
          summary: '报送实施进展（可附签到表）',
          params: IdParams,
          body: ReportInput,
          response: { 200: ReportView, ...Edit },
        },
      },
      async (req) => submitReport(ctx, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/projects/:id/documents',
      {
        config: { access: 'project.read' },
        schema: {
          tags,
          summary: '上传项目文件（同名为新版本）',
          params: IdParams,
          querystring: DocumentKindQuery,
          response: { 200: DocumentView, ...Edit },
        },
      },
      async (req) => {
        const { fileName, body } = evidenceUpload(req);
        return uploadDocument(ctx, actorOf(req), req.params.id, req.query.kind, req.query.reportId, fileName, body);
      },
    );
    app.get(
      '/projects/:id/documents/:documentId',
      {
        config: { access: 'project.read' },
        schema: { tags, summary: '下载项目文件', params: DocumentParams },
      },
      async (req, reply) => {
        const { doc, stream } = await openDocument(ctx, actorOf(req), req.params.id, req.params.documentId);
        return sendEvidence(reply, doc, stream);
      },
    );
    app.get(
      '/projects/:id/archive',
      {
        config: { access: 'project.read' },
        schema: { tags, summary: '导出项目完整档案（.xlsx）', params: IdParams },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { name, data } = await archiveWorkbook(ctx, actor, req.params.id);
        await recordAuditEvent(core.db, actor, {
          action: 'project.archive.export',
          objectType: 'project',
          objectId: req.params.id,
        });
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(data);
      },
    );
    app.post(
      '/projects/:id/checks',
      {
        config: { access: 'project.manage' },
        schema: {
          tags,
          summary: '登记事中检查',
          params: IdParams,
          body: CheckInput,
          response: { 200: CheckView, ...Edit },
        },
      },
      async (req) => recordCheck(ctx, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/projects/:id/acceptance/request',
      {
        config: { access: 'project.report' },
        schema: { tags, summary: '申请验收', params: IdParams, body: VersionInput, response: { 200: Ok, ...Edit } },
      },
      async (req) => {
        await service.requestAcceptance(actorOf(req), req.params.id, req.body.version);
        return ok;
      },
    );
    app.post(
      '/projects/:id/acceptance/panel',
      {
        config: { access: 'project.manage' },
        schema: {
          tags,
          summary: '抽取验收专家',
          params: IdParams,
          body: AcceptancePanelInput,
          response: { 200: z.object({ panelId: z.uuid() }), ...Edit },
        },
      },
      async (req) => service.drawPanel(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/projects/:id/acceptance/decision',
      {
        config: { access: 'project.manage' },
        schema: {
          tags,
          summary: '登记验收结论',
          params: IdParams,
          body: AcceptanceDecisionInput,
          response: { 200: Ok, ...Edit },
        },
      },
      async (req) => {
        await service.decide(actorOf(req), req.params.id, req.body);
        return ok;
      },
    );
    app.post(
      '/projects/:id/rectify',
      {
        config: { access: 'project.manage' },
        schema: { tags, summary: '限期整改', params: IdParams, body: RectifyInput, response: { 200: Ok, ...Edit } },
      },
      async (req) => {
        await service.rectify(actorOf(req), req.params.id, req.body.version, req.body.note);
        return ok;
      },
    );
    app.post(
      '/projects/:id/terminate',
      {
        config: { access: 'project.manage' },
        schema: {
          tags,
          summary: '终止项目并扣减合同款',
          params: IdParams,
          body: TerminateInput,
          response: { 200: Ok, ...Edit },
        },
      },
      async (req) => {
        await service.terminate(actorOf(req), req.params.id, req.body);
        return ok;
      },
    );
    app.post(
      '/projects/:id/close',
      {
        config: { access: 'project.manage' },
        schema: { tags, summary: '结项归档', params: IdParams, body: VersionInput, response: { 200: Ok, ...Edit } },
      },
      async (req) => {
        await service.close(actorOf(req), req.params.id, req.body.version);
        return ok;
      },
    );
    app.get(
      '/project-flags',
      {
        config: { access: 'project.manage' },
        schema: {
          tags,
          summary: '疑点复核列表',
          querystring: FlagListQuery,
          response: { 200: FlagPage, 400: ErrorBody },
        },
      },
      async (req) => listFlags(ctx, actorOf(req), req.query),
    );
    app.post(
      '/project-flags/:id/review',
      {
        config: { access: 'project.manage' },
        schema: {
          tags,
          summary: '复核疑点（排除或确认；确认即禁入）',
          params: IdParams,
          body: FlagReviewInput,
          response: { 200: FlagView, ...Edit },
        },
      },
      async (req) => reviewFlag(ctx, actorOf(req), req.params.id, req.body),
    );
  };
}
