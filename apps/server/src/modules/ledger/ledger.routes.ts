import {
  ErrorBody,
  INDUSTRY_SET_KEYS,
  IndustryCycleInput,
  IndustryCycleView,
  LEDGER_BASES,
  LEDGER_DECISIONS,
  LedgerAddInput,
  LedgerAmendInput,
  LedgerCountyStatus,
  LedgerDecisionInput,
  LedgerEmployerOption,
  LedgerEmployerQuery,
  type LedgerEntryView,
  LedgerParams,
  LedgerRevisionParams,
  LedgerRevisionSummary,
  LedgerVersionInput,
  LedgerView,
  LedgerYearQuery,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/plugin.js';
import { type ExcelColumn, sendExcel } from '../../core/http/excel.js';
import type { IndustryCycleService } from './industry-cycle.service.js';
import type { LedgerService } from './ledger.service.js';

const tags = ['重点行业与台账'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const EXPORT_COLUMNS: ExcelColumn<LedgerEntryView>[] = [
  { header: '单位名称', width: 32, value: (r) => r.employerName },
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '行业', value: (r) => `${r.industryCode} ${r.industryName}` },
  { header: '重点行业类别', value: (r) => r.category },
  { header: '列入依据', value: (r) => LEDGER_BASES[r.basis] },
  { header: '列入理由', width: 30, value: (r) => r.proposedReason },
  { header: '县区决定', value: (r) => LEDGER_DECISIONS[r.decision] },
  { header: '决定理由', width: 30, value: (r) => r.decisionReason },
  { header: '职工人数', value: (r) => r.workforce },
  { header: '参保人数', value: (r) => r.insured },
  { header: '参保状态', value: (r) => r.insuranceStatus },
  { header: '本年工伤', value: (r) => r.injuriesThisYear },
  { header: '上年工伤', value: (r) => r.injuriesLastYear },
  { header: '未销号隐患', value: (r) => r.openHazards },
  { header: '逾期隐患', value: (r) => r.overdueHazards },
  { header: '风险指数', value: (r) => r.riskScore },
];

export function ledgerRoutes(cycles: IndustryCycleService, ledgers: LedgerService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/industry-cycles',
      {
        config: { access: 'ledger.read' },
        schema: {
          tags,
          summary: '重点行业与尘肺病重点行业的各周期版本（含管辖范围内的企业数）',
          response: { 200: z.array(IndustryCycleView) },
        },
      },
      async (req) => cycles.list(actorOf(req)),
    );
    app.post(
      '/industry-cycles',
      {
        config: { access: 'industry.cycle.manage' },
        schema: {
          tags,
          summary: `新增行业集合版本（${Object.values(INDUSTRY_SET_KEYS).join('、')}），结束上一版本`,
          body: IndustryCycleInput,
          response: { 201: IndustryCycleView, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await cycles.create(actorOf(req), req.body)),
    );
    app.get(
      '/ledgers',
      {
        config: { access: 'ledger.read' },
        schema: {
          tags,
          summary: '各县（市、区）某年度清单状态',
          querystring: LedgerYearQuery,
          response: { 200: z.array(LedgerCountyStatus), 400: ErrorBody },
        },
      },
      async (req) => ledgers.overview(actorOf(req), req.query.year),
    );
    app.get(
      '/ledgers/:countyCode/:year',
      {
        config: { access: 'ledger.read' },
        schema: { tags, summary: '清单最新版本与台账', params: LedgerParams, response: { 200: LedgerView, ...errors } },
      },
      async (req) => ledgers.get(actorOf(req), req.params.countyCode, req.params.year),
    );
    app.get(
      '/ledgers/:countyCode/:year/revisions',
      {
        config: { access: 'ledger.read' },
        schema: {
          tags,
          summary: '清单版本历史',
          params: LedgerParams,
          response: { 200: z.array(LedgerRevisionSummary), ...errors },
        },
      },
      async (req) => ledgers.history(actorOf(req), req.params.countyCode, req.params.year),
    );
    app.get(
      '/ledgers/:countyCode/:year/revisions/:revision',
      {
        config: { access: 'ledger.read' },
        schema: {
          tags,
          summary: '清单某一版本',
          params: LedgerRevisionParams,
          response: { 200: LedgerView, ...errors },
        },
      },
      async (req) => ledgers.get(actorOf(req), req.params.countyCode, req.params.year, req.params.revision),
    );
    app.get(
      '/ledgers/:countyCode/:year/employers',
      {
        config: { access: 'ledger.manage' },
        schema: {
          tags,
          summary: '可添加到清单的本县用人单位',
          params: LedgerParams,
          querystring: LedgerEmployerQuery.pick({ q: true }),
          response: { 200: z.array(LedgerEmployerOption), ...errors },
        },
      },
      async (req) => ledgers.employerOptions(actorOf(req), req.params.countyCode, req.query.q),
    );
    app.post(
      '/ledgers/:countyCode/:year',
      {
        config: { access: 'ledger.manage' },
        schema: {
          tags,
          summary: '生成清单（行业登记与风险指数提议，第 1 版）',
          params: LedgerParams,
          response: { 201: LedgerView, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await ledgers.propose(actorOf(req), req.params.countyCode, req.params.year)),
    );
    app.post(
      '/ledgers/:countyCode/:year/decide',
      {
        config: { access: 'ledger.manage' },
        schema: {
          tags,
          summary: '纳入或剔除企业（剔除须填写理由）',
          params: LedgerParams,
          body: LedgerDecisionInput,
          response: { 200: LedgerView, ...errors },
        },
      },
      async (req) => ledgers.decide(actorOf(req), req.params.countyCode, req.params.year, req.body),
    );
    app.post(
      '/ledgers/:countyCode/:year/entries',
      {
        config: { access: 'ledger.manage' },
        schema: {
          tags,
          summary: '添加企业（须填写理由）',
          params: LedgerParams,
          body: LedgerAddInput,
          response: { 200: LedgerView, ...errors },
        },
      },
      async (req) => ledgers.add(actorOf(req), req.params.countyCode, req.params.year, req.body),
    );
    app.post(
      '/ledgers/:countyCode/:year/confirm',
      {
        config: { access: 'ledger.manage' },
        schema: {
          tags,
          summary: '确认清单',
          params: LedgerParams,
          body: LedgerVersionInput,
          response: { 200: LedgerView, ...errors },
        },
      },
      async (req) => ledgers.confirm(actorOf(req), req.params.countyCode, req.params.year, req.body.version),
    );
    app.post(
      '/ledgers/:countyCode/:year/amend',
      {
        config: { access: 'ledger.manage' },
        schema: {
          tags,
          summary: '调整已确认的清单（生成新版本，须填写调整理由）',
          params: LedgerParams,
          body: LedgerAmendInput,
          response: { 200: LedgerView, ...errors },
        },
      },
      async (req) =>
        ledgers.amend(actorOf(req), req.params.countyCode, req.params.year, req.body.version, req.body.amendReason),
    );
    app.get(
      '/ledgers/:countyCode/:year/export',
      {
        config: { access: 'ledger.read' },
        schema: { tags, summary: '导出台账（.xlsx）', params: LedgerParams, response: { 404: ErrorBody } },
      },
      async (req, reply) => {
        const view = await ledgers.exportRows(actorOf(req), req.params.countyCode, req.params.year);
        return sendExcel(
          reply,
          `${view.countyName}-${view.year}年重点企业台账-第${view.revision}版.xlsx`,
          '重点企业台账',
          EXPORT_COLUMNS,
          (async function* () {
            yield view.entries;
          })(),
        );
      },
    );
  };
}
