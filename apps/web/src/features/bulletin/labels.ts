import type { BulletinStatus } from '@yufang/contracts';

export const STATUS_COLORS: Record<BulletinStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  published: 'success',
  withdrawn: 'warning',
};

/** 0.333… → “33.3%”; null (nothing targeted) → “—”. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
