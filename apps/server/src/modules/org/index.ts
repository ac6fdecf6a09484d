import { EmployerOption, EmployerOptionQuery, RegionView, UnitView } from '@yufang/contracts';
import { and, asc, ilike, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/plugin.js';
import { scopeFilter } from '../../core/authz/scope.js';
import { employer, orgUnit, provider } from '../../core/db/schema.js';

const tags = ['区划与单位'];

/**
 * Regions, units, employers and service organisations as the caller may see them: a county officer's drop-downs hold their own
 * county (and the city and province above it for context), never another county.
 */
export const orgModule: FastifyPluginAsyncZod = async (app) => {
  const { db, regions } = app.core;

  app.get(
    '/org/regions',
    {
      config: { access: 'system.org.read' },
      schema: { tags, summary: '行政区划（管辖范围内）', response: { 200: z.array(RegionView) } },
    },
    async (req) => {
      const actor = actorOf(req);
      const visible = new Set<string>();
      for (const code of actor.scope.regions) for (const c of regions.ancestors(code)) visible.add(c);
      return regions
        .all()
        .filter((r) => visible.has(r.code))
        .sort((a, b) => a.code.localeCompare(b.code));
    },
  );

  app.get(
    '/org/units',
    {
      config: { access: 'system.org.read' },
      schema: { tags, summary: '成员单位与经办机构（管辖范围内）', response: { 200: z.array(UnitView) } },
    },
    async (req) => {
      const actor = actorOf(req);
      return db
        .select()
        .from(orgUnit)
        .where(scopeFilter(actor, { region: orgUnit.regionCode, unit: orgUnit.code }))
        .orderBy(asc(orgUnit.code));
    },
  );

  /** Name or USCC search over a registry of organisations (employers, service organisations) in the caller's scope. */
  const search = (
    table: typeof employer | typeof provider,
    scope: SQL,
    q: string | undefined,
  ): Promise<EmployerOption[]> => {
    const conditions: SQL[] = [scope];
    if (q) {
      const like = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
      conditions.push(or(ilike(table.name, like), ilike(table.uscc, like)) as SQL);
    }
    return db
      .select({ id: table.id, uscc: table.uscc, name: table.name, countyCode: table.countyCode })
      .from(table)
      .where(and(...conditions))
      .orderBy(asc(table.name))
      .limit(50);
  };

  app.get(
    '/org/employers',
    {
      config: { access: 'system.org.read' },
      schema: {
        tags,
        summary: '用人单位检索（用于选择数据范围）',
        querystring: EmployerOptionQuery,
        response: { 200: z.array(EmployerOption) },
      },
    },
    async (req) =>
      search(employer, scopeFilter(actorOf(req), { region: employer.countyCode, employer: employer.id }), req.query.q),
  );

  app.get(
    '/org/providers',
    {
      config: { access: 'system.org.read' },
      schema: {
        tags,
        summary: '服务机构检索（用于选择服务机构账户的数据范围）',
        querystring: EmployerOptionQuery,
        response: { 200: z.array(EmployerOption) },
      },
    },
    async (req) =>
      search(provider, scopeFilter(actorOf(req), { region: provider.countyCode, provider: provider.id }), req.query.q),
  );
};
