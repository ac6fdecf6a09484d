/**
 * The HTTP side of evidence files, the same for every module that takes them: raw bodies accepted as streams, the
 * upload's name and size checked before anything is written, and the download sent inline with its stored type.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import { EVIDENCE_TOO_LARGE, evidenceFileName, MAX_EVIDENCE_BYTES } from './evidence.js';

/** Lets the routes of `app` take file bodies as streams (the store checks their content, not this type). */
export function acceptEvidenceBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    ['application/octet-stream', 'image/jpeg', 'image/png', 'application/pdf'],
    (_req, payload, done) => done(null, payload),
  );
}

/** The uploaded file's name (header x-file-name) and body stream, refused early when declared too large. */
export function evidenceUpload(req: FastifyRequest): { fileName: string; body: Readable } {
  const body = req.body as unknown;
  if (!(body instanceof Readable)) throw AppError.validation('file', '请以 application/octet-stream 上传文件内容');
  if (Number(req.headers['content-length'] ?? 0) > MAX_EVIDENCE_BYTES) {
    throw AppError.validation('file', EVIDENCE_TOO_LARGE);
  }
  return { fileName: evidenceFileName(req.headers['x-file-name']), body };
}

/** Sends a stored evidence file inline, with its checked type and never sniffed by the browser. */
export function sendEvidence(
  reply: FastifyReply,
  file: { contentType: string; fileName: string },
  stream: Readable,
): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(stream);
}
