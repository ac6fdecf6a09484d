import type { ErrorBody } from '@yufang/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, fieldLabel } from './errors.js';

const PG_UNIQUE_VIOLATION = '23505';

/** Every error leaves the API as an ErrorBody with a Chinese message; internals are logged, never sent. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { cause?: unknown }, req, reply) => {
    const requestId = String(req.id);
    if (error instanceof AppError) {
      const body: ErrorBody = { code: error.code, message: error.message, fields: error.fields, requestId };
      return reply.code(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { field, message: v.message ?? '格式不正确' };
      });
      const first = fields[0];
      const message = first ? `${fieldLabel(first.field)}：${first.message}` : '请求格式不正确';
      return reply.code(400).send({ code: 'VALIDATION', message, fields, requestId } satisfies ErrorBody);
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误', requestId } satisfies ErrorBody);
    }
    const pgCode = (error.cause as { code?: string } | undefined)?.code ?? (error as { code?: string }).code;
    if (pgCode === PG_UNIQUE_VIOLATION) {
      return reply
        .code(409)
        .send({ code: 'CONFLICT', message: '记录已存在（唯一性冲突）', requestId } satisfies ErrorBody);
    }
    if (error.statusCode && error.statusCode < 500) {
      const message =
        error.statusCode === 413 ? '上传内容过大' : error.statusCode === 415 ? '不支持的内容类型' : '请求格式不正确';
      return reply.code(error.statusCode).send({ code: 'VALIDATION', message, requestId } satisfies ErrorBody);
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply
      .code(500)
      .send({ code: 'INTERNAL', message: '服务器内部错误，请联系管理员', requestId } satisfies ErrorBody);
  });
}
