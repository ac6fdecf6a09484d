import {
  ErrorBody,
  EXPERT_SHARE_COLUMNS,
  type ExpertAction,
  ExpertAdjustInput,
  ExpertAppointInput,
  ExpertAssessInput,
  ExpertCreateInput,
  ExpertDetail,
  ExpertDisciplineInput,
  ExpertDismissInput,
  ExpertImportQuery,
  ExpertImportResult,
  ExpertListQuery,
  ExpertOptions,
  ExpertPage,
  ExpertProfileInput,
  ExpertQualificationInput,
  ExpertRejectInput,
  ExpertRelationInput,
  ExpertRenewInput,
  ExpertReviewInput,
  type ExpertTransitionInput,
  ExpertUnavailabilityInput,
  ExpertUnmaskedView,
  ExpertView,
  IdParams,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAuditEvent } from '../../core/audit/audit.js';
import { actorOf } from '../../core/auth/plugin.js';
import { acceptEvidenceBodies, evidenceUpload, sendEvidence } from '../../core/files/evidence.http.js';
import { MAX_EVIDENCE_BYTES } from '../../core/files/evidence.js';
import { AppError } from '../../core/http/errors.js';
import { type ExcelColumn, sendExcel } from '../../core/http/excel.js';
import type { ExpertService } from './expert.service.js';

