import { ErrorBody, SecurityPolicyInput, SecurityPolicyView } from '@yufang/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../core/audit/audit.js';
import { actorOf } from '../../core/auth/plugin.js';
import { SECURITY_POLICY_KEY, type StoredPolicy } from '../../core/auth/security-policy.js';
import { setting } from '../../core/db/schema.js';
import { AppError } from '../../core/http/errors.js';

const tags = ['安全策略'];

function present(stored: StoredPolicy) {
  return { ...stored.policy, version: stored.version, updatedAt: stored.updatedAt?.toISOString() ?? null };
}

/** The security administrator's settings: password rules, lockout and idle timeout. */
export const securityModule: FastifyPluginAsyncZod = async (app) => {
  const { db, policies } = app.core;

  app.get(
    '/security/policy',
    {
      config: { access: 'security.policy.read' },
      schema: { tags, summary: '安全策略', response: { 200: SecurityPolicyView } },
    },
    async () => present(await policies.read()),
  );

  app.put(
    '/security/policy',
    {
      config: { access: 'security.policy.update' },
      schema: {
        tags,
        summary: '修改安全策略',
        body: SecurityPolicyInput,
        response: { 200: SecurityPolicyView, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { version, ...policy } = req.body;
      const before = await policies.read();
      if (before.version !== version) throw AppError.conflict('安全策略已被他人修改，请刷新后重试');
      await db.transaction(async (tx) => {
        const values = { value: policy, version: version + 1, updatedAt: new Date(), updatedBy: actor.userId };
        const written =
          version === 0
            ? await tx
                .insert(setting)
                .values({ key: SECURITY_POLICY_KEY, ...values })
                .onConflictDoNothing()
                .returning({ key: setting.key })
            : await tx
                .update(setting)
                .set({ ...values, version: sql`${setting.version} + 1` })
                .where(and(eq(setting.key, SECURITY_POLICY_KEY), eq(setting.version, version)))
                .returning({ key: setting.key });
        if (written.length === 0) throw AppError.conflict('安全策略已被他人修改，请刷新后重试');
        await recordAudit(tx, actor, {
          action: 'security.policy.update',
          objectType: 'setting',
          objectId: SECURITY_POLICY_KEY,
          changes: { before: before.policy, after: policy },
        });
      });
      policies.invalidate();
      return present(await policies.read());
    },
  );
};
