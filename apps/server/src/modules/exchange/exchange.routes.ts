import { Readable } from 'node:stream';
import {
  DataSetDetail,
  DataSetParams,
  DataSetView,
  ErrorBody,
  type ExchangeField,
  IdParams,
  LoadPage,
  LoadRejectedBody,
  LoadView,
  PageQuery,
  PushBody,
  RecordFilter,
  RecordPage,
  RecordQuery,
  TokenCreated,
  TokenCreateInput,
  TokenView,
} from '@yufang/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAuditEvent } from '../../core/audit/audit.js';
import { actorOf, exchangeAuditActor, exchangeClientOf } from '../../core/auth/plugin.js';
import { AppError } from '../../core/http/errors.js';
import { sendExcel } from '../../core/http/excel.js';
import { fileNameOf } from '../../core/http/upload.js';
import { buildDataSetTemplate, recordColumns, recordPages } from './exchange.files.js';
import { type ExchangeService, LoadRejected } from './exchange.service.js';
import { MAX_EXCHANGE_UPLOAD_BYTES, readUpload } from './exchange.upload.js';

const tags = ['数据共享'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

async function answerLoad(reply: FastifyReply, run: () => Promise<LoadView>) {
  try {
    return reply.code(200).send(await run());
  } catch (error) {
    if (error instanceof LoadRejected) {
      return reply
        .code(400)
        .send({ code: 'VALIDATION', message: error.message, fields: error.fields, load: error.load });
    }
    throw error;
  }
}

export function exchangeRoutes(exchange: ExchangeService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

    app.get(
      '/exchange/data-sets',
      {
        config: { access: 'exchange.catalog.read' },
        schema: {
          tags,
          summary: '数据共享目录（数据集、责任单位、更新情况）',
          response: { 200: z.array(DataSetView) },
        },
      },
      async (req) => exchange.catalogue(actorOf(req)),
    );
    app.get(
      '/exchange/data-sets/:code',
      {
        config: { access: 'exchange.catalog.read' },
        schema: {
          tags,
          summary: '数据集详情（各结构版本的字段、代码表）',
          params: DataSetParams,
          response: { 200: DataSetDetail, 404: ErrorBody },
        },
      },
      async (req) => exchange.detail(actorOf(req), req.params.code),
    );
    app.get(
      '/exchange/data-sets/:code/loads',
      {
        config: { access: 'exchange.catalog.read' },
        schema: {
          tags,
          summary: '数据集加载记录（新到旧）',
          params: DataSetParams,
          querystring: PageQuery,
          response: { 200: LoadPage, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => exchange.loads(req.params.code, req.query),
    );
    app.get(
      '/exchange/data-sets/:code/records',
      {
        config: { access: 'exchange.record.read' },
        schema: {
          tags,
          summary: '数据集记录（管辖范围内：责任单位、本县区或全市）',
          params: DataSetParams,
          querystring: RecordQuery,
          response: { 200: RecordPage, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => exchange.records(actorOf(req), req.params.code, req.query),
    );
    app.get(
      '/exchange/data-sets/:code/records/export',
      {
        config: { access: 'exchange.record.read' },
        schema: {
          tags,
          summary: '导出数据集记录（Excel，管辖范围内、当前筛选条件；个人信息脱敏；记入审计日志）',
          params: DataSetParams,
          querystring: RecordFilter,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const detail = await exchange.detail(actor, req.params.code);
        await recordAuditEvent(app.core.db, actor, {
          action: 'exchange.record.export',
          objectType: 'exchange_data_set',
          objectId: detail.code,
          changes: { filter: req.query },
        });
        const pages = recordPages(exchange, actor, detail.code, req.query);
        return sendExcel(reply, `${detail.name}-${today()}.xlsx`, '记录', recordColumns(detail), pages);
      },
    );
    app.get(
      '/exchange/data-sets/:code/template',
      {
        config: { access: 'exchange.load' },
        schema: {
          tags,
          summary: '数据集上传模板（.xlsx：当前结构版本的中文表头与字段说明）',
          params: DataSetParams,
        },
      },
      async (req, reply) => {
        const detail = await exchange.detail(actorOf(req), req.params.code);
        if (!detail.can.load) throw AppError.forbidden('只能下载本单位数据集的上传模板');
        const name = `${detail.name}-上传模板-v${detail.currentVersion}.xlsx`;
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(await buildDataSetTemplate(detail));
      },
    );
    app.post(
      '/exchange/data-sets/:code/records',
      {
        config: { access: 'exchange-token' },
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags,
          summary: '接口推送记录（Authorization: Bearer 令牌；JSON 数组，每次最多 5000 条，全部通过才写入）',
          params: DataSetParams,
          body: PushBody,
          response: { 200: LoadView, 400: z.union([LoadRejectedBody, ErrorBody]), 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (req, reply) => {
        const client = exchangeClientOf(req);
        return answerLoad(reply, () =>
          exchange.load(
            {
              dataSetCode: req.params.code,
              rows: req.body.map((record, i) => ({ row: i + 1, record })),
              source: 'api',
              tokenId: client.tokenId,
              tokenName: client.name,
            },
            exchangeAuditActor(req, client),
          ),
        );
      },
    );
    app.post(
      '/exchange/data-sets/:code/uploads',
      {
        config: { access: 'exchange.load' },
        bodyLimit: MAX_EXCHANGE_UPLOAD_BYTES,
        schema: {
          tags,
          summary: '上传文件加载数据集（.xlsx/.csv，application/octet-stream，文件名放在 x-file-name）',
          params: DataSetParams,
          response: { 200: LoadView, 400: z.union([LoadRejectedBody, ErrorBody]), 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const body = req.body as unknown;
        if (!(body instanceof Readable))
          throw AppError.validation('file', '请以 application/octet-stream 上传文件内容');
        const name = fileNameOf(req.headers['x-file-name']);
        const detail = await exchange.detail(actor, req.params.code);
        if (!detail.can.load) throw AppError.forbidden('只能向本单位的数据集上传数据');
        const fields = detail.versions[0]?.fields ?? ([] as ExchangeField[]);
        const rows = await readUpload(body, name, fields);
        return answerLoad(reply, () => exchange.loadAsUser(actor, req.params.code, rows, name));
      },
    );
    app.get(
      '/exchange/tokens',
      {
        config: { access: 'exchange.token.manage' },
        schema: { tags, summary: '本单位的接口令牌', response: { 200: z.array(TokenView) } },
      },
      async (req) => exchange.tokens(actorOf(req)),
    );
    app.post(
      '/exchange/tokens',
      {
        config: { access: 'exchange.token.manage' },
        schema: {
          tags,
          summary: '创建接口令牌（令牌值只显示这一次）',
          body: TokenCreateInput,
          response: { 201: TokenCreated, 400: ErrorBody, 403: ErrorBody },
        },
      },
      async (req, reply) => reply.code(201).send(await exchange.createToken(actorOf(req), req.body)),
    );
    app.post(
      '/exchange/tokens/:id/revoke',
      {
        config: { access: 'exchange.token.manage' },
        schema: { tags, summary: '吊销接口令牌', params: IdParams, response: { 200: TokenView, 404: ErrorBody } },
      },
      async (req) => exchange.revokeToken(actorOf(req), req.params.id),
    );
  };
}
