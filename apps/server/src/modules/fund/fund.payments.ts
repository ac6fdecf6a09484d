import type { PaymentListQuery, PaymentPage, PaymentView, TransferInput } from '@yufang/contracts';
import { and, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Core } from '../../core/context.js';
import { AppError } from '../../core/http/errors.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { beijingDate } from '../hazard/hazard.rules.js';
import { project } from '../project/project.schema.js';
import { fundPayment } from './fund.schema.js';
import { assertCityLevel, invalid } from './fund.service.js';

const columns = {
  id: fundPayment.id,
  year: fundPayment.year,
  projectId: fundPayment.projectId,
  projectCode: project.code,
  projectTitle: project.title,
  kind: fundPayment.kind,
  amountFen: fundPayment.amountFen,
  basis: fundPayment.basis,
  postedAt: fundPayment.postedAt,
  postedByName: fundPayment.postedByName,
  voucherNo: fundPayment.voucherNo,
  transferredOn: fundPayment.transferredOn,
  version: fundPayment.version,
};
type Row = Omit<PaymentView, 'postedAt'> & { postedAt: Date };

/** Timestamps keep microseconds; cursors carry milliseconds, so the key is truncated to match. */
const postedMs = sql`date_trunc('milliseconds', ${fundPayment.postedAt})`;

const view = (r: Row): PaymentView => ({ ...r, postedAt: r.postedAt.toISOString() });

/** The payment ledger: what was posted for each project, and the agency's record of the actual transfer. */
export class PaymentLedger {
  constructor(private readonly core: Core) {}

  private filters(q: Omit<PaymentListQuery, 'limit' | 'cursor'>): SQL[] {
    const where: SQL[] = [];
    if (q.year) where.push(eq(fundPayment.year, q.year));
    if (q.kind) where.push(eq(fundPayment.kind, q.kind));
    if (q.transferred === 'yes') where.push(isNotNull(fundPayment.voucherNo));
    if (q.transferred === 'no') where.push(isNull(fundPayment.voucherNo));
    return where;
  }

  /** Newest first, keyset-paged on (posted at, id). */
  async list(q: PaymentListQuery): Promise<PaymentPage> {
    const where = this.filters(q);
    const key = decodeCursor(q.cursor, 2);
    if (key) {
      const at = new Date(String(key[0]));
      const id = String(key[1]);
      where.push(sql`(${postedMs}, ${fundPayment.id}) < (${at.toISOString()}::timestamptz, ${id}::uuid)`);
    }
    const rows = await this.core.db
      .select(columns)
      .from(fundPayment)
      .innerJoin(project, eq(project.id, fundPayment.projectId))
      .where(and(...where))
      .orderBy(desc(postedMs), desc(fundPayment.id))
      .limit(q.limit + 1);
    return toPage(rows, q.limit, (r) => [r.postedAt.toISOString(), r.id], view);
  }

  /** Every row of the filtered ledger, page by page (for the Excel export). */
  async *all(q: Omit<PaymentListQuery, 'limit' | 'cursor'>): AsyncIterable<PaymentView[]> {
    let cursor: string | undefined;
    do {
      const page = await this.list({ ...q, limit: 200, cursor });
      yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** Records the actual transfer of a posted payment, once (version-checked; a second recording is refused). */
  async recordTransfer(actor: Actor, id: string, input: TransferInput): Promise<PaymentView> {
    assertCityLevel(actor);
    await this.core.db.transaction(async (tx) => {
      const [row] = await tx.select().from(fundPayment).where(eq(fundPayment.id, id)).for('update');
      if (!row) throw AppError.notFound('付款记录不存在');
      if (row.voucherNo) {
        throw AppError.conflict(`该笔付款已于 ${row.transferredOn} 登记转账凭证 ${row.voucherNo}，不能重复登记`);
      }
      if (row.version !== input.version) throw AppError.conflict();
      const today = beijingDate(new Date());
      if (input.transferredOn > today) {
        throw invalid('transferredOn', `转账日期 ${input.transferredOn} 不能晚于今天（${today}）`);
      }
      const posted = beijingDate(row.postedAt);
      if (input.transferredOn < posted) {
        throw invalid('transferredOn', `转账日期 ${input.transferredOn} 不能早于付款登记日期 ${posted}`);
      }
      await tx
        .update(fundPayment)
        .set({
          voucherNo: input.voucherNo,
          transferredOn: input.transferredOn,
          transferRecordedBy: actor.userId,
          version: row.version + 1,
        })
        .where(eq(fundPayment.id, id));
      await recordAudit(tx, actor, {
        action: 'fund.payment.transfer',
        objectType: 'fund_payment',
        objectId: id,
        changes: { after: { voucherNo: input.voucherNo, transferredOn: input.transferredOn } },
      });
    });
    const [row] = await this.core.db
      .select(columns)
      .from(fundPayment)
      .innerJoin(project, eq(project.id, fundPayment.projectId))
      .where(eq(fundPayment.id, id));
    return view(row as Row);
  }
}
