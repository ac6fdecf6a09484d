import { PublicProjects, PublicProjectsQuery } from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type PublicDisclosure, publicWorkbook } from './fund.public.js';

const tags = ['公开信息'];

/** Public disclosure of prevention projects and the fee's use, without login. */
export function publicProjectRoutes(disclosure: PublicDisclosure): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/projects',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: '公开：年度工伤预防项目与预防费预算、使用情况（不含个人信息）',
          querystring: PublicProjectsQuery,
          response: { 200: PublicProjects },
        },
      },
      async (req) => disclosure.projects(req.query.year),
    );
    app.get(
      '/public/projects/export',
      {
        config: { access: 'public' },
        schema: { tags, summary: '公开：下载年度项目与预防费使用公示（Excel）', querystring: PublicProjectsQuery },
      },
      async (req, reply) => {
        const data = await disclosure.projects(req.query.year);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(`${data.year}年工伤预防项目与预防费公示.xlsx`)}`,
          )
          .send(await publicWorkbook(data));
      },
    );
  };
}
