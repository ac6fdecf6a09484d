import {
  AccidentDetail,
  AccidentFilter,
  AccidentInput,
  AccidentListQuery,
  AccidentPage,
  AccidentUpdate,
  CostParams,
  DiseaseCaseInput,
  DiseaseCasePage,
  DiseaseCaseUpdate,
  DiseaseCaseView,
  DiseaseFilter,
  DiseaseListQuery,
  ErrorBody,
  IdParams,
  InjuryCaseDetail,
  InjuryCaseInput,
  InjuryCasePage,
  InjuryCaseUpdate,
  InjuryCostInput,
  InjuryCostView,
  InjuryFilter,
  InjuryListQuery,
  WorkerLookupInput,
  WorkerLookupView,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/plugin.js';
import type { AccidentService } from './accident.service.js';
import type { DiseaseService } from './disease.service.js';
import { ACCIDENT_EXPORT, DISEASE_EXPORT, exportRoute, INJURY_EXPORT } from './injury.export.js';
import type { InjuryService } from './injury.service.js';
import { lookUpWorker } from './injury.worker.js';

const tags = ['工伤与职业病'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function injuryRoutes(
  injuries: InjuryService,
  diseases: DiseaseService,
  accidents: AccidentService,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/injuries',
      {
        config: { access: 'injury.read' },
        schema: {
          tags,
          summary: '工伤案件列表（管辖范围内，按发生时间倒序）',
          querystring: InjuryListQuery,
          response: { 200: InjuryCasePage, 400: ErrorBody },
        },
      },
      async (req) => injuries.list(actorOf(req), req.query),
    );
    await app.register(
      exportRoute({
        url: '/injuries/export',
        summary: '导出工伤案件（Excel，身份证号码脱敏）',
        tags,
        filter: InjuryFilter,
        action: 'injury.case.export',
        title: '工伤案件',
        columns: INJURY_EXPORT,
        pages: (actor, f) => injuries.pages(actor, f),
      }),
    );
    app.post(
      '/injuries/worker-lookup',
      {
        config: { access: 'injury.write' },
        schema: {
          tags,
          summary: '按身份证号码在单位参保名册中查找职工',
          body: WorkerLookupInput,
          response: { 200: WorkerLookupView, 400: ErrorBody },
        },
      },
      async (req) => lookUpWorker(app.core, actorOf(req), req.body),
    );
    app.get(
      '/injuries/:id',
      {
        config: { access: 'injury.read' },
        schema: {
          tags,
          summary: '工伤案件详情（含基金支出与时间线）',
          params: IdParams,
          response: { 200: InjuryCaseDetail, 404: ErrorBody },
        },
      },
      async (req) => injuries.get(actorOf(req), req.params.id),
    );
    app.post(
      '/injuries',
      {
        config: { access: 'injury.write' },
        schema: {
          tags,
          summary: '登记工伤案件',
          body: InjuryCaseInput,
          response: { 201: InjuryCaseDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await injuries.create(actorOf(req), req.body)),
    );
    app.put(
      '/injuries/:id',
      {
        config: { access: 'injury.write' },
        schema: {
          tags,
          summary: '修改工伤案件',
          params: IdParams,
          body: InjuryCaseUpdate,
          response: { 200: InjuryCaseDetail, ...errors },
        },
      },
      async (req) => injuries.update(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/injuries/:id/costs',
      {
        config: { access: 'injury.write' },
        schema: {
          tags,
          summary: '添加基金支出项目（分）',
          params: IdParams,
          body: InjuryCostInput,
          response: { 201: InjuryCostView, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await injuries.addCost(actorOf(req), req.params.id, req.body)),
    );
    app.delete(
      '/injuries/:id/costs/:costId',
      {
        config: { access: 'injury.write' },
        schema: { tags, summary: '删除基金支出项目', params: CostParams, response: { 204: z.null(), 404: ErrorBody } },
      },
      async (req, reply) => {
        await injuries.removeCost(actorOf(req), req.params.id, req.params.costId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/diseases',
      {
        config: { access: 'injury.read' },
        schema: {
          tags,
          summary: '职业病病例列表（按诊断日期倒序）',
          querystring: DiseaseListQuery,
          response: { 200: DiseaseCasePage, 400: ErrorBody },
        },
      },
      async (req) => diseases.list(actorOf(req), req.query),
    );
    await app.register(
      exportRoute({
        url: '/diseases/export',
        summary: '导出职业病病例（Excel，身份证号码脱敏）',
        tags,
        filter: DiseaseFilter,
        action: 'injury.disease.export',
        title: '职业病病例',
        columns: DISEASE_EXPORT,
        pages: (actor, f) => diseases.pages(actor, f),
      }),
    );
    app.get(
      '/diseases/:id',
      {
        config: { access: 'injury.read' },
        schema: {
          tags,
          summary: '职业病病例详情',
          params: IdParams,
          response: { 200: DiseaseCaseView, 404: ErrorBody },
        },
      },
      async (req) => diseases.get(actorOf(req), req.params.id),
    );
    app.post(
      '/diseases',
      {
        config: { access: 'injury.write' },
        schema: {
          tags,
          summary: '登记职业病病例',
          body: DiseaseCaseInput,
          response: { 201: DiseaseCaseView, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await diseases.create(actorOf(req), req.body)),
    );
    app.put(
      '/diseases/:id',
      {
        config: { access: 'injury.write' },
        schema: {
          tags,
          summary: '修改职业病病例',
          params: IdParams,
          body: DiseaseCaseUpdate,
          response: { 200: DiseaseCaseView, ...errors },
        },
      },
      async (req) => diseases.update(actorOf(req), req.params.id, req.body),
    );

    app.get(
      '/accidents',
      {
        config: { access: 'injury.read' },
        schema: {
          tags,
          summary: '生产安全事故列表（按发生时间倒序）',
          querystring: AccidentListQuery,
          response: { 200: AccidentPage, 400: ErrorBody },
        },
      },
      async (req) => accidents.list(actorOf(req), req.query),
    );
    await app.register(
      exportRoute({
        url: '/accidents/export',
        summary: '导出生产安全事故（Excel）',
        tags,
        filter: AccidentFilter,
        action: 'injury.accident.export',
        title: '生产安全事故',
        columns: ACCIDENT_EXPORT,
        pages: (actor, f) => accidents.pages(actor, f),
      }),
    );
    app.get(
      '/accidents/:id',
      {
        config: { access: 'injury.read' },
        schema: {
          tags,
          summary: '生产安全事故详情（含关联工伤案件）',
          params: IdParams,
          response: { 200: AccidentDetail, 404: ErrorBody },
        },
      },
      async (req) => accidents.get(actorOf(req), req.params.id),
    );
    app.post(
      '/accidents',
      {
        config: { access: 'injury.write' },
        schema: {
          tags,
          summary: '登记生产安全事故（自动判定事故等级）',
          body: AccidentInput,
          response: { 201: AccidentDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await accidents.create(actorOf(req), req.body)),
    );
    app.put(
      '/accidents/:id',
      {
        config: { access: 'injury.write' },
        schema: {
          tags,
          summary: '修改生产安全事故',
          params: IdParams,
          body: AccidentUpdate,
          response: { 200: AccidentDetail, ...errors },
        },
      },
      async (req) => accidents.update(actorOf(req), req.params.id, req.body),
    );
  };
}
