import {
  ApplicationInput,
  ApplicationUpdate,
  ApproveInput,
  CallInput,
  CallQuery,
  CallUpdate,
  CallView,
  ContractInput,
  EligibilityInput,
  ErrorBody,
  IdParams,
  ImplementerInput,
  MemberIdParams,
  ProcurementAdvice,
  ProcurementInput,
  ProjectPage,
  ProjectQuery,
  ProjectView,
  RankedItem,
  RejectInput,
  ReviewApplicationView,
  StartReviewInput,
  VersionInput,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/plugin.js';
import { acceptEvidenceBodies, evidenceUpload } from '../../core/files/evidence.http.js';
import type { ContractService } from './contract.service.js';
import type { ProjectService } from './project.service.js';
import type { ReviewService } from './review.service.js';

const tags = ['预防项目'];
const Edit = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const one = (summary: string) => ({ tags, summary, params: IdParams, response: { 200: ProjectView, ...Edit } });

export function projectRoutes(
  projects: ProjectService,
  reviews: ReviewService,
  contracts: ContractService,
): FastifyPluginAsyncZod {
  return async (app) => {
    acceptEvidenceBodies(app);

    // Calls ------------------------------------------------------------------------------------------------------
    app.get(
      '/project-calls',
      {
        config: { access: 'project.read' },
        schema: { tags, summary: '申报指南列表', querystring: CallQuery, response: { 200: z.array(CallView) } },
      },
      async (req) => projects.listCalls(actorOf(req), req.query),
    );
    app.post(
      '/project-calls',
      {
        config: { access: 'project.manage' },
        schema: { tags, summary: '新建申报指南（草稿）', body: CallInput, response: { 201: CallView, 400: ErrorBody } },
      },
      async (req, reply) => reply.code(201).send(await projects.createCall(actorOf(req), req.body)),
    );
    app.put(
      '/project-calls/:id',
      {
        config: { access: 'project.manage' },
        schema: {
          tags,
          summary: '修改申报指南',
          params: IdParams,
          body: CallUpdate,
          response: { 200: CallView, ...Edit },
        },
      },
      async (req) => projects.updateCall(actorOf(req), req.params.id, req.body),
    );
    for (const [path, to, summary] of [
      ['open', 'open', '发布申报指南'],
      ['close', 'closed', '截止申报'],
    ] as const) {
      app.post(
        `/project-calls/:id/${path}`,
        {
          config: { access: 'project.manage' },
          schema: { tags, summary, params: IdParams, body: VersionInput, response: { 200: CallView, ...Edit } },
        },
        async (req) => projects.setCallStatus(actorOf(req), req.params.id, to, req.body.version),
      );
    }
    app.get(
      '/project-calls/:id/ranking',
      {
        config: { access: 'project.read' },
        schema: {
          tags,
          summary: '评审排名（按专家评审结论分）',
          params: IdParams,
          response: { 200: z.array(RankedItem) },
        },
      },
      async (req) => reviews.ranked(actorOf(req), req.params.id),
    );

    // Applications -----------------------------------------------------------------------------------------------
    app.get(
      '/projects',
      {
        config: { access: 'project.read' },
        schema: {
          tags,
          summary: '预防项目列表',
          querystring: ProjectQuery,
          response: { 200: ProjectPage, 400: ErrorBody },
        },
      },
      async (req) => projects.list(actorOf(req), req.query),
    );
    app.post(
      '/projects',
      {
        config: { access: 'project.apply' },
        schema: {
          tags,
          summary: '起草项目申报',
          body: ApplicationInput,
          response: { 201: ProjectView, 400: ErrorBody },
        },
      },
      async (req, reply) => reply.code(201).send(await projects.createApplication(actorOf(req), req.body)),
    );
    app.get(
      '/projects/:id',
      {
        config: { access: 'project.read' },
        schema: { tags, summary: '项目详情', params: IdParams, response: { 200: ProjectView, 404: ErrorBody } },
      },
      async (req) => projects.get(actorOf(req), req.params.id),
    );
    app.put(
      '/projects/:id',
      { config: { access: 'project.apply' }, schema: { ...one('修改申报（草稿）'), body: ApplicationUpdate } },
      async (req) => projects.updateApplication(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/projects/:id/submit',
      { config: { access: 'project.apply' }, schema: { ...one('提交申报'), body: VersionInput } },
      async (req) => projects.submit(actorOf(req), req.params.id, req.body.version),
    );
    app.post(
      '/projects/:id/attachments',
      { config: { access: 'project.apply' }, schema: one('上传申报材料（同名为新版本）') },
      async (req) => {
        const { fileName, body } = evidenceUpload(req);
        return projects.attach(actorOf(req), req.params.id, fileName, body);
      },
    );

    // Eligibility, review, approval ------------------------------------------------------------------------------
    app.post(
      '/projects/:id/eligibility',
      {
        config: { access: 'project.manage' },
        schema: { ...one('资格审查（逐条规则与理由）'), body: EligibilityInput },
      },
      async (req) => reviews.checkEligibility(actorOf(req), req.params.id, req.body.version, req.body.note),
    );
    app.post(
      '/projects/:id/review',
      { config: { access: 'project.manage' }, schema: { ...one('抽取评审专家，开始评审'), body: StartReviewInput } },
      async (req) => reviews.startReview(actorOf(req), req.params.id, req.body.version, req.body.mix),
    );
    app.post(
      '/projects/:id/approve',
      { config: { access: 'project.approve' }, schema: { ...one('立项（占用年度预算并公示）'), body: ApproveInput } },
      async (req) =>
        reviews.approve(actorOf(req), req.params.id, req.body.version, req.body.approvedFen, req.body.note),
    );
    app.post(
      '/projects/:id/reject',
      { config: { access: 'project.approve' }, schema: { ...one('不予立项'), body: RejectInput } },
      async (req) => reviews.reject(actorOf(req), req.params.id, req.body.version, req.body.reason),
    );
    app.get(
      '/my-assignments/:memberId/application',
      {
        config: { access: 'panel.assignment' },
        schema: {
          tags,
          summary: '评审任务的申报内容（不含个人信息）',
          params: MemberIdParams,
          response: { 200: ReviewApplicationView, 404: ErrorBody },
        },
      },
      async (req) => reviews.forAssignment(actorOf(req), req.params.memberId),
    );

    // Procurement and contract -----------------------------------------------------------------------------------
    app.get(
      '/projects/:id/procurement',
      {
        config: { access: 'project.manage' },
        schema: {
          tags,
          summary: '采购方式要求与可选实施单位（不符合条件的注明原因）',
          params: IdParams,
          response: { 200: ProcurementAdvice, 404: ErrorBody },
        },
      },
      async (req) => contracts.advice(actorOf(req), req.params.id),
    );
    app.post(
      '/projects/:id/procurement',
      { config: { access: 'project.manage' }, schema: { ...one('确定采购方式'), body: ProcurementInput } },
      async (req) =>
        contracts.startProcurement(actorOf(req), req.params.id, req.body.version, req.body.route, req.body.reason),
    );
    app.post(
      '/projects/:id/implementer',
      { config: { access: 'project.manage' }, schema: { ...one('选定实施单位'), body: ImplementerInput } },
      async (req) =>
        contracts.chooseImplementer(
          actorOf(req),
          req.params.id,
          req.body.version,
          req.body.providerId,
          req.body.reason,
        ),
    );
    app.post(
      '/projects/:id/contract',
      { config: { access: 'project.manage' }, schema: { ...one('签订服务协议'), body: ContractInput } },
      async (req) => contracts.signContract(actorOf(req), req.params.id, req.body),
    );
  };
}
