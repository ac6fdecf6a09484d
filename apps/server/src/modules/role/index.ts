import { PERMISSIONS, ROLES, RoleView } from '@yufang/contracts';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/plugin.js';
import { appUser, userRole } from '../../core/db/schema.js';
import { userScopeFilter } from '../user/user.repo.js';

/** The built-in roles with their permissions and how many accounts in the caller's scope hold each. */
export const roleModule: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/roles',
    {
      config: { access: 'system.role.read' },
      schema: { tags: ['角色'], summary: '角色与权限', response: { 200: z.array(RoleView) } },
    },
    async (req) => {
      const actor = actorOf(req);
      const counts = await app.core.db
        .select({ code: userRole.roleCode, n: count() })
        .from(userRole)
        .innerJoin(appUser, eq(appUser.id, userRole.userId))
        .where(and(userScopeFilter(actor), eq(appUser.disabled, false)))
        .groupBy(userRole.roleCode);
      const byRole = new Map(counts.map((c) => [c.code, Number(c.n)]));
      return ROLES.map((r) => ({
        code: r.code,
        name: r.name,
        nameEn: r.nameEn,
        description: r.description,
        scopeKind: r.scopeKind,
        permissions: r.permissions.map((p) => ({ code: p, label: PERMISSIONS[p] })),
        userCount: byRole.get(r.code) ?? 0,
      }));
    },
  );
};
