import { type ErrorCode, FIELD_LABELS } from '@yufang/contracts';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export interface FieldProblem {
  field: string;
  message: string;
}

/** An error a clerk can act on: a code, an HTTP status and a Chinese message naming the field. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.status = STATUS[code];
  }

  static validation(field: string, message: string) {
    const label = FIELD_LABELS[field] ?? field;
    return new AppError('VALIDATION', `${label}：${message}`, [{ field, message }]);
  }
  /** Throws when a pure rule found problems: the message names the first field and lists every rule broken. */
  static assertNoProblems(problems: readonly FieldProblem[]): void {
    const first = problems[0];
    if (!first) return;
    throw new AppError('VALIDATION', `${fieldLabel(first.field)}：${problems.map((p) => p.message).join('；')}`, [
      ...problems,
    ]);
  }
  static notFound(message = '记录不存在或不在您的管辖范围内') {
    return new AppError('NOT_FOUND', message);
  }
  static forbidden(message = '您没有执行此操作的权限') {
    return new AppError('FORBIDDEN', message);
  }
  static conflict(message = '记录已被他人修改，请刷新后重试') {
    return new AppError('CONFLICT', message);
  }
  static unauthenticated(message = '请先登录') {
    return new AppError('UNAUTHENTICATED', message);
  }
}

/** The Chinese label of a field path such as `scope.0.code`: the first named segment that has a label. */
export function fieldLabel(path: string): string {
  const named = path.split('.').filter((p) => p && !/^\d+$/.test(p));
  for (let i = named.length - 1; i >= 0; i--) {
    const label = FIELD_LABELS[named[i] as string];
    if (label) return label;
  }
  return path || '请求';
}