const tags = ['专家库'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The life-cycle routes, one per action of the transition table (expert.rules.ts). */
const ACTIONS: { action: ExpertAction; body: z.ZodType; summary: string }[] = [
  { action: 'review', body: ExpertReviewInput, summary: '开始资格审查' },
  { action: 'appoint', body: ExpertAppointInput, summary: '聘任（聘期按政策设置自动计算）' },
  { action: 'reject', body: ExpertRejectInput, summary: '资格审查不通过（须填写原因）' },
  { action: 'assess', body: ExpertAssessInput, summary: '聘期考核（优秀/合格/不合格）' },
  { action: 'renew', body: ExpertRenewInput, summary: '续聘（须本聘期考核优秀或合格）' },
  { action: 'adjust', body: ExpertAdjustInput, summary: '调整专业领域或专业组（须填写原因）' },
  { action: 'dismiss', body: ExpertDismissInput, summary: '解聘（须填写原因）' },
];

const SHARE_COLUMNS: ExcelColumn<string[]>[] = [...EXPERT_SHARE_COLUMNS, '来源城市', '共享同意'].map((header, i) => ({
  header,
  width: i === 1 ? 22 : i === 3 ? 30 : 16,
  value: (row: string[]) => row[i] ?? '',
}));

export function expertRoutes(experts: ExpertService): FastifyPluginAsyncZod {
  return async (app) => {
    acceptEvidenceBodies(app);
    app.addContentTypeParser(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    app.get(
      '/experts',
      {
        config: { access: 'expert.read' },
        schema: {
          tags,
          summary: '专家库列表（全市；身份证号码、手机号码脱敏）',
          querystring: ExpertListQuery,
          response: { 200: ExpertPage, 400: ErrorBody },
        },
      },
      async (req) => experts.list(req.query),
    );
    app.get(
      '/experts/options',
      {
        config: { access: 'expert.read' },
        schema: { tags, summary: '专业领域、专业组与聘期设置', response: { 200: ExpertOptions } },
      },
      async () => experts.options(),
    );
    app.get(
      '/experts/me',
      {
        config: { access: 'panel.assignment' },
        schema: { tags, summary: '本人的专家资料（专家账号）', response: { 200: ExpertView, 404: ErrorBody } },
      },
      async (req) => experts.me(actorOf(req)),
    );
    app.get(
      '/experts/export',
      {
        config: { access: 'expert.share' },
        schema: { tags, summary: '导出本市同意共享的专家（Excel，供邻市导入；记入审计日志）' },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        await recordAuditEvent(app.core.db, actor, {
          action: 'expert.export',
          objectType: 'expert',
          changes: { consentedOnly: true, count: await experts.shareCount() },
        });
        return sendExcel(
          reply,
          `三明市工伤预防专家库-共享-${experts.today()}.xlsx`,
          '专家库（共享）',
          SHARE_COLUMNS,
          experts.sharePages(),
        );
      },
    );
    app.post(
      '/experts/import',
      {
        config: { access: 'expert.share' },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags,
          summary: '导入邻市专家库（Excel；全部校验通过才导入，导入后为“已申请”待审查）',
          querystring: ExpertImportQuery,
          response: { 201: ExpertImportResult, ...errors },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) {
          throw AppError.validation('file', '请上传 Excel（.xlsx）文件');
        }
        const result = await experts.importShared(actorOf(req), req.query.sourceCity, req.body);
        return reply.code(201).send({ ...result, sourceCity: req.query.sourceCity });
      },
    );
    app.post(
      '/experts',
      {
        config: { access: 'expert.manage' },
        schema: {
          tags,
          summary: '登记专家入库申请',
          body: ExpertCreateInput,
          response: { 201: ExpertDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await experts.create(actorOf(req), req.body)),
    );
    app.put(
      '/experts/:id',
      {
        config: { access: 'expert.manage' },
        schema: {
          tags,
          summary: '修改专家资料（姓名、手机、工作单位、职称、所在县区、共享同意；身份证号码不可修改）',
          params: IdParams,
          body: ExpertProfileInput,
          response: { 200: ExpertDetail, ...errors },
        },
      },
      async (req) => experts.updateProfile(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/experts/:id',
      {
        config: { access: 'expert.read' },
        schema: { tags, summary: '专家档案', params: IdParams, response: { 200: ExpertDetail, 404: ErrorBody } },
      },
      async (req) => experts.get(actorOf(req), req.params.id),
    );
    app.post(
      '/experts/:id/unmask',
      {
        config: { access: 'expert.unmask' },
        schema: {
          tags,
          summary: '查看完整身份证号码与手机号码（记入审计日志）',
          params: IdParams,
          response: { 200: ExpertUnmaskedView, 404: ErrorBody },
        },
      },
      async (req) => experts.unmask(actorOf(req), req.params.id),
    );
    for (const { action, body, summary } of ACTIONS) {
      app.post(
        `/experts/:id/${action}`,
        {
          config: { access: 'expert.manage' },
          schema: { tags, summary, params: IdParams, body, response: { 200: ExpertDetail, ...errors } },
        },
        async (req) => experts.transition(actorOf(req), req.params.id, action, req.body as ExpertTransitionInput),
      );
    }
    app.post(
      '/experts/:id/relations',
      {
        config: { access: 'expert.manage' },
        schema: {
          tags,
          summary: '申报关联关系（用于回避）',
          params: IdParams,
          body: ExpertRelationInput,
          response: { 201: ExpertDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await experts.addRelation(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/experts/:id/qualifications',
      {
        config: { access: 'expert.manage' },
        schema: {
          tags,
          summary: '登记资质证书',
          params: IdParams,
          body: ExpertQualificationInput,
          response: { 201: ExpertDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await experts.addQualification(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/experts/:id/discipline',
      {
        config: { access: 'expert.manage' },
        schema: {
          tags,
          summary: '登记奖惩（警告、暂停抽取）',
          params: IdParams,
          body: ExpertDisciplineInput,
          response: { 201: ExpertDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await experts.addDiscipline(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/experts/:id/unavailability',
      {
        config: { access: 'expert.manage' },
        schema: {
          tags,
          summary: '登记不可抽取时段',
          params: IdParams,
          body: ExpertUnavailabilityInput,
          response: { 201: ExpertDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await experts.addUnavailability(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/experts/:id/documents',
      {
        config: { access: 'expert.manage' },
        bodyLimit: MAX_EVIDENCE_BYTES,
        schema: {
          tags,
          summary:
            '上传资质文件（JPG、PNG、PDF、DOCX，10 MB 以内；文件名放在 x-file-name，资质编号放在 x-qualification-id）',
          params: IdParams,
          response: { 201: ExpertDetail, ...errors },
        },
      },
      async (req, reply) => {
        const { fileName, body } = evidenceUpload(req);
        const q = req.headers['x-qualification-id'];
        const qualificationId = typeof q === 'string' && q ? q : null;
        if (qualificationId && !z.uuid().safeParse(qualificationId).success) {
          throw AppError.validation('qualificationId', '资质编号格式不正确');
        }
        return reply
          .code(201)
          .send(await experts.uploadDocument(actorOf(req), req.params.id, fileName, body, qualificationId));
      },
    );
    app.get(
      '/experts/:id/documents/:documentId',
      {
        config: { access: 'expert.read' },
        schema: { tags, summary: '查看资质文件', params: z.object({ id: z.uuid(), documentId: z.uuid() }) },
      },
      async (req, reply) => {
        const { file, stream } = await experts.documentFile(req.params.id, req.params.documentId);
        return sendEvidence(reply, file, stream);
      },
    );
  };
}
