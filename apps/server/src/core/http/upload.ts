import { AppError } from './errors.js';

/** The name of a raw-body upload from its URL-encoded `x-file-name` header: path stripped, .xlsx or .csv only. */
export function fileNameOf(header: string | string[] | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(String(header ?? '')).trim();
  } catch {
    throw AppError.validation('fileName', '文件名（x-file-name）编码不正确，应为 URL 编码');
  }
  name = name.replace(/^.*[\\/]/, '');
  if (!name) throw AppError.validation('fileName', '请在请求头 x-file-name 中给出文件名');
  if (name.length > 200) throw AppError.validation('fileName', '文件名最多 200 个字符');
  if (!/\.(xlsx|csv)$/i.test(name)) throw AppError.validation('fileName', '只支持 .xlsx 或 .csv 文件');
  return name;
}
