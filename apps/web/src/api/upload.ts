import { ErrorBody } from '@yufang/contracts';
import { API_BASE, ApiError } from './client';

/** A refused upload: the server's ErrorBody plus whatever else it answered (a data set's refused load). */
export class UploadError extends ApiError {
  readonly payload: unknown;

  constructor(status: number, body: ErrorBody, payload: unknown) {
    super(status, body);
    this.payload = payload;
  }
}

/**
 * Sends a file as the raw body (no multipart) with its name URL-encoded in x-file-name and the CSRF token;
 * XMLHttpRequest because fetch reports no upload progress. Resolves with the JSON answer, rejects with UploadError.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  csrfToken: string,
  onProgress: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded * 100) / e.total));
    };
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // not JSON (a proxy's error page)
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(payload as T);
        return;
      }
      const parsed = ErrorBody.safeParse(payload);
      const body: ErrorBody = parsed.success
        ? parsed.data
        : { code: 'INTERNAL', message: `上传失败（HTTP ${xhr.status}）` };
      reject(new UploadError(xhr.status, body, payload));
    };
    xhr.onerror = () =>
      reject(new UploadError(0, { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }, null));
    xhr.send(file);
  });
}
