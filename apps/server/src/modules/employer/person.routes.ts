import {
  ErrorBody,
  IdParams,
  PersonCreateInput,
  PersonListQuery,
  PersonPage,
  PersonUpdateInput,
  PersonView,
  UnmaskedIdView,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/plugin.js';
import type { PersonService } from './person.service.js';

const tags = ['参保职工'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

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
