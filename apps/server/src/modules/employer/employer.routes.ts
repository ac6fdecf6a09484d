import {
  EMPLOYER_SIZES,
  EmployerFilter,
  EmployerHistoryPage,
  EmployerHistoryQuery,
  EmployerListQuery,
  EmployerPage,
  EmployerUpdateInput,
  type EmployerView,
  EmployerView as EmployerViewSchema,
  ErrorBody,
  HeadcountQuery,
  HeadcountView,
  IdParams,
  INSURANCE_STATUSES,
  OWNERSHIP_TYPES,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAuditEvent } from '../../core/audit/audit.js';
import { actorOf } from '../../core/auth/plugin.js';
import { type ExcelColumn, sendExcel } from '../../core/http/excel.js';
import type { EmployerService } from './employer.service.js';

const tags = ['用人单位'];
const yesNo = (v: boolean) => (v ? '是' : '否');

const EXPORT_COLUMNS: ExcelColumn<EmployerView>[] = [
  { header: '单位名称', width: 36, value: (e) => e.name },
  { header: '统一社会信用代码', width: 22, value: (e) => e.uscc },
  { header: '曾用名', width: 30, value: (e) => e.formerNames.join('；') },
  { header: '县（市、区）', width: 12, value: (e) => e.countyName },
  { header: '行业代码', width: 10, value: (e) => e.industryGroup ?? e.industryCode },
  { header: '行业', width: 28, value: (e) => e.industryName },
  { header: '风险类别', width: 10, value: (e) => e.riskClassName },
  { header: '重点行业', width: 10, value: (e) => yesNo(e.keyIndustry) },
  { header: '粉尘危害', width: 10, value: (e) => yesNo(e.dustHazard) },
  { header: '登记注册类型', width: 12, value: (e) => (e.ownershipType ? OWNERSHIP_TYPES[e.ownershipType] : null) },
  { header: '企业规模', width: 10, value: (e) => (e.size ? EMPLOYER_SIZES[e.size] : null) },
  { header: '职工人数', width: 10, value: (e) => e.workforce },
  { header: '法定代表人', width: 12, value: (e) => e.legalRepresentative },
  { header: '地址', width: 40, value: (e) => e.address },
  { header: '安全联系人', width: 12, value: (e) => e.safetyContactName },
  // masked only: an export leaves the system, the full number does not
  { header: '联系电话（脱敏）', width: 16, value: (e) => e.safetyContactPhoneMasked },
  { header: '参保状态', width: 10, value: (e) => INSURANCE_STATUSES[e.insuranceStatus] },
];

export function employerRoutes(employers: EmployerService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/employers',
      {
        config: { access: 'employer.read' },
        schema: {
          tags,
          summary: '用人单位列表（管辖范围内，按名称排序）',
          querystring: EmployerListQuery,
          response: { 200: EmployerPage, 400: ErrorBody },
        },
      },
      async (req) => employers.list(actorOf(req), req.query),
    );
    app.get(
      '/employers/export',
      {
        config: { access: 'employer.export' },
        schema: { tags, summary: '导出用人单位（Excel，电话脱敏）', querystring: EmployerFilter },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        await recordAuditEvent(app.core.db, actor, {
          action: 'employer.export',
          objectType: 'employer',
          changes: { filter: req.query },
        });
        const date = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
        return sendExcel(reply, `用人单位-${date}.xlsx`, '用人单位', EXPORT_COLUMNS, employers.pages(actor, req.query));
      },
    );
    app.get(
      '/employers/:id',
      {
        config: { access: 'employer.read' },
        schema: {
          tags,
          summary: '用人单位详情',
          params: IdParams,
          response: { 200: EmployerViewSchema, 404: ErrorBody },
        },
      },
      async (req) => employers.get(actorOf(req), req.params.id),
    );
    app.put(
      '/employers/:id',
      {
        config: { access: 'employer.update' },
        schema: {
          tags,
          summary: '修改用人单位信息（重新判定行业风险类别）',
          params: IdParams,
          body: EmployerUpdateInput,
          response: { 200: EmployerViewSchema, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (req) => employers.update(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/employers/:id/history',
      {
        config: { access: 'employer.read' },
        schema: {
          tags,
          summary: '用人单位变更记录',
          params: IdParams,
          querystring: EmployerHistoryQuery,
          response: { 200: EmployerHistoryPage, 404: ErrorBody },
        },
      },
      async (req) => employers.history(actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/employers/:id/headcounts',
      {
        config: { access: 'employer.read' },
        schema: {
          tags,
          summary: '月度参保人数与工资总额（分）',
          params: IdParams,
          querystring: HeadcountQuery,
          response: { 200: z.array(HeadcountView), 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => employers.headcounts(actorOf(req), req.params.id, req.query),
    );
  };
}
