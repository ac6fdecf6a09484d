import {
  ErrorBody,
  IdParams,
  maskIdNumber,
  PersonCreateInput,
  PersonFilter,
  PersonListQuery,
  PersonPage,
  PersonUpdateInput,
  PersonView,
  UnmaskedIdView,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAuditEvent } from '../../core/audit/audit.js';
import { actorOf } from '../../core/auth/plugin.js';
import { type ExcelColumn, sendExcel } from '../../core/http/excel.js';
import type { PersonService } from './person.service.js';

const tags = ['参保职工'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/**
 * The export always shows the masked ID number, whatever the caller may unmask on screen: a file leaves the
 * system, and the audited unmask is per person and per view (docs/decisions/0002-exports-mask-personal-data.md).
 */
const EXPORT_COLUMNS: ExcelColumn<PersonView>[] = [
  { header: '姓名', width: 12, value: (p) => p.name },
  { header: '身份证号码（脱敏）', width: 22, value: (p) => p.idMasked },
  { header: '性别', width: 6, value: (p) => (p.sex === 'F' ? '女' : '男') },
  { header: '出生日期', width: 12, value: (p) => p.birthDate },
  { header: '用人单位', width: 36, value: (p) => p.employerName },
  { header: '岗位（工种）', width: 16, value: (p) => p.job },
  { header: '关键岗位', width: 18, value: (p) => p.keyRoleLabel },
  { header: '参保日期', width: 12, value: (p) => p.insuredFrom },
  { header: '停保日期', width: 12, value: (p) => p.insuredTo },
  { header: '在保状态', width: 10, value: (p) => (p.active ? '在保' : '已停保') },
];

export function personRoutes(persons: PersonService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/persons',
      {
        config: { access: 'employer.person.read' },
        schema: {
          tags,
          summary: '参保职工列表（管辖范围内，身份证号码脱敏；可按完整身份证号码精确查找）',
          querystring: PersonListQuery,
          response: { 200: PersonPage, 400: ErrorBody },
        },
      },
      async (req) => persons.list(actorOf(req), req.query),
    );
    app.get(
      '/persons/export',
      {
        config: { access: 'employer.person.export' },
        schema: {
          tags,
          summary: '导出参保职工（Excel，当前筛选条件；身份证号码始终脱敏；记入审计日志）',
          querystring: PersonFilter,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { idNumber, ...rest } = req.query;
        // the audit row names the filter, never a full ID number
        const filter = idNumber ? { ...rest, idNumber: maskIdNumber(idNumber) } : rest;
        await recordAuditEvent(app.core.db, actor, {
          action: 'employer.person.export',
          objectType: 'insured_person',
          changes: { filter },
        });
        const date = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
        return sendExcel(reply, `参保职工-${date}.xlsx`, '参保职工', EXPORT_COLUMNS, persons.pages(actor, req.query));
      },
    );
    app.post(
      '/persons',
      {
        // Persons are kept by the employer's record keeper: the same permission as editing the employer.
        config: { access: 'employer.update' },
        schema: { tags, summary: '新增参保职工', body: PersonCreateInput, response: { 201: PersonView, ...errors } },
      },
      async (req, reply) => reply.code(201).send(await persons.create(actorOf(req), req.body)),
    );
    app.get(
      '/persons/:id',
      {
        config: { access: 'employer.person.read' },
        schema: { tags, summary: '参保职工详情', params: IdParams, response: { 200: PersonView, 404: ErrorBody } },
      },
      async (req) => persons.get(actorOf(req), req.params.id),
    );
    app.put(
      '/persons/:id',
      {
        config: { access: 'employer.update' },
        schema: {
          tags,
          summary: '修改参保职工',
          params: IdParams,
          body: PersonUpdateInput,
          response: { 200: PersonView, ...errors },
        },
      },
      async (req) => persons.update(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/persons/:id/unmask',
      {
        config: { access: 'employer.person.unmask' },
        schema: {
          tags,
          summary: '查看完整身份证号码（记入审计日志）',
          params: IdParams,
          response: { 200: UnmaskedIdView, 404: ErrorBody },
        },
      },
      async (req) => persons.unmask(actorOf(req), req.params.id),
    );
  };
}
