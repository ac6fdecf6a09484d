import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  FundOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Permission } from '@yufang/contracts';
import type { ParseKeys } from 'i18next';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';

/** A key of the translation resources (checked by the compiler). */
export type LabelKey = ParseKeys;

export type MenuGroupKey =
  | 'injury'
  | 'analysis'
  | 'projects'
  | 'services'
  | 'exchange'
  | 'system'
  | 'security'
  | 'audit';

/** Menu sections that hold pages; a section shows only when one of its pages does. */
export const MENU_GROUPS: { key: MenuGroupKey; labelKey: LabelKey; icon: ReactNode }[] = [
  { key: 'injury', labelKey: 'menu.injury', icon: <MedicineBoxOutlined /> },
  { key: 'analysis', labelKey: 'menu.analysis', icon: <BarChartOutlined /> },
  { key: 'projects', labelKey: 'menu.projects', icon: <FundOutlined /> },
  { key: 'services', labelKey: 'menu.services', icon: <SolutionOutlined /> },
  { key: 'exchange', labelKey: 'menu.exchange', icon: <DatabaseOutlined /> },
  { key: 'system', labelKey: 'menu.system', icon: <SettingOutlined /> },
  { key: 'security', labelKey: 'menu.security', icon: <SafetyCertificateOutlined /> },
  { key: 'audit', labelKey: 'menu.audit', icon: <AuditOutlined /> },
];

export interface PageRoute {
  /** Absolute path under the layout. */
  path: string;
  /** Menu entry, breadcrumb and document title. */
  labelKey: LabelKey;
  /** Needed to see the menu entry and to open the page (which shows 403 without it). */
  permission?: Permission;
  /** Menu section; top level when absent. */
  group?: MenuGroupKey;
  icon?: ReactNode;
  /** false: a page reached from another one (a record's detail), not listed in the menu. */
  menu?: false;
  Page: LazyExoticComponent<ComponentType>;
}

/**
 * Every page inside the layout, in menu order: the one place where a module adds its screens.
 * The router, the menu, the breadcrumb and the permission guard are all built from this list.
 */
