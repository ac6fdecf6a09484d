import { formatFen, PROJECT_PHASE_LABELS, PROJECT_STATUS_LABELS, type ProjectStatus } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../../core/auth/actor.js';
import { neutraliseCell } from '../../core/http/excel.js';
import { panel } from '../panel/panel.schema.js';
import { provider } from '../provider/provider.schema.js';
import type { DeliveryContext } from './delivery.context.js';
import { acceptanceViews, deliveryView, timeline } from './delivery.view.js';
import { loadProject } from './project.store.js';

const at = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16) : '';
const fen = (v: number | null) => (v === null ? '' : formatFen(v));

/**
 * The complete file of a project as one workbook: overview, timeline, review and acceptance, contract and payments,
 * reports with attendance (ID numbers masked), checks, and the document list with versions and sha256.
 */
export async function archiveWorkbook(
  ctx: DeliveryContext,
  actor: Actor,
  id: string,
): Promise<{ name: string; data: Buffer }> {
  const p = await loadProject(ctx.core.db, actor, id);
  const d = await deliveryView(ctx, actor, id);
  const tl = await timeline(ctx, actor, id);
  const [impl] = p.implementerProviderId
    ? await ctx.core.db.select({ name: provider.name }).from(provider).where(eq(provider.id, p.implementerProviderId))
    : [];
  const [review] = p.reviewPanelId ? await ctx.core.db.select().from(panel).where(eq(panel.id, p.reviewPanelId)) : [];
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], rows: unknown[][], width = 20) => {
    const s = wb.addWorksheet(name);
    s.columns = header.map((h) => ({ header: h, width }));
    s.getRow(1).font = { bold: true };
    for (const r of rows) s.addRow(r.map(neutraliseCell));
  };
  sheet(
    '概况',
    ['项目', '内容'],
    [
      ['项目编号', p.code ?? ''],
      ['项目名称', p.title],
      ['年度', p.year],
      ['申报单位', p.applicantName],
      ['项目类型', p.type],
      ['状态', PROJECT_STATUS_LABELS[p.status as ProjectStatus]],
      ['实施单位', impl?.name ?? ''],
      ['合同编号', p.contractNo ?? ''],
      ['合同金额（元）', fen(p.contractFen)],
      ['预付比例（%）', p.prepaymentPct ?? ''],
      ['扣减金额（元）', fen(p.deductionFen)],
      ['终止理由', p.terminationReason ?? ''],
      ['项目内容', p.content],
    ],
    30,
  );
  sheet(
    '时间线',
    ['阶段', '时间', '事项', '操作人'],
    tl.phases.flatMap((ph) => ph.events.map((e) => [PROJECT_PHASE_LABELS[ph.phase], at(e.at), e.summary, e.actorName])),
  );
  const acceptances = await acceptanceViews(ctx.core.db, id);
  sheet(
    '评审与验收',
    ['环节', '轮次', '专家组评分', '结论', '完成情况', '说明'],
    [
      ...(review
        ? [
            [
              '立项评审',
              1,
              review.conclusionScore === null ? '' : review.conclusionScore / 100,
              review.conclusion ?? '',
              '',
              '',
            ],
          ]
        : []),
      ...acceptances.map((a) => [
        '验收',
        a.round,
        a.score === null ? '' : a.score / 100,
        { pending: '待验收', passed: '合格', failed: '不合格' }[a.outcome],
        a.delivered
          .map((r) => `${r.label} ${r.delivered}/${r.comparator}${r.target}${r.unit}${r.met ? '✓' : '✗'}`)
          .join('；'),
        a.note ?? '',
      ]),
    ],
  );
  sheet(
    '合同与付款',
    ['类别', '金额（元）', '计算依据', '登记时间', '登记人', '凭证号', '转账日期'],
    d.payments.map((x) => [
      x.kindLabel,
      fen(x.amountFen),
      x.basis,
      at(x.postedAt),
      x.postedByName,
      x.voucherNo ?? '',
      x.transferredOn ?? '',
    ]),
  );
  sheet(
    '报告与签到（脱敏）',
    ['报告时间', '节点', '进展', '培训日期', '场地', '姓名', '身份证号码（脱敏）', '单位统一社会信用代码', '参保核验'],
    d.reports.flatMap((r) => {
      const head = [at(r.submittedAt), r.milestoneName ?? '', r.summary, r.sessionOn ?? '', r.venue ?? ''];
      if (!r.attendance.length) return [[...head, '', '', '', '']];
      return r.attendance.map((a) => [
        ...head,
        a.name,
        a.idMasked,
        a.employerUscc,
        a.insured ? '在保' : (a.flag ?? ''),
      ]);
    }),
  );
  sheet(
    '检查',
    ['检查日期', '结论', '检查情况', '整改要求', '检查人'],
    d.checks.map((c) => [
      c.checkedOn,
      c.result === 'ok' ? '未发现问题' : '发现问题',
      c.findings,
      c.followUp ?? '',
      c.checkedByName,
    ]),
  );
  sheet(
    '文档清单',
    ['类别', '名称', '版本', '大小（字节）', 'sha256', '上传人', '上传时间'],
    d.documents.map((x) => [x.kind, x.name, x.version, x.size, x.sha256, x.uploadedByName, at(x.uploadedAt)]),
  );
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { name: `项目档案-${p.code ?? p.id}.xlsx`, data };
}
