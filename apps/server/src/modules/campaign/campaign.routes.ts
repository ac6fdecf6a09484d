import {
  CampaignCheckInput,
  CampaignCheckView,
  CampaignDashboard,
  CampaignEmployerPage,
  CampaignEmployerQuery,
  CampaignEvidenceParams,
  CampaignEvidenceView,
  ErrorBody,
  IdParams,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/plugin.js';
import { acceptEvidenceBodies, evidenceUpload, sendEvidence } from '../../core/files/evidence.http.js';
import { MAX_EVIDENCE_BYTES } from '../../core/files/evidence.js';
import type { CampaignService } from './campaign.service.js';

const tags = ['尘肺病扩面'];

export function campaignRoutes(campaign: CampaignService): FastifyPluginAsyncZod {
  return async (app) => {
    acceptEvidenceBodies(app);
    app.get(
      '/campaign/dashboard',
      {
        config: { access: 'campaign.read' },
        schema: {
          tags,
          summary: '尘肺病重点行业工伤保险扩面：各县、各行业参保覆盖率与历年进度',
          response: { 200: CampaignDashboard },
        },
      },
      async (req) => campaign.dashboard(actorOf(req)),
    );
    app.get(
      '/campaign/employers',
      {
        config: { access: 'campaign.read' },
        schema: {
          tags,
          summary: '粉尘危害单位参保覆盖（按缺口排序；须有用人单位查看权限）',
          querystring: CampaignEmployerQuery,
          response: { 200: CampaignEmployerPage, 400: ErrorBody, 403: ErrorBody },
        },
      },
      async (req) => campaign.employers(actorOf(req), req.query),
    );
    app.get(
      '/campaign/employers/:id/checks',
      {
        config: { access: 'campaign.read' },
        schema: {
          tags,
          summary: '某单位的参保公示检查记录',
          params: IdParams,
          response: { 200: z.array(CampaignCheckView), 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => campaign.checksOf(actorOf(req), req.params.id),
    );
    app.post(
      '/campaign/checks',
      {
        config: { access: 'campaign.check' },
        schema: {
          tags,
          summary: '记录参保公示检查（已张贴且为当期即合格）',
          body: CampaignCheckInput,
          response: { 201: CampaignCheckView, 400: ErrorBody },
        },
      },
      async (req, reply) => reply.code(201).send(await campaign.recordCheck(actorOf(req), req.body)),
    );
    app.post(
      '/campaign/checks/:id/evidence',
      {
        config: { access: 'campaign.check' },
        bodyLimit: MAX_EVIDENCE_BYTES,
        schema: {
          tags,
          summary: '上传检查照片或材料（JPG、PNG、PDF、DOCX，10 MB 以内；文件名放在 x-file-name）',
          params: IdParams,
          response: { 201: CampaignEvidenceView, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (req, reply) => {
        const { fileName, body } = evidenceUpload(req);
        return reply.code(201).send(await campaign.uploadEvidence(actorOf(req), req.params.id, fileName, body));
      },
    );
    app.get(
      '/campaign/checks/:id/evidence/:evidenceId',
      {
        config: { access: 'campaign.read' },
        schema: { tags, summary: '查看检查照片或材料', params: CampaignEvidenceParams },
      },
      async (req, reply) => {
        const { file, stream } = await campaign.evidenceFile(actorOf(req), req.params.id, req.params.evidenceId);
        return sendEvidence(reply, file, stream);
      },
    );
  };
}