export const PAGE_ROUTES: PageRoute[] = [
  {
    path: '/',
    labelKey: 'menu.home',
    icon: <HomeOutlined />,
    Page: lazy(() => import('../features/home/HomePage')),
  },
  {
    path: '/notifications',
    labelKey: 'menu.notifications',
    icon: <BellOutlined />,
    Page: lazy(() => import('../features/notification/NotificationsPage')),
  },
  {
    path: '/employers',
    labelKey: 'menu.employers',
    permission: 'employer.read',
    icon: <BankOutlined />,
    Page: lazy(() => import('../features/employer/EmployersPage')),
  },
  {
    path: '/employers/:id',
    labelKey: 'menu.employers',
    permission: 'employer.read',
    menu: false,
    Page: lazy(() => import('../features/employer/EmployerDetailPage')),
  },
  {
    path: '/persons',
    labelKey: 'menu.persons',
    permission: 'employer.person.read',
    icon: <TeamOutlined />,
    Page: lazy(() => import('../features/employer/persons/PersonsPage')),
  },
  {
    path: '/bulletins',
    labelKey: 'menu.bulletins',
    permission: 'bulletin.read',
    icon: <NotificationOutlined />,
    Page: lazy(() => import('../features/bulletin/BulletinsPage')),
  },
  {
    path: '/bulletins/:id',
    labelKey: 'menu.bulletins',
    permission: 'bulletin.read',
    menu: false,
    Page: lazy(() => import('../features/bulletin/BulletinDetailPage')),
  },
  {
    path: '/hazards',
    labelKey: 'menu.hazards',
    permission: 'hazard.read',
    icon: <WarningOutlined />,
    Page: lazy(() => import('../features/hazard/HazardsPage')),
  },
  {
    path: '/hazards/new',
    labelKey: 'hazard.report',
    permission: 'hazard.report',
    menu: false,
    Page: lazy(() => import('../features/hazard/HazardReportPage')),
  },
  {
    path: '/hazards/self-report',
    labelKey: 'hazard.selfReport',
    permission: 'hazard.respond',
    menu: false,
    Page: lazy(() => import('../features/hazard/HazardReportPage')),
  },
  {
    path: '/hazards/:id',
    labelKey: 'menu.hazards',
    permission: 'hazard.read',
    menu: false,
    Page: lazy(() => import('../features/hazard/HazardDetailPage')),
  },
  {
    path: '/inspections',
    labelKey: 'menu.inspections',
    permission: 'inspection.read',
    icon: <AuditOutlined />,
    Page: lazy(() => import('../features/inspection/InspectionsPage')),
  },
  {
    path: '/inspections/:id',
    labelKey: 'menu.inspections',
    permission: 'inspection.read',
    menu: false,
    Page: lazy(() => import('../features/inspection/InspectionDetailPage')),
  },
  {
    path: '/ledgers',
    labelKey: 'ledger.menu',
    permission: 'ledger.read',
    icon: <ProfileOutlined />,
    Page: lazy(() => import('../features/ledger/LedgersPage')),
  },
  {
    path: '/monitoring',
    labelKey: 'monitoring.menu',
    permission: 'monitoring.read',
    icon: <AlertOutlined />,
    Page: lazy(() => import('../features/monitoring/MonitoringPage')),
  },
  {
    path: '/campaign',
    labelKey: 'campaign.menu',
    permission: 'campaign.read',
    icon: <SafetyCertificateOutlined />,
    Page: lazy(() => import('../features/campaign/CampaignPage')),
  },
  {
    path: '/ledgers/:countyCode/:year',
    labelKey: 'ledger.menu',
    permission: 'ledger.read',
    menu: false,
    Page: lazy(() => import('../features/ledger/LedgerPage')),
  },
  {
    path: '/industry-cycles',
    labelKey: 'ledger.cyclesMenu',
    permission: 'ledger.read',
    icon: <ClusterOutlined />,
    Page: lazy(() => import('../features/ledger/IndustryCyclesPage')),
  },
  {
    path: '/imports',
    labelKey: 'menu.imports',
    permission: 'import.read',
    icon: <CloudUploadOutlined />,
    Page: lazy(() => import('../features/import/ImportHistoryPage')),
  },
  {
    path: '/imports/new',
    labelKey: 'import.wizardTitle',
    permission: 'import.run',
    menu: false,
    Page: lazy(() => import('../features/import/ImportWizardPage')),
  },
  {
    path: '/injuries',
    labelKey: 'menu.injuries',
    group: 'injury',
    permission: 'injury.read',
    Page: lazy(() => import('../features/injury/InjuriesPage')),
  },
  {
    path: '/injuries/:id',
    labelKey: 'menu.injuries',
    permission: 'injury.read',
    menu: false,
    Page: lazy(() => import('../features/injury/InjuryDetailPage')),
  },
  {
    path: '/diseases',
    labelKey: 'menu.diseases',
    group: 'injury',
    permission: 'injury.read',
    Page: lazy(() => import('../features/injury/DiseasesPage')),
  },
  {
    path: '/diseases/:id',
    labelKey: 'menu.diseases',
    permission: 'injury.read',
    menu: false,
    Page: lazy(() => import('../features/injury/DiseaseDetailPage')),
  },
  {
    path: '/accidents',
    labelKey: 'menu.accidents',
    group: 'injury',
    permission: 'injury.read',
    Page: lazy(() => import('../features/injury/AccidentsPage')),
  },
  {
    path: '/accidents/:id',
    labelKey: 'menu.accidents',
    permission: 'injury.read',
    menu: false,
    Page: lazy(() => import('../features/injury/AccidentDetailPage')),
  },
  {
    path: '/experts',
    labelKey: 'expert.menu',
    group: 'services',
    permission: 'expert.read',
    Page: lazy(() => import('../features/expert/ExpertsPage')),
  },
  {
    path: '/experts/:id',
    labelKey: 'expert.menu',
    permission: 'expert.read',
    menu: false,
    Page: lazy(() => import('../features/expert/ExpertPage')),
  },
  {
    path: '/panels',
    labelKey: 'panel.menu',
    group: 'services',
    permission: 'panel.read',
    Page: lazy(() => import('../features/panel/PanelsPage')),
  },
  {
    path: '/panels/:id',
    labelKey: 'panel.menu',
    permission: 'panel.read',
    menu: false,
    Page: lazy(() => import('../features/panel/PanelPage')),
  },
  {
    path: '/my-assignments',
    labelKey: 'panel.myMenu',
    group: 'services',
    permission: 'panel.assignment',
    Page: lazy(() => import('../features/panel/MyAssignmentsPage')),
  },
  {
    path: '/providers',
    labelKey: 'provider.menu',
    group: 'services',
    permission: 'provider.read',
    Page: lazy(() => import('../features/provider/ProvidersPage')),
  },
  {
    path: '/providers/:id',
    labelKey: 'provider.menu',
    permission: 'provider.read',
    menu: false,
    Page: lazy(() => import('../features/provider/ProviderDetailPage')),
  },
  {
    path: '/my-provider',
    labelKey: 'provider.myMenu',
    group: 'services',
    permission: 'provider.self',
    Page: lazy(() => import('../features/provider/MyProviderPage')),
  },
  {
    path: '/fund',
    labelKey: 'fund.menu',
    group: 'projects',
    permission: 'fund.read',
    Page: lazy(() => import('../features/fund/FundPage')),
  },
  {
    path: '/fund/payments',
    labelKey: 'fund.paymentsMenu',
    group: 'projects',
    permission: 'fund.read',
    Page: lazy(() => import('../features/fund/PaymentsPage')),
  },
  {
    path: '/project-calls',
    labelKey: 'project.callsMenu',
    group: 'projects',
    permission: 'project.read',
    Page: lazy(() => import('../features/project/CallsPage')),
  },
  {
    path: '/projects',
    labelKey: 'project.menu',
    group: 'projects',
    permission: 'project.read',
    Page: lazy(() => import('../features/project/ProjectsPage')),
  },
  {
    path: '/projects/:id',
    labelKey: 'project.menu',
    permission: 'project.read',
    menu: false,
    Page: lazy(() => import('../features/project/ProjectPage')),
  },
  {
    path: '/project-flags',
    labelKey: 'projectDelivery.flagsMenu',
    group: 'projects',
    permission: 'project.manage',
    Page: lazy(() => import('../features/project/delivery/FlagsPage')),
  },
  {
    path: '/analysis',
    labelKey: 'menu.analysisDashboard',
    group: 'analysis',
    permission: 'analysis.read',
    Page: lazy(() => import('../features/analysis/DashboardPage')),
  },
  {
    path: '/analysis/targets',
    labelKey: 'menu.analysisTargets',
    group: 'analysis',
    permission: 'analysis.read',
    Page: lazy(() => import('../features/analysis/TargetsPage')),
  },
  {
    path: '/analysis/risk',
    labelKey: 'menu.riskIndex',
    group: 'analysis',
    permission: 'analysis.read',
    Page: lazy(() => import('../features/analysis/RiskIndexPage')),
  },
  {
    path: '/analysis/report',
    labelKey: 'menu.annualReport',
    group: 'analysis',
    permission: 'analysis.report',
    Page: lazy(() => import('../features/analysis/ReportPage')),
  },
  {
    path: '/exchange/catalogue',
    labelKey: 'menu.catalogue',
    group: 'exchange',
    permission: 'exchange.catalog.read',
    Page: lazy(() => import('../features/exchange/CataloguePage')),
  },
  {
    path: '/exchange/tokens',
    labelKey: 'menu.tokens',
    group: 'exchange',
    permission: 'exchange.token.manage',
    Page: lazy(() => import('../features/exchange/TokensPage')),
  },
  {
    path: '/reconcile',
    labelKey: 'menu.reconcile',
    group: 'exchange',
    permission: 'reconcile.read',
    Page: lazy(() => import('../features/reconcile/ReconcilePage')),
  },
  {
    path: '/system/users',
    labelKey: 'menu.users',
    group: 'system',
    permission: 'system.user.read',
    Page: lazy(() => import('../features/user/UsersPage')),
  },
  {
    path: '/system/roles',
    labelKey: 'menu.roles',
    group: 'system',
    permission: 'system.role.read',
    Page: lazy(() => import('../features/role/RolesPage')),
  },
  {
    path: '/system/org',
    labelKey: 'menu.org',
    group: 'system',
    permission: 'system.org.read',
    Page: lazy(() => import('../features/org/OrgPage')),
  },
  {
    path: '/security/policy',
    labelKey: 'menu.securityPolicy',
    group: 'security',
    permission: 'security.policy.read',
    Page: lazy(() => import('../features/security/SecurityPolicyPage')),
  },
  {
    path: '/audit',
    labelKey: 'menu.auditLog',
    group: 'audit',
    permission: 'audit.log.read',
    Page: lazy(() => import('../features/audit/AuditPage')),
  },
];

/** The page route a location belongs to (exact path match; pages with sub-paths match by prefix). */
export function findPageRoute(pathname: string): PageRoute | undefined {
  const exact = PAGE_ROUTES.find((r) => r.path === pathname);
  if (exact) return exact;
  return PAGE_ROUTES.filter((r) => r.path !== '/' && pathname.startsWith(`${r.path}/`)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}
