import {
  BudgetInput,
  BudgetView,
  ErrorBody,
  FUND_PAYMENT_KIND_LABELS,
  FundImportInput,
  FundImportResult,
  FundOverview,
  FundYearInput,
  FundYearParams,
  FundYearView,
  formatFen,
  IdParams,
  PaymentListQuery,
  PaymentPage,
  PaymentView,
  TransferInput,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAuditEvent } from '../../core/audit/audit.js';
import { actorOf } from '../../core/auth/plugin.js';
import { sendExcel } from '../../core/http/excel.js';
import { datetimeText } from './fund.format.js';
import { fundYearTemplate } from './fund.import.js';
import type { PaymentLedger } from './fund.payments.js';
import type { FundService } from './fund.service.js';

const tags = ['工伤预防费'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Fund years, the budget line (/fund) and the payment ledger (/fund/payments). */
export function fundRoutes(service: FundService, ledger: PaymentLedger): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/fund/overview',
      {
        config: { access: 'fund.read' },
        schema: { tags, summary: '历年基金收支、预防费上限与预算台账', response: { 200: FundOverview } },
      },
      async () => service.overview(),
    );
    app.put(
      '/fund/years/:year',
      {
        config: { access: 'fund.manage' },
        schema: {
          tags,
          summary: '录入或更正年度工伤保险基金征缴收入与支出（版本号校验；更正会重算次年上限）',
          params: FundYearParams,
          body: FundYearInput,
          response: { 200: FundYearView, ...errors },
        },
      },
      async (req) => service.saveYear(actorOf(req), req.params.year, req.body),
    );
    app.get(
      '/fund/years/template',
      { config: { access: 'fund.manage' }, schema: { tags, summary: '下载年度基金收支导入模板（Excel）' } },
      async (_req, reply) =>
        reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent('年度基金收支导入模板.xlsx')}`,
          )
          .send(await fundYearTemplate()),
    );
    app.post(
      '/fund/years/import',
      {
        config: { access: 'fund.manage' },
        schema: {
          tags,
          summary: '导入年度基金收支（.xlsx，全部正确才导入，逐行报错）',
          body: FundImportInput,
          response: { 200: FundImportResult, ...errors },
        },
      },
      async (req) => service.importYears(actorOf(req), req.body),
    );
    app.get(
      '/fund/budgets/:year',
      {
        config: { access: 'fund.read' },
        schema: {
          tags,
          summary: '年度预算台账',
          params: FundYearParams,
          response: { 200: BudgetView, 404: ErrorBody },
        },
      },
      async (req) => service.budget(req.params.year),
    );
    app.put(
      '/fund/budgets/:year',
      {
        config: { access: 'fund.manage' },
        schema: {
          tags,
          summary: '编制或调整年度工伤预防费预算（不超过上限；版本号校验）',
          params: FundYearParams,
          body: BudgetInput,
          response: { 200: BudgetView, ...errors },
        },
      },
      async (req) => service.setBudget(actorOf(req), req.params.year, req.body),
    );

    app.get(
      '/fund/payments',
      {
        config: { access: 'fund.read' },
        schema: {
          tags,
          summary: '支付台账（年度、款项、是否已转账）',
          querystring: PaymentListQuery,
          response: { 200: PaymentPage, 400: ErrorBody },
        },
      },
      async (req) => ledger.list(req.query),
    );
    app.get(
      '/fund/payments/export',
      {
        config: { access: 'fund.read' },
        schema: {
          tags,
          summary: '导出支付台账（Excel）',
          querystring: PaymentListQuery.omit({ limit: true, cursor: true }),
        },
      },
      async (req, reply) => {
        await recordAuditEvent(app.core.db, actorOf(req), {
          action: 'fund.payment.export',
          objectType: 'fund_payment',
          changes: { filter: req.query },
        });
        return sendExcel<PaymentView>(
          reply,
          '工伤预防费支付台账.xlsx',
          '支付台账',
          [
            { header: '年度', width: 8, value: (r) => r.year },
            { header: '项目编号', width: 16, value: (r) => r.projectCode },
            { header: '项目名称', width: 36, value: (r) => r.projectTitle },
            { header: '款项', width: 10, value: (r) => FUND_PAYMENT_KIND_LABELS[r.kind] },
            { header: '金额（元）', width: 16, value: (r) => formatFen(r.amountFen) },
            { header: '计算依据', width: 50, value: (r) => r.basis },
            { header: '登记时间', width: 20, value: (r) => datetimeText(r.postedAt) },
            { header: '登记人', width: 12, value: (r) => r.postedByName },
            { header: '转账凭证号', width: 20, value: (r) => r.voucherNo },
            { header: '转账日期', width: 14, value: (r) => r.transferredOn },
          ],
          ledger.all(req.query),
        );
      },
    );
    app.post(
      '/fund/payments/:id/transfer',
      {
        config: { access: 'fund.pay' },
        schema: {
          tags,
          summary: '登记实际转账（凭证号、日期；只能登记一次）',
          params: IdParams,
          body: TransferInput,
          response: { 200: PaymentView, ...errors },
        },
      },
      async (req) => ledger.recordTransfer(actorOf(req), req.params.id, req.body),
    );
  };
}
