import type { Permission, RoleCode, ScopeEntry } from '@yufang/contracts';

/** What a record's scope columns are matched against: expanded region codes, unit codes, employer and provider ids. */
export interface ScopeSet {
  entries: ScopeEntry[];
  regions: ReadonlySet<string>;
  units: ReadonlySet<string>;
  employers: ReadonlySet<string>;
  providers: ReadonlySet<string>;
}

/** Who is calling, as far as audit needs to know (also used before a session exists, e.g. at login). */
export interface AuditActor {
  userId: string | null;
  username: string | null;
  roles: readonly string[];
  ip: string | null;
  requestId: string | null;
}

/** The signed-in user of a request, built from the session on every request. */
export interface Actor extends AuditActor {
  userId: string;
  username: string;
  displayName: string;
  roles: RoleCode[];
  permissions: ReadonlySet<Permission>;
  scope: ScopeSet;
  sessionIdHash: string;
  csrfToken: string;
  passwordChangeReason: 'initial' | 'expired' | null;
  demo: boolean;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}
