import {
  ErrorBody,
  HazardCountySummary,
  HazardDetail,
  HazardEvidenceParams,
  HazardEvidenceView,
  HazardListQuery,
  HazardNotifyInput,
  HazardOptions,
  HazardOptionsQuery,
  HazardPage,
  HazardRejectInput,
  HazardReportInput,
  HazardRespondInput,
  HazardSubmitInput,
  HazardVerifyInput,
  IdParams,
  type Permission,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/plugin.js';
import { acceptEvidenceBodies, evidenceUpload, sendEvidence } from '../../core/files/evidence.http.js';
import { MAX_EVIDENCE_BYTES } from '../../core/files/evidence.js';
import type { HazardAction } from './hazard.rules.js';
import type { HazardService } from './hazard.service.js';

const tags = ['隐患治理'];

/** The life-cycle routes: one per action of the transition table, each with the permission the table names. */
const ACTIONS: { action: HazardAction; access: Permission; body: z.ZodObject; summary: string }[] = [
  { action: 'notify', access: 'hazard.report', body: HazardNotifyInput, summary: '下达整改通知（数据共享登记的隐患）' },
  { action: 'respond', access: 'hazard.respond', body: HazardRespondInput, summary: '用人单位签收并开始整改' },
  { action: 'submit', access: 'hazard.respond', body: HazardSubmitInput, summary: '用人单位提交整改材料' },
  { action: 'verify', access: 'hazard.verify', body: HazardVerifyInput, summary: '核查通过，销号' },
  { action: 'reject', access: 'hazard.verify', body: HazardRejectInput, summary: '核查不通过，退回整改（须填写原因）' },
];

export function hazardRoutes(hazards: HazardService): FastifyPluginAsyncZod {
  return async (app) => {
    acceptEvidenceBodies(app);
    app.get(
      '/hazards',
      {
        config: { access: 'hazard.read' },
        schema: {
          tags,
          summary: '隐患工作台（管辖范围内，按整改期限排序）',
          querystring: HazardListQuery,
          response: { 200: HazardPage, 400: ErrorBody },
        },
      },
      async (req) => hazards.list(actorOf(req), req.query),
    );
    app.get(
      '/hazards/summary',
      {
        config: { access: 'hazard.read' },
        schema: { tags, summary: '各县（市、区）未销号隐患', response: { 200: z.array(HazardCountySummary) } },
      },
      async (req) => hazards.summary(actorOf(req)),
    );
    app.get(
      '/hazards/options',
      {
        config: { access: 'hazard.read' },
        schema: {
          tags,
          summary: '登记表与筛选项：县区、成员单位、可登记的用人单位',
          querystring: HazardOptionsQuery,
          response: { 200: HazardOptions, 400: ErrorBody },
        },
      },
      async (req) => hazards.options(actorOf(req), req.query.q),
    );
    app.post(
      '/hazards',
      {
        config: { access: 'hazard.report' },
        schema: {
          tags,
          summary: '登记隐患并通知用人单位（整改期限按级别自动确定）',
          body: HazardReportInput,
          response: { 201: HazardDetail, 400: ErrorBody },
        },
      },
      async (req, reply) => reply.code(201).send(await hazards.report(actorOf(req), req.body)),
    );
    app.post(
      '/hazards/self-reports',
      {
        config: { access: 'hazard.respond' },
        schema: {
          tags,
          summary: '用人单位自查上报隐患',
          body: HazardReportInput,
          response: { 201: HazardDetail, 400: ErrorBody },
        },
      },
      async (req, reply) => reply.code(201).send(await hazards.report(actorOf(req), req.body, true)),
    );
    app.get(
      '/hazards/:id',
      {
        config: { access: 'hazard.read' },
        schema: {
          tags,
          summary: '隐患详情与处理过程',
          params: IdParams,
          response: { 200: HazardDetail, 404: ErrorBody },
        },
      },
      async (req) => hazards.get(actorOf(req), req.params.id),
    );
    for (const { action, access, body, summary } of ACTIONS) {
      app.post(
        `/hazards/:id/${action}`,
        {
          config: { access },
          schema: {
            tags,
            summary,
            params: IdParams,
            body,
            response: { 200: HazardDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
          },
        },
        async (req) =>
          hazards.transition(actorOf(req), req.params.id, action, req.body as { version: number } & object),
      );
    }
    app.post(
      '/hazards/:id/evidence',
      {
        config: { access: 'hazard.read' },
        bodyLimit: MAX_EVIDENCE_BYTES,
        schema: {
          tags,
          summary: '上传隐患照片或材料（JPG、PNG、PDF、DOCX，10 MB 以内；文件名放在 x-file-name）',
          params: IdParams,
          response: { 201: HazardEvidenceView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req, reply) => {
        const { fileName, body } = evidenceUpload(req);
        return reply.code(201).send(await hazards.uploadEvidence(actorOf(req), req.params.id, fileName, body));
      },
    );
    app.get(
      '/hazards/:id/evidence/:evidenceId',
      {
        config: { access: 'hazard.read' },
        schema: { tags, summary: '查看隐患照片或材料', params: HazardEvidenceParams },
      },
      async (req, reply) => {
        const { file, stream } = await hazards.evidenceFile(actorOf(req), req.params.id, req.params.evidenceId);
        return sendEvidence(reply, file, stream);
      },
    );
  };
}
