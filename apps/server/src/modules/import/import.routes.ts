import { Readable } from 'node:stream';
import {
  ErrorBody,
  IdParams,
  IMPORT_KIND_LABELS,
  ImportJobDetail,
  ImportJobPage,
  ImportJobView,
  ImportKindParams,
  ImportListQuery,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/plugin.js';
import { AppError } from '../../core/http/errors.js';
import { sendExcel } from '../../core/http/excel.js';
import { fileNameOf } from '../../core/http/upload.js';
import { type ImportService, MAX_UPLOAD_BYTES } from './import.service.js';
import { buildTemplate } from './import.template.js';

const tags = ['数据导入'];

export function importRoutes(imports: ImportService): FastifyPluginAsyncZod {
  return async (app) => {
    // The file arrives as the raw body and is streamed to disk by the service, never buffered here.
    app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

    app.get(
      '/imports/templates/:kind',
      {
        config: { access: 'import.read' },
        schema: { tags, summary: '下载导入模板（.xlsx）', params: ImportKindParams },
      },
      async (req, reply) => {
        const buffer = await buildTemplate(req.params.kind);
        const name = `${IMPORT_KIND_LABELS[req.params.kind]}导入模板.xlsx`;
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(buffer);
      },
    );
    app.post(
      '/imports/:kind',
      {
        config: { access: 'import.run' },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags,
          summary: '上传文件（application/octet-stream，文件名放在 x-file-name）并开始校验',
          params: ImportKindParams,
          response: { 202: ImportJobDetail, 400: ErrorBody },
        },
      },
      async (req, reply) => {
        const body = req.body as unknown;
        if (!(body instanceof Readable)) {
          throw AppError.validation('file', '请以 application/octet-stream 上传文件内容');
        }
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > MAX_UPLOAD_BYTES) throw AppError.validation('file', '文件超过 512 MB，请拆分后再导入');
        const name = fileNameOf(req.headers['x-file-name']);
        return reply.code(202).send(await imports.upload(actorOf(req), req.params.kind, name, body));
      },
    );
    app.get(
      '/imports',
      {
        config: { access: 'import.read' },
        schema: {
          tags,
          summary: '导入记录（管辖范围内）',
          querystring: ImportListQuery,
          response: { 200: ImportJobPage },
        },
      },
      async (req) => imports.list(actorOf(req), req.query),
    );
    app.get(
      '/imports/:id',
      {
        config: { access: 'import.read' },
        schema: {
          tags,
          summary: '导入详情：状态、进度、计数与前 100 条错误',
          params: IdParams,
          response: { 200: ImportJobDetail, 404: ErrorBody },
        },
      },
      async (req) => imports.get(actorOf(req), req.params.id),
    );
    app.get(
      '/imports/:id/errors.xlsx',
      {
        config: { access: 'import.read' },
        schema: { tags, summary: '下载错误报告（.xlsx）', params: IdParams },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const job = await imports.jobOf(actor, req.params.id);
        return sendExcel(
          reply,
          `导入错误报告-${job.fileName.replace(/\.(xlsx|csv)$/i, '')}.xlsx`,
          '错误',
          [
            { header: '行号', width: 10, value: (r) => (r.rowNo > 0 ? r.rowNo : '') },
            { header: '列', width: 20, value: (r) => r.column },
            { header: '值', width: 30, value: (r) => r.value },
            { header: '规则', width: 70, value: (r) => r.rule },
          ],
          imports.errorPages(actor, req.params.id),
        );
      },
    );
    app.post(
      '/imports/:id/commit',
      {
        config: { access: 'import.run' },
        schema: {
          tags,
          summary: '提交导入（全部或全不；重复提交返回同一结果）',
          params: IdParams,
          response: { 202: ImportJobView, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req, reply) => reply.code(202).send(await imports.commit(actorOf(req), req.params.id)),
    );
    app.post(
      '/imports/:id/cancel',
      {
        config: { access: 'import.run' },
        schema: {
          tags,
          summary: '取消导入（校验中或待提交）',
          params: IdParams,
          response: { 200: ImportJobView, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req) => imports.cancel(actorOf(req), req.params.id),
    );
  };
}
