import { CITY_CODE, maskPhone } from '@yufang/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../core/audit/audit.js';
import type { AuditActor } from '../core/auth/actor.js';
import { generateInitialPassword, hashPassword } from '../core/auth/password.js';
import type { PiiVault } from '../core/crypto/pii.js';
import type { Db } from '../core/db/index.js';
import { appUser, employer, setting, userRole, userScope } from '../core/db/schema.js';
import { notify } from '../core/notify/notify.js';
import { refreshAggregates } from '../modules/analysis/aggregate.js';
import { employerHeadcount } from '../modules/employer/employer.schema.js';
import { classifyEmployer, INDUSTRY_POLICY_DEFAULTS } from '../modules/employer/industry-policy.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';
import { seedDemoBulletins } from './bulletins.js';
import { seedDemoCampaign } from './campaign.js';
import { type DemoEmployer, generateEmployers } from './employers.js';
import { seedExchangeDemo } from './exchange.js';
import { seedDemoExperts } from './experts.js';
import { seedDemoFunds } from './funds.js';
import { seedDemoHazards } from './hazards.js';
import { generateHeadcounts } from './headcounts.js';
import { seedDemoInjuries } from './injuries.js';
import { seedDemoInspections } from './inspections.js';
import { seedDemoLedgers } from './ledgers.js';
import { seedDemoMonitoring } from './monitoring.js';
import { seedDemoPanels } from './panels.js';
import { insertDemoPersons } from './persons.js';
import { seedDemoDelivery } from './project-delivery.js';
import { insertDemoAssociation, seedDemoProjects } from './projects.js';
import { seedDemoProviders } from './providers.js';
import { Random } from './random.js';

export const DEMO_SEED = 20210101;
const DEMO_MARKER = 'demo.seeded';
const SYSTEM: AuditActor = { userId: null, username: 'system', roles: [], ip: null, requestId: null };

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ key: setting.key }).from(setting).where(eq(setting.key, DEMO_MARKER));
  return row !== undefined;
}

/**
 * Writes the generated Sanming demo data once (all rows flagged demo): employers in every county and one
 * account for every role. The same seed gives the same data.
 */
