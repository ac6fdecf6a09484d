/**
 * Evidence files (photos and documents) of hazards, inspections and checks: streamed to the data folder with a size
 * cap, then accepted only if their first bytes are those of an allowed format — the name and the declared type are
 * not trusted.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../http/errors.js';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TOO_LARGE = '文件超过 10 MB，请压缩后再上传';

interface Format {
  contentType: string;
  extensions: readonly string[];
  magic: readonly number[];
}

/** Allowed formats by their signature (file "magic" bytes). */
const FORMATS: readonly Format[] = [
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  { contentType: 'image/png', extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { contentType: 'application/pdf', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
];

export const EVIDENCE_ACCEPT = FORMATS.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');

/** The format a file's first bytes and its name agree on, or null. */
export function evidenceFormat(head: Uint8Array, fileName: string): Format | null {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  const format = FORMATS.find((f) => f.magic.every((b, i) => head[i] === b));
  return format?.extensions.includes(ext) ? format : null;
}

/** The evidence file name from its URL-encoded `x-file-name` header, path stripped. */
export function evidenceFileName(header: string | string[] | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(String(header ?? '')).trim();
  } catch {
    throw AppError.validation('fileName', '文件名（x-file-name）编码不正确，应为 URL 编码');
  }
  name = name.replace(/^.*[\\/]/, '');
  if (!name) throw AppError.validation('fileName', '请在请求头 x-file-name 中给出文件名');
  if (name.length > 200) throw AppError.validation('fileName', '文件名最多 200 个字符');
  return name;
}

export interface StoredEvidence {
  id: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** Files of one kind of record under `<data folder>/<folder>/<record id>/<evidence id>`. */
export class EvidenceStore {
  constructor(
    private readonly dataDir: string,
    private readonly folder: string,
  ) {}

  file(recordId: string, evidenceId: string): string {
    return path.join(this.dataDir, this.folder, recordId, evidenceId);
  }

  /** Streams the body to its file; removes it again and refuses when it is too large, empty or not allowed. */
  async save(recordId: string, fileName: string, body: Readable): Promise<StoredEvidence> {
    const id = randomUUID();
    const file = this.file(recordId, id);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > MAX_EVIDENCE_BYTES) return cb(AppError.validation('file', EVIDENCE_TOO_LARGE));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(file, { mode: 0o600 }));
      if (size === 0) throw AppError.validation('file', '文件是空的');
      const handle = await open(file, 'r');
      const head = new Uint8Array(16);
      await handle.read(head, 0, 16, 0).finally(() => handle.close());
      const format = evidenceFormat(head, fileName);
      if (!format) {
        throw AppError.validation(
          'file',
          `只支持 JPG、PNG 照片和 PDF、Word（.docx）文档，且内容须与扩展名一致：${fileName}`,
        );
      }
      return { id, contentType: format.contentType, size, sha256: hash.digest('hex') };
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
  }

  read(recordId: string, evidenceId: string): Readable {
    return createReadStream(this.file(recordId, evidenceId));
  }

  remove(recordId: string, evidenceId: string): Promise<void> {
    return rm(this.file(recordId, evidenceId), { force: true });
  }
}
