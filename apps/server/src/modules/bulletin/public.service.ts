import type { Core } from '../../core/context.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { presentPublic, presentPublicSummary } from './bulletin.presenter.js';
import * as repo from './bulletin.repo.js';

/** The public page's reads (no login): published bulletins only, through the public presenter (no personal data). */
export class PublicBulletinService {
  constructor(private readonly core: Pick<Core, 'db' | 'regions'>) {}

  /** The public list: published bulletins only, newest publication first. */
  async page(query: { limit: number; cursor?: string }) {
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await repo.listPublished(this.core.db, after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (r) => [(r.publishedAt as Date).toISOString(), r.id],
      (r) => presentPublicSummary(this.core.regions, r),
    );
  }

  async get(id: string) {
    const row = await repo.findPublished(this.core.db, id);
    if (!row) throw AppError.notFound('通报不存在或尚未发布');
    return presentPublic(this.core.regions, row);
  }
}