export async function seedDemo(db: Db, options: { employersPerCounty?: number; pii?: PiiVault } = {}): Promise<void> {
  if (await isSeeded(db)) return;
  const random = new Random(DEMO_SEED);
  // without a vault (tests) the safety contacts' phones are left out rather than stored in clear
  const employers = generateEmployers(random, options.employersPerCounty);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const inserted = await insertDemoEmployers(tx, employers, options.pii);
    // insured persons need the vault: their ID numbers are stored encrypted only
    if (options.pii) await insertDemoPersons(tx, options.pii, DEMO_SEED + 2, employers);
    // injuries pick their workers from the roster just inserted
    await seedDemoInjuries(tx, { cases: DEMO_SEED + 4, headcounts: DEMO_SEED + 1 }, inserted);
    // the industry association of assoc01 (prevention-project applicant)
    const association = await insertDemoAssociation(tx);
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(appUser)
        .values({
          username: account.username,
          displayName: account.displayName,
          regionCode: account.regionCode,
          unitCode: account.unitCode ?? null,
          email: `${account.username}@demo.yufang.local`,
          passwordHash,
          mustChangePassword: false,
          demo: true,
        })
        .returning({ id: appUser.id });
      const userId = (user as { id: string }).id;
      await tx.insert(userRole).values(account.roles.map((roleCode) => ({ userId, roleCode })));
      const scope = account.scope.map((s) =>
        s.code === 'first'
          ? { kind: s.kind, code: inserted.find((e) => e.countyCode === account.regionCode)?.id ?? '' }
          : s.code === 'association'
            ? { kind: s.kind, code: association }
            : s,
      );
      if (scope.length) await tx.insert(userScope).values(scope.map((s) => ({ userId, ...s })));
      await notify(tx, [userId], {
        title: '欢迎使用三明市工伤预防综合管理平台',
        body: `这是演示环境，数据均为生成的演示数据。您的角色：${account.note}。`,
        link: '/',
      });
    }
    await tx.insert(setting).values({ key: DEMO_MARKER, value: { seed: DEMO_SEED, at: new Date().toISOString() } });
    await recordAudit(tx, SYSTEM, {
      action: 'demo.seed',
      changes: { seed: DEMO_SEED, employers: employers.length, accounts: DEMO_ACCOUNTS.length },
    });
  });
  // the dashboards' aggregates of everything just written, built once now rather than by the first visitor
  await refreshAggregates(db);
  // bulletins go through the bulletin service, from the demo injuries, once the accounts are committed
  await seedDemoBulletins(db, DEMO_SEED + 5);
  // shared-data demo loads go through the exchange service (validation, upsert) after the employers are committed
  if (options.pii) {
    await seedExchangeDemo(
      db,
      options.pii,
      DEMO_SEED + 3,
      new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
    );
  }
  // hazards in every state of their life cycle, dated back from today so that some are overdue and escalated
  await seedDemoHazards(db, DEMO_SEED + 6, new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  // joint inspections (a completed one whose findings became hazards, one in progress, one planned)
  await seedDemoInspections(db, DEMO_SEED + 7, new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  // key-enterprise lists: last year's confirmed in every county, this year's drafts in a few
  await seedDemoLedgers(db, DEMO_SEED + 8, new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  await seedDemoCampaign(db, DEMO_SEED + 9, new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  await seedDemoMonitoring(db, DEMO_SEED + 10, new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  // service organisations with their record, lists and sanctions; provider01 is linked to the first one
  await seedDemoProviders(
    db,
    options.pii,
    DEMO_SEED + 11,
    new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
  );
  // the expert pool (about 120 experts; expert01 is an appointed 工伤预防 expert), after the organisations
  await seedDemoExperts(
    db,
    options.pii,
    DEMO_SEED + 12,
    new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
  );
  // expert panels (one settled, one with a decline and replacement, one awaiting expert01's scores), after the pool
  await seedDemoPanels(db, DEMO_SEED + 13, new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  // the work-injury fund's years and the prevention-fee budgets, before any project
  await seedDemoFunds(db, options.pii, DEMO_SEED + 14, today);
  // calls and projects from application to contract (reviews drawn from the pool, implementers from the registry)
  await seedDemoProjects(db, options.pii, DEMO_SEED + 15, today);
  // implementation, acceptance (one failed, with a deduction), payments and close-out of the contracted projects
  await seedDemoDelivery(db, options.pii, DEMO_SEED + 16, today);
}

// Multi-row inserts in chunks (well under PostgreSQL's 65,535 parameters a statement).
const CHUNK = 1000;

/** The demo employers (classified with the shipped default policy) and their monthly headcount series. */
async function insertDemoEmployers(tx: Db, employers: DemoEmployer[], pii: PiiVault | undefined) {
  const [key, dust] = INDUSTRY_POLICY_DEFAULTS.map((d) => d.value);
  const policy = { key: key ?? null, dust: dust ?? null };
  const rows = employers.map(({ safetyContactPhone, startMonth, stopMonth, growth, wageFen, ...e }) => ({
    ...e,
    ...classifyEmployer(e.industryCode, e.industryGroup, policy),
    safetyContactPhoneCipher: pii ? pii.encrypt(safetyContactPhone) : null,
    safetyContactPhoneMasked: pii ? maskPhone(safetyContactPhone) : null,
    demo: true,
  }));
  for (let i = 0; i < rows.length; i += CHUNK / 2) await tx.insert(employer).values(rows.slice(i, i + CHUNK / 2));
  let batch: (typeof employerHeadcount.$inferInsert)[] = [];
  for (const h of generateHeadcounts(new Random(DEMO_SEED + 1), employers)) {
    batch.push(h);
    if (batch.length === CHUNK) {
      await tx.insert(employerHeadcount).values(batch);
      batch = [];
    }
  }
  if (batch.length) await tx.insert(employerHeadcount).values(batch);
  return employers.map((e) => ({ ...e, ...classifyEmployer(e.industryCode, e.industryGroup, policy) }));
}

/**
 * Without demo data, the first start creates one system administrator with a random initial password
 * that must be changed at first login (no default accounts).
 */
export async function ensureInitialAdmin(db: Db): Promise<{ username: string; password: string } | null> {
  const [any] = await db.select({ id: appUser.id }).from(appUser).limit(1);
  if (any) return null;
  const password = generateInitialPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(appUser)
      .values({ username: 'sysadmin', displayName: '系统管理员', regionCode: CITY_CODE, passwordHash })
      .returning({ id: appUser.id });
    const userId = (user as { id: string }).id;
    await tx.insert(userRole).values({ userId, roleCode: 'sys_admin' });
    await tx.insert(userScope).values({ userId, kind: 'region', code: CITY_CODE });
    await recordAudit(tx, SYSTEM, {
      action: 'system.user.create',
      objectType: 'user',
      objectId: userId,
      changes: { after: { username: 'sysadmin', initial: true } },
    });
  });
  return { username: 'sysadmin', password };
}
