import { DEFAULT_SECURITY_POLICY, SecurityPolicy } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { setting } from '../db/schema.js';

export const SECURITY_POLICY_KEY = 'security.policy';
const TTL_MS = 10_000;

export interface StoredPolicy {
  policy: SecurityPolicy;
  version: number;
  updatedAt: Date | null;
}

/**
 * The security policy (password rules, lockout, idle timeout) as the security administrator set it,
 * or the 等保 defaults. Cached briefly: another server process sees a change within seconds.
 */
export class SecurityPolicyStore {
  private cached: { at: number; value: StoredPolicy } | null = null;

  constructor(private readonly db: Db) {}

  async read(db: Db = this.db): Promise<StoredPolicy> {
    const [row] = await db.select().from(setting).where(eq(setting.key, SECURITY_POLICY_KEY));
    if (!row) return { policy: DEFAULT_SECURITY_POLICY, version: 0, updatedAt: null };
    const parsed = SecurityPolicy.safeParse({ ...DEFAULT_SECURITY_POLICY, ...(row.value as object) });
    return {
      policy: parsed.success ? parsed.data : DEFAULT_SECURITY_POLICY,
      version: row.version,
      updatedAt: row.updatedAt,
    };
  }

  async current(): Promise<SecurityPolicy> {
    if (!this.cached || Date.now() - this.cached.at > TTL_MS) {
      this.cached = { at: Date.now(), value: await this.read() };
    }
    return this.cached.value.policy;
  }

  invalidate(): void {
    this.cached = null;
  }
}
