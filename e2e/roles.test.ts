import { PERMISSIONS, type Permission, ROLES } from '@yufang/contracts';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../apps/server/src/demo/accounts.js';
import { menuTexts, signIn, text } from './journeys.js';
import { hasBrowser, type Platform, screenshot, startPlatform } from './server.js';

/** Menu pages with the path a user could type in, their menu section (none: top level) and permission. */
const PAGES: { label: string; path: string; group?: string; permission: Permission }[] = [
  { label: '用人单位', path: '/employers', permission: 'employer.read' },
  { label: '参保职工', path: '/persons', permission: 'employer.person.read' },
  { label: '数据导入', path: '/imports', permission: 'import.read' },
  { label: '典型案例通报', path: '/bulletins', permission: 'bulletin.read' },
  { label: '隐患治理', path: '/hazards', permission: 'hazard.read' },
  { label: '联合检查', path: '/inspections', permission: 'inspection.read' },
  { label: '重点企业台账', path: '/ledgers', permission: 'ledger.read' },
  { label: '尘肺病扩面', path: '/campaign', permission: 'campaign.read' },
  { label: '重点监控', path: '/monitoring', permission: 'monitoring.read' },
  { label: '重点行业', path: '/industry-cycles', permission: 'ledger.read' },
  { label: '专家库', path: '/experts', group: '专家与服务机构', permission: 'expert.read' },
  { label: '专家抽取', path: '/panels', group: '专家与服务机构', permission: 'panel.read' },
  { label: '我的评审任务', path: '/my-assignments', group: '专家与服务机构', permission: 'panel.assignment' },
  { label: '工伤事故', path: '/injuries', group: '工伤与职业病', permission: 'injury.read' },
  { label: '职业病', path: '/diseases', group: '工伤与职业病', permission: 'injury.read' },
  { label: '生产安全事故', path: '/accidents', group: '工伤与职业病', permission: 'injury.read' },
  { label: '服务机构', path: '/providers', group: '专家与服务机构', permission: 'provider.read' },
  { label: '本机构', path: '/my-provider', group: '专家与服务机构', permission: 'provider.self' },
  { label: '申报指南', path: '/project-calls', group: '预防项目与经费', permission: 'project.read' },
  { label: '预防项目', path: '/projects', group: '预防项目与经费', permission: 'project.read' },
  { label: '疑点复核', path: '/project-flags', group: '预防项目与经费', permission: 'project.manage' },
  { label: '基金与预算', path: '/fund', group: '预防项目与经费', permission: 'fund.read' },
  { label: '支付台账', path: '/fund/payments', group: '预防项目与经费', permission: 'fund.read' },
  { label: '统计分析看板', path: '/analysis', group: '统计分析', permission: 'analysis.read' },
  { label: '五年目标进度', path: '/analysis/targets', group: '统计分析', permission: 'analysis.read' },
  { label: '风险指数', path: '/analysis/risk', group: '统计分析', permission: 'analysis.read' },
  { label: '年度分析报告', path: '/analysis/report', group: '统计分析', permission: 'analysis.report' },
  { label: '数据目录', path: '/exchange/catalogue', group: '数据共享', permission: 'exchange.catalog.read' },
  { label: '接口令牌', path: '/exchange/tokens', group: '数据共享', permission: 'exchange.token.manage' },
  { label: '核查清单', path: '/reconcile', group: '数据共享', permission: 'reconcile.read' },
  { label: '用户管理', path: '/system/users', group: '系统管理', permission: 'system.user.read' },
  { label: '角色', path: '/system/roles', group: '系统管理', permission: 'system.role.read' },
  { label: '区划与单位', path: '/system/org', group: '系统管理', permission: 'system.org.read' },
  { label: '安全策略', path: '/security/policy', group: '安全管理', permission: 'security.policy.read' },
  { label: '审计日志', path: '/audit', group: '审计', permission: 'audit.log.read' },
];

describe.skipIf(!hasBrowser)('each role sees its own menu and scope', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.stop());

  // the roles sign in side by side (each in its own browser context), so expect comes from each test's context
  it.concurrent.for(ROLES.map((r) => [r.code, r] as const))('%s', async ([, role], { expect }) => {
    const account = DEMO_ACCOUNTS.find((a) => a.roles.includes(role.code));
    if (!account) throw new Error(`no demo account for ${role.code}`);
    const page = await platform.newPage();
    await signIn(page, account.username);
    await page.getByText(`您好，${account.displayName}`).waitFor();
    await expect.poll(() => text(page.getByTestId('home-roles'))).toContain(role.name);
    await page.getByTestId('demo-tag').waitFor();

    const granted = new Set<string>(role.permissions);
    const visible = PAGES.filter((p) => granted.has(p.permission));
    const groups = visible.flatMap((p) => (p.group ? [p.group] : []));
    const expected = ['首页', '通知', ...new Set(groups), ...visible.map((p) => p.label)];
    expect((await menuTexts(page)).sort()).toEqual(expected.sort());

    if (role.code === 'county_officer') await expect.poll(() => text(page.getByTestId('home-scope'))).toMatch(/三元区/);
    await screenshot(page, `e2e-home-${role.code}`);
    // the first forbidden path is typed in (a full load); the others are opened in the running app, which goes through
    // the same guard without reloading the bundle each time
    for (const [index, forbidden] of PAGES.filter((p) => !granted.has(p.permission)).entries()) {
      if (index === 0) await page.goto(forbidden.path);
      else {
        await page.evaluate((path) => {
          window.history.pushState({}, '', path);
          window.dispatchEvent(new PopStateEvent('popstate'));
        }, forbidden.path);
      }
      await page.waitForURL((url) => url.pathname === forbidden.path);
      await page.getByText('无权访问').waitFor();
      await page.getByText(`需要“${PERMISSIONS[forbidden.permission]}”`).waitFor();
    }
    await page.context().close();
  });
});
