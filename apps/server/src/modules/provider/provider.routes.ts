import {
  ComplaintInput,
  ComplaintResolveInput,
  EngagementInput,
  ErrorBody,
  IdParams,
  ListingApplyInput,
  ListingDecisionInput,
  PROVIDER_LISTS,
  ProviderCreateInput,
  ProviderDetail,
  ProviderListQuery,
  ProviderOptions,
  ProviderPage,
  ProviderReviewInput,
  ProviderSubParams,
  ProviderUpdateInput,
  PublicListParams,
  PublicProviderLists,
  PublicProviderProfile,
  QualificationInput,
  QualificationView,
  SanctionInput,
  SanctionLiftInput,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/plugin.js';
import { acceptEvidenceBodies, evidenceUpload, sendEvidence } from '../../core/files/evidence.http.js';
import { MAX_EVIDENCE_BYTES } from '../../core/files/evidence.js';
import { sendExcel } from '../../core/http/excel.js';
import type { ProviderService } from './provider.service.js';

const tags = ['第三方服务机构'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The bureau's routes (/providers), the organisation's own (/my-providers) and the public lists (/public/providers). */
export function providerRoutes(service: ProviderService): FastifyPluginAsyncZod {
  return async (app) => {
    acceptEvidenceBodies(app);

    // ---- the bureau: registry, review, lists, record, sanctions ----
    app.get(
      '/providers/options',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: '服务类型目录与县（市、区）', response: { 200: ProviderOptions } },
      },
      async (req) => service.options(actorOf(req)),
    );
    app.get(
      '/providers',
      {
        config: { access: 'provider.read' },
        schema: {
          tags,
          summary: '服务机构列表（服务类型、状态、名录、信用等级、处理情况、关键字）',
          querystring: ProviderListQuery,
          response: { 200: ProviderPage, 400: ErrorBody },
        },
      },
      async (req) => service.list(actorOf(req), req.query),
    );
    app.post(
      '/providers',
      {
        config: { access: 'provider.manage' },
        schema: {
          tags,
          summary: '登记服务机构（统一社会信用代码校验且唯一）',
          body: ProviderCreateInput,
          response: { 201: ProviderDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await service.create(actorOf(req), req.body)),
    );
    app.get(
      '/providers/:id',
      {
        config: { access: 'provider.read' },
        schema: { tags, summary: '服务机构档案', params: IdParams, response: { 200: ProviderDetail, 404: ErrorBody } },
      },
      async (req) => service.detail(actorOf(req), req.params.id),
    );
    app.put(
      '/providers/:id',
      {
        config: { access: 'provider.manage' },
        schema: {
          tags,
          summary: '修改机构资料（版本号校验）',
          params: IdParams,
          body: ProviderUpdateInput,
          response: { 200: ProviderDetail, ...errors },
        },
      },
      async (req) => service.update(actorOf(req), req.params.id, req.body, 'manage'),
    );
    app.post(
      '/providers/:id/review',
      {
        config: { access: 'provider.manage' },
        schema: {
          tags,
          summary: '审核机构登记（通过或不通过）',
          params: IdParams,
          body: ProviderReviewInput,
          response: { 200: ProviderDetail, ...errors },
        },
      },
      async (req) => service.review(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/providers/:id/listings/:sub/decision',
      {
        config: { access: 'provider.manage' },
        schema: {
          tags,
          summary: '推荐名录：列入、不予列入或移出（须填写理由）',
          params: ProviderSubParams,
          body: ListingDecisionInput,
          response: { 200: ProviderDetail, ...errors },
        },
      },
      async (req) => service.decideListing(actorOf(req), req.params.id, req.params.sub, req.body),
    );
    app.post(
      '/providers/:id/engagements',
      {
        config: { access: 'provider.manage' },
        schema: {
          tags,
          summary: '登记履约记录（合同金额、数量、验收得分、结果、扣减）',
          params: IdParams,
          body: EngagementInput,
          response: { 200: ProviderDetail, ...errors },
        },
      },
      async (req) => service.addEngagement(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/providers/:id/complaints',
      {
        config: { access: 'provider.manage' },
        schema: {
          tags,
          summary: '登记投诉',
          params: IdParams,
          body: ComplaintInput,
          response: { 200: ProviderDetail, ...errors },
        },
      },
      async (req) => service.addComplaint(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/providers/:id/complaints/:sub/resolve',
      {
        config: { access: 'provider.manage' },
        schema: {
          tags,
          summary: '处理投诉（属实或不属实）',
          params: ProviderSubParams,
          body: ComplaintResolveInput,
          response: { 200: ProviderDetail, ...errors },
        },
      },
      async (req) => service.resolveComplaint(actorOf(req), req.params.id, req.params.sub, req.body),
    );
    app.post(
      '/providers/:id/sanctions',
      {
        config: { access: 'provider.manage' },
        schema: {
          tags,
          summary: '暂停或禁入（通知机构账户）',
          params: IdParams,
          body: SanctionInput,
          response: { 200: ProviderDetail, ...errors },
        },
      },
      async (req) => service.sanction(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/providers/:id/sanctions/:sub/lift',
      {
        config: { access: 'provider.manage' },
        schema: {
          tags,
          summary: '解除暂停或禁入',
          params: ProviderSubParams,
          body: SanctionLiftInput,
          response: { 200: ProviderDetail, ...errors },
        },
      },
      async (req) => service.liftSanction(actorOf(req), req.params.id, req.params.sub, req.body),
    );

    // ---- the organisation's own account ----
    app.get(
      '/my-providers',
      {
        config: { access: 'provider.self' },
        schema: { tags, summary: '本机构（账户所属的机构）', response: { 200: ProviderPage } },
      },
      async (req) => service.list(actorOf(req), { limit: 50 }, 'self'),
    );
    app.get(
      '/my-providers/:id',
      {
        config: { access: 'provider.self' },
        schema: { tags, summary: '本机构档案', params: IdParams, response: { 200: ProviderDetail, 404: ErrorBody } },
      },
      async (req) => service.detail(actorOf(req), req.params.id, 'self'),
    );
    app.put(
      '/my-providers/:id',
      {
        config: { access: 'provider.self' },
        schema: {
          tags,
          summary: '维护本机构资料、人员与设备（版本号校验）',
          params: IdParams,
          body: ProviderUpdateInput,
          response: { 200: ProviderDetail, ...errors },
        },
      },
      async (req) => service.update(actorOf(req), req.params.id, req.body, 'self'),
    );
    // qualifications and listing applications, once for the bureau (an organisation in its scope) and once for an
    // organisation's own account (its own record only): the same service calls in the two modes
    for (const side of [
      {
        prefix: '/providers',
        write: 'provider.manage',
        read: 'provider.read',
        mode: 'manage',
        whose: '',
        apply: '代机构申请列入推荐名录',
      },
      {
        prefix: '/my-providers',
        write: 'provider.self',
        read: 'provider.self',
        mode: 'self',
        whose: '本机构',
        apply: '申请列入推荐名录',
      },
    ] as const) {
      app.post(
        `${side.prefix}/:id/qualifications`,
        {
          config: { access: side.write },
          schema: {
            tags,
            summary: `登记${side.whose}资质`,
            params: IdParams,
            body: QualificationInput,
            response: { 201: QualificationView, ...errors },
          },
        },
        async (req, reply) =>
          reply.code(201).send(await service.addQualification(actorOf(req), req.params.id, req.body, side.mode)),
      );
      app.post(
        `${side.prefix}/:id/qualifications/:sub/document`,
        {
          config: { access: side.write },
          bodyLimit: MAX_EVIDENCE_BYTES,
          schema: {
            tags,
            summary: `上传${side.whose}资质证明（JPG、PNG、PDF、DOCX，10 MB 以内；文件名放在 x-file-name）`,
            params: ProviderSubParams,
            response: { 200: QualificationView, ...errors },
          },
        },
        async (req) => {
          const { fileName, body } = evidenceUpload(req);
          return service.uploadDocument(actorOf(req), req.params.id, req.params.sub, fileName, body, side.mode);
        },
      );
      app.get(
        `${side.prefix}/:id/qualifications/:sub/document`,
        {
          config: { access: side.read },
          schema: { tags, summary: `查看${side.whose}资质证明`, params: ProviderSubParams },
        },
        async (req, reply) => {
          const { file, stream } = await service.document(actorOf(req), req.params.id, req.params.sub, side.mode);
          return sendEvidence(reply, file, stream);
        },
      );
      app.post(
        `${side.prefix}/:id/listings`,
        {
          config: { access: side.write },
          schema: {
            tags,
            summary: side.apply,
            params: IdParams,
            body: ListingApplyInput,
            response: { 200: ProviderDetail, ...errors },
          },
        },
        async (req) => service.apply(actorOf(req), req.params.id, req.body, side.mode),
      );
    }

    // ---- public (no login) ----
    app.get(
      '/public/providers',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: '公开：培训机构与线上培训平台推荐名录（不含联系人、人员等个人信息）',
          response: { 200: PublicProviderLists },
        },
      },
      async () => service.publicLists(),
    );
    app.get(
      '/public/providers/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: '公开：推荐名录内机构的简介与项目履约记录',
          params: IdParams,
          response: { 200: PublicProviderProfile, 404: ErrorBody },
        },
      },
      async (req) => service.publicProfile(req.params.id),
    );
    app.get(
      '/public/provider-lists/:list/export',
      {
        config: { access: 'public' },
        schema: { tags, summary: '公开：下载推荐名录（Excel）', params: PublicListParams },
      },
      async (req, reply) => {
        const { list } = req.params;
        const [rows, options] = await Promise.all([service.publicList(list), service.options()]);
        const typeName = new Map(options.serviceTypes.map((t) => [t.code, t.name]));
        async function* pages() {
          yield rows;
        }
        return sendExcel(
          reply,
          `${PROVIDER_LISTS[list]}.xlsx`,
          PROVIDER_LISTS[list],
          [
            { header: '机构名称', width: 36, value: (r) => r.name },
            { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
            { header: '所在县（市、区）', value: (r) => r.countyName },
            { header: '服务类型', width: 30, value: (r) => r.serviceTypes.map((t) => typeName.get(t) ?? t).join('、') },
            {
              header: '资质（有效期至）',
              width: 60,
              value: (r) => r.qualifications.map((q) => `${q.name}（${q.validUntil}）`).join('；'),
            },
            { header: '信用等级', width: 10, value: (r) => r.grade },
            { header: '列入日期', width: 14, value: (r) => r.listedSince },
          ],
          pages(),
        );
      },
    );
  };
}
