import {
  ErrorBody,
  IdParams,
  InspectionListQuery,
  InspectionOptions,
  InspectionOptionsQuery,
  InspectionPlanDetail,
  InspectionPlanInput,
  InspectionPlanPage,
  InspectionPlanUpdate,
  InspectionStatusInput,
  InspectionTargetParams,
  InspectionVisitInput,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/plugin.js';
import { type ExcelColumn, sendExcel } from '../../core/http/excel.js';
import type { InspectionService } from './inspection.service.js';

const tags = ['联合检查'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

type ExportRow = Record<string, string | number | null>;
const EXPORT_COLUMNS: ExcelColumn<ExportRow>[] = [
  { header: '用人单位', width: 32, value: (r) => r.employer },
  { header: '县（市、区）', value: (r) => r.county },
  { header: '检查状态', width: 10, value: (r) => r.status },
  { header: '检查日期', width: 12, value: (r) => r.visitedOn },
  { header: '检查结果', width: 10, value: (r) => r.result },
  { header: '发现问题数', width: 10, value: (r) => r.findings },
  { header: '不合格检查项', width: 36, value: (r) => r.item },
  { header: '发现单位', value: (r) => r.unit },
  { header: '隐患编号', value: (r) => r.hazardNo },
  { header: '隐患状态', width: 10, value: (r) => r.hazardStatus },
  { header: '问题描述', width: 48, value: (r) => r.description },
];

export function inspectionRoutes(service: InspectionService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/inspections',
      {
        config: { access: 'inspection.read' },
        schema: {
          tags,
          summary: '联合检查计划（管辖范围内或本单位参加的）',
          querystring: InspectionListQuery,
          response: { 200: InspectionPlanPage, 400: ErrorBody },
        },
      },
      async (req) => service.list(actorOf(req), req.query),
    );
    app.get(
      '/inspections/options',
      {
        config: { access: 'inspection.read' },
        schema: {
          tags,
          summary: '计划表单的选项：检查范围、成员单位、默认检查清单、可选用人单位',
          querystring: InspectionOptionsQuery,
          response: { 200: InspectionOptions, 400: ErrorBody },
        },
      },
      async (req) => service.options(actorOf(req), req.query.q, req.query.regionCode),
    );
    app.post(
      '/inspections',
      {
        config: { access: 'inspection.plan' },
        schema: {
          tags,
          summary: '制定联合检查计划',
          body: InspectionPlanInput,
          response: { 201: InspectionPlanDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await service.create(actorOf(req), req.body)),
    );
    app.get(
      '/inspections/:id',
      {
        config: { access: 'inspection.read' },
        schema: {
          tags,
          summary: '检查计划、检查对象、发现的问题与结果',
          params: IdParams,
          response: { 200: InspectionPlanDetail, 404: ErrorBody },
        },
      },
      async (req) => service.get(actorOf(req), req.params.id),
    );
    app.put(
      '/inspections/:id',
      {
        config: { access: 'inspection.plan' },
        schema: {
          tags,
          summary: '调整联合检查计划',
          params: IdParams,
          body: InspectionPlanUpdate,
          response: { 200: InspectionPlanDetail, ...errors },
        },
      },
      async (req) => service.update(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/inspections/:id/status',
      {
        config: { access: 'inspection.plan' },
        schema: {
          tags,
          summary: '开始、完成或取消检查计划（取消须填写原因）',
          params: IdParams,
          body: InspectionStatusInput,
          response: { 200: InspectionPlanDetail, ...errors },
        },
      },
      async (req) => service.changeStatus(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/inspections/:id/targets/:targetId/visit',
      {
        config: { access: 'inspection.record' },
        schema: {
          tags,
          summary: '记录检查结果；不合格项登记为隐患并通知用人单位',
          params: InspectionTargetParams,
          body: InspectionVisitInput,
          response: { 200: InspectionPlanDetail, ...errors },
        },
      },
      async (req) => service.recordVisit(actorOf(req), req.params.id, req.params.targetId, req.body),
    );
    app.get(
      '/inspections/:id/export',
      {
        config: { access: 'inspection.read' },
        schema: { tags, summary: '导出检查结果（.xlsx）', params: IdParams, response: { 404: ErrorBody } },
      },
      async (req, reply) => {
        const { plan, rows } = await service.exportRows(actorOf(req), req.params.id);
        return sendExcel(
          reply,
          `${plan.planNo}-检查结果.xlsx`,
          '检查结果',
          EXPORT_COLUMNS,
          (async function* () {
            yield rows;
          })(),
        );
      },
    );
  };
}
