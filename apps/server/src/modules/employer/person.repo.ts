import type { PersonListQuery } from '@yufang/contracts';
import { and, asc, eq, getTableColumns, gt, gte, ilike, isNull, lte, not, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { scopeFilter } from '../../core/authz/scope.js';
import type { Db } from '../../core/db/index.js';
import { employer } from '../../core/db/schema.js';
import { insuredPerson } from './employer.schema.js';

const { idCipher: _cipher, ...personFields } = getTableColumns(insuredPerson);
const personColumns = { ...personFields, employerName: employer.name };

/** A person row as services use it: everything but the ciphertext, with the employer's name. */
export type PersonRow = Omit<typeof insuredPerson.$inferSelect, 'idCipher'> & { employerName: string };

/** A person is in scope when its employer is: the employer's county, or the employer itself. */
export function personScopeFilter(actor: Actor): SQL {
  return scopeFilter(actor, { region: employer.countyCode, employer: employer.id });
}

function selectPersons(db: Db) {
  return db.select(personColumns).from(insuredPerson).innerJoin(employer, eq(employer.id, insuredPerson.employerId));
}

export async function findPersonInScope(db: Db, actor: Actor, id: string): Promise<PersonRow | undefined> {
  const [row] = await selectPersons(db).where(and(eq(insuredPerson.id, id), personScopeFilter(actor)));
  return row;
}

/** The ciphertext of one in-scope person's ID number, for the audited unmask. */
export async function findCipherInScope(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ idCipher: string; employerId: string; idMasked: string } | undefined> {
  const [row] = await db
    .select({
      idCipher: insuredPerson.idCipher,
      employerId: insuredPerson.employerId,
      idMasked: insuredPerson.idMasked,
    })
    .from(insuredPerson)
    .innerJoin(employer, eq(employer.id, insuredPerson.employerId))
    .where(and(eq(insuredPerson.id, id), personScopeFilter(actor)));
  return row;
}

/** One page (limit + 1 rows) in (name, id) order; `idHash` is the keyed hash of an exact ID number. */
export async function listPersonsInScope(
  db: Db,
  actor: Actor,
  q: PersonListQuery,
  filters: { idHash?: string; today: string },
  after: [string, string] | null,
): Promise<PersonRow[]> {
  const conditions: SQL[] = [personScopeFilter(actor)];
  if (q.employerId) conditions.push(eq(insuredPerson.employerId, q.employerId));
  if (q.q) conditions.push(ilike(insuredPerson.name, `%${q.q.replace(/[\\%_]/g, '\\$&')}%`));
  if (filters.idHash) conditions.push(eq(insuredPerson.idHash, filters.idHash));
  if (q.keyRole) conditions.push(eq(insuredPerson.keyRole, q.keyRole));
  if (q.active !== undefined) {
    const active = and(
      lte(insuredPerson.insuredFrom, filters.today),
      or(isNull(insuredPerson.insuredTo), gte(insuredPerson.insuredTo, filters.today)),
    ) as SQL;
    conditions.push(q.active ? active : not(active));
  }
  if (after) {
    const [name, id] = after;
    conditions.push(
      or(gt(insuredPerson.name, name), and(eq(insuredPerson.name, name), gt(insuredPerson.id, id))) as SQL,
    );
  }
  return selectPersons(db)
    .where(and(...conditions))
    .orderBy(asc(insuredPerson.name), asc(insuredPerson.id))
    .limit(q.limit + 1);
}

/** Another spell of the same person at the same employer from the same date (the unique key), if any. */
export async function findSpell(
  db: Db,
  key: { employerId: string; idHash: string; insuredFrom: string },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: insuredPerson.id })
    .from(insuredPerson)
    .where(
      and(
        eq(insuredPerson.employerId, key.employerId),
        eq(insuredPerson.idHash, key.idHash),
        eq(insuredPerson.insuredFrom, key.insuredFrom),
      ),
    );
  return row;
}

export async function employerInScope(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: employer.id, name: employer.name })
    .from(employer)
    .where(and(eq(employer.id, id), scopeFilter(actor, { region: employer.countyCode, employer: employer.id })));
  return row;
}
