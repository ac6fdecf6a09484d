import {
  CITY_CODE,
  ErrorBody,
  IdParams,
  MONITORING_REASON_LABELS,
  MonitoringActionInput,
  MonitoringAddInput,
  MonitoringCounts,
  MonitoringDetail,
  MonitoringExitInput,
  MonitoringListQuery,
  MonitoringOptions,
  MonitoringOwnerInput,
  MonitoringPage,
  MonitoringSweepResult,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAuditEvent } from '../../core/audit/audit.js';
import { actorOf } from '../../core/auth/plugin.js';
import { AppError } from '../../core/http/errors.js';
import { sendExcel } from '../../core/http/excel.js';
import type { MonitoringService } from './monitoring.service.js';

const tags = ['重点监控'];
const Edit = { 200: MonitoringDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function monitoringRoutes(service: MonitoringService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/monitoring',
      {
        config: { access: 'monitoring.read' },
        schema: {
          tags,
          summary: '重点监控名单（管辖范围内）',
          querystring: MonitoringListQuery,
          response: { 200: MonitoringPage, 400: ErrorBody },
        },
      },
      async (req) => service.list(actorOf(req), req.query),
    );
    app.get(
      '/monitoring/counts',
      {
        config: { access: 'monitoring.read' },
        schema: {
          tags,
          summary: '按列入原因统计',
          querystring: MonitoringListQuery.pick({ countyCode: true, status: true }),
          response: { 200: MonitoringCounts, 400: ErrorBody },
        },
      },
      async (req) => service.counts(actorOf(req), req.query),
    );
    app.get(
      '/monitoring/options',
      {
        config: { access: 'monitoring.read' },
        schema: { tags, summary: '筛选项：县区与负责人', response: { 200: MonitoringOptions } },
      },
      async (req) => service.options(actorOf(req)),
    );
    app.get(
      '/monitoring/export',
      {
        config: { access: 'monitoring.read' },
        schema: { tags, summary: '导出重点监控名单（.xlsx）', querystring: MonitoringListQuery },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        await recordAuditEvent(app.core.db, actor, {
          action: 'monitoring.export',
          objectType: 'monitoring_entry',
          changes: { filter: req.query },
        });
        return sendExcel(
          reply,
          `重点监控名单-${service.today()}.xlsx`,
          '重点监控',
          [
            { header: '用人单位', width: 30, value: (r) => r.employerName },
            { header: '县（市、区）', value: (r) => r.countyName },
            { header: '列入原因', value: (r) => MONITORING_REASON_LABELS[r.reason] },
            { header: '具体情况', width: 50, value: (r) => r.detail },
            { header: '列入日期', value: (r) => r.enteredOn },
            { header: '来源', value: (r) => (r.source === 'system' ? '系统筛查' : '人工列入') },
            { header: '负责人', value: (r) => r.ownerName },
            { header: '在册天数', value: (r) => r.daysOnList },
            { header: '状态', value: (r) => (r.status === 'active' ? '监控中' : '已移出') },
            { header: '移出日期', value: (r) => r.exitedOn },
            { header: '移出理由', width: 40, value: (r) => r.exitReason },
          ],
          service.pages(actor, req.query),
        );
      },
    );
    app.post(
      '/monitoring/sweep',
      {
        config: { access: 'monitoring.manage' },
        schema: { tags, summary: '立即筛查（市级管理员）', response: { 200: MonitoringSweepResult, 403: ErrorBody } },
      },
      async (req) => {
        const actor = actorOf(req);
        if (!actor.scope.regions.has(CITY_CODE)) throw AppError.forbidden('只有市级管理员可以立即筛查');
        return service.sweep(actor);
      },
    );
    app.post(
      '/monitoring',
      {
        config: { access: 'monitoring.manage' },
        schema: {
          tags,
          summary: '人工列入重点监控（须填写理由）',
          body: MonitoringAddInput,
          response: { 201: MonitoringDetail, 400: ErrorBody },
        },
      },
      async (req, reply) => reply.code(201).send(await service.add(actorOf(req), req.body)),
    );
    app.get(
      '/monitoring/:id',
      {
        config: { access: 'monitoring.read' },
        schema: {
          tags,
          summary: '重点监控详情与跟进记录',
          params: IdParams,
          response: { 200: MonitoringDetail, 404: ErrorBody },
        },
      },
      async (req) => service.get(actorOf(req), req.params.id),
    );
    app.post(
      '/monitoring/:id/owner',
      {
        config: { access: 'monitoring.manage' },
        schema: { tags, summary: '指定负责人', params: IdParams, body: MonitoringOwnerInput, response: Edit },
      },
      async (req) => service.setOwner(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/monitoring/:id/actions',
      {
        config: { access: 'monitoring.manage' },
        schema: { tags, summary: '登记跟进情况', params: IdParams, body: MonitoringActionInput, response: Edit },
      },
      async (req) => service.addAction(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/monitoring/:id/exit',
      {
        config: { access: 'monitoring.manage' },
        schema: {
          tags,
          summary: '移出重点监控（须填写理由）',
          params: IdParams,
          body: MonitoringExitInput,
          response: Edit,
        },
      },
      async (req) => service.exit(actorOf(req), req.params.id, req.body),
    );
  };
}
