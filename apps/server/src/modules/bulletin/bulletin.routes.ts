import {
  BulletinAckInput,
  BulletinCreateInput,
  BulletinListQuery,
  BulletinPage,
  BulletinSourcePage,
  BulletinSourceQuery,
  BulletinTransitionInput,
  BulletinUpdateInput,
  BulletinView,
  BulletinWechatView,
  ErrorBody,
  IdParams,
  PageQuery,
  PendingAckPage,
  PublicBulletinPage,
  PublicBulletinQuery,
  PublicBulletinView,
} from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/plugin.js';
import type { BulletinService } from './bulletin.service.js';
import type { PublicBulletinService } from './public.service.js';

const tags = ['典型案例通报'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
// The public page is read by anyone: let browsers and proxies keep a copy for a minute, so bursts of readers
// (a bulletin shared in WeChat groups) are served from caches rather than the database.
const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=300';

export function bulletinRoutes(bulletins: BulletinService, published: PublicBulletinService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/bulletins',
      {
        config: { access: 'bulletin.read' },
        schema: {
          tags,
          summary: '典型案例通报列表',
          querystring: BulletinListQuery,
          response: { 200: BulletinPage, 400: ErrorBody },
        },
      },
      async (req) => bulletins.list(actorOf(req), req.query),
    );
    app.get(
      '/bulletins/sources',
      {
        config: { access: 'bulletin.draft' },
        schema: {
          tags,
          summary: '可起草通报的案例（管辖范围内，不含职工姓名）',
          querystring: BulletinSourceQuery,
          response: { 200: BulletinSourcePage, 400: ErrorBody },
        },
      },
      async (req) => bulletins.sources(actorOf(req), req.query),
    );
    app.post(
      '/bulletins',
      {
        config: { access: 'bulletin.draft' },
        schema: {
          tags,
          summary: '由案例起草通报（自动去标识化）',
          body: BulletinCreateInput,
          response: { 201: BulletinView, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await bulletins.create(actorOf(req), req.body)),
    );
    app.get(
      '/bulletins/:id',
      {
        config: { access: 'bulletin.read' },
        schema: { tags, summary: '通报详情', params: IdParams, response: { 200: BulletinView, 404: ErrorBody } },
      },
      async (req) => bulletins.get(actorOf(req), req.params.id),
    );
    app.put(
      '/bulletins/:id',
      {
        config: { access: 'bulletin.draft' },
        schema: {
          tags,
          summary: '修改通报草稿（正文不得含身份证号、电话、姓名）',
          params: IdParams,
          body: BulletinUpdateInput,
          response: { 200: BulletinView, ...errors },
        },
      },
      async (req) => bulletins.update(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/bulletins/:id/transitions',
      {
        // the permission of each step is in the transition table; reading is the least any step needs
        config: { access: 'bulletin.read' },
        schema: {
          tags,
          summary: '提交审核、退回、发布或撤回通报',
          params: IdParams,
          body: BulletinTransitionInput,
          response: { 200: BulletinView, ...errors },
        },
      },
      async (req) => bulletins.transition(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/bulletins/:id/acknowledge',
      {
        config: { access: 'bulletin.acknowledge' },
        schema: {
          tags,
          summary: '用人单位签收通报',
          params: IdParams,
          body: BulletinAckInput,
          response: { 200: BulletinView, ...errors },
        },
      },
      async (req) => bulletins.acknowledge(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/bulletins/:id/pending',
      {
        config: { access: 'bulletin.read' },
        schema: {
          tags,
          summary: '尚未签收的用人单位（管辖范围内）',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: PendingAckPage, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => bulletins.pending(actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/bulletins/:id/wechat',
      {
        config: { access: 'bulletin.read' },
        schema: {
          tags,
          summary: '微信公众号文本',
          params: IdParams,
          response: { 200: BulletinWechatView, 404: ErrorBody },
        },
      },
      async (req) => bulletins.wechat(actorOf(req), req.params.id, `${req.protocol}://${req.host}`),
    );

    app.get(
      '/public/bulletins',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: '已发布的典型案例（公开，无需登录）',
          querystring: PublicBulletinQuery,
          response: { 200: PublicBulletinPage, 400: ErrorBody },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', PUBLIC_CACHE);
        return published.page(req.query);
      },
    );
    app.get(
      '/public/bulletins/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: '已发布的典型案例详情（公开）',
          params: IdParams,
          response: { 200: PublicBulletinView, 404: ErrorBody },
        },
      },
      async (req, reply) => {
        const view = await published.get(req.params.id);
        reply.header('cache-control', PUBLIC_CACHE);
        return view;
      },
    );
  };
}
