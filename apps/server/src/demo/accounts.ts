import { CITY_CODE, type RoleCode, type ScopeEntry } from '@yufang/contracts';

export const DEMO_PASSWORD = 'Sanming@2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: RoleCode[];
  regionCode: string;
  unitCode?: string;
  /**
   * Scope entries; `employer:first` is replaced by the first demo employer of the account's county,
   * `employer:association` by the demo industry association (demo/projects.ts).
   */
  scope: (ScopeEntry | { kind: 'employer'; code: 'first' | 'association' })[];
  note: string;
}

const COUNTY_ACCOUNTS: [string, string, string][] = [
  ['sanyuan', '350404', '三元区'],
  ['shaxian', '350405', '沙县区'],
  ['mingxi', '350421', '明溪县'],
  ['qingliu', '350423', '清流县'],
  ['ninghua', '350424', '宁化县'],
  ['datian', '350425', '大田县'],
  ['youxi', '350426', '尤溪县'],
  ['jiangle', '350428', '将乐县'],
  ['taining', '350429', '泰宁县'],
  ['jianning', '350430', '建宁县'],
  ['yongan', '350481', '永安市'],
];

const city = (): ScopeEntry[] => [{ kind: 'region', code: CITY_CODE }];

/** One demo account for every role (fictional people), listed in the README. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'cityadmin',
    displayName: '陈立新',
    roles: ['city_admin'],
    regionCode: CITY_CODE,
    unitCode: 'rsj',
    scope: city(),
    note: '市人社局工伤保险科（全市）',
  },
  ...COUNTY_ACCOUNTS.map(([username, code, name]) => ({
    username,
    displayName: `${name}经办员`,
    roles: ['county_officer'] as RoleCode[],
    regionCode: code,
    scope: [{ kind: 'region' as const, code }],
    note: `${name}人社局（仅本县区）`,
  })),
  {
    username: 'yingji',
    displayName: '林志强',
    roles: ['unit_officer'],
    regionCode: CITY_CODE,
    unitCode: 'yjj',
    scope: [{ kind: 'unit', code: 'yjj' }],
    note: '市应急局',
  },
  {
    username: 'weijian',
    displayName: '黄丽萍',
    roles: ['unit_officer'],
    regionCode: CITY_CODE,
    unitCode: 'wjw',
    scope: [{ kind: 'unit', code: 'wjw' }],
    note: '市卫健委',
  },
  {
    username: 'zhujian',
    displayName: '郑建华',
    roles: ['unit_officer'],
    regionCode: CITY_CODE,
    unitCode: 'zjj',
    scope: [{ kind: 'unit', code: 'zjj' }],
    note: '市住建局',
  },
  {
    username: 'shebao',
    displayName: '吴晓燕',
    roles: ['fund_agency'],
    regionCode: CITY_CODE,
    unitCode: 'sbzx',
    scope: city(),
    note: '市社保中心（基金与支付）',
  },
  {
    username: 'expert01',
    displayName: '邱明远',
    roles: ['expert'],
    regionCode: CITY_CODE,
    scope: [],
    note: '专家库专家',
  },
  {
    username: 'provider01',
    displayName: '三明安培职业安全服务中心',
    roles: ['provider'],
    regionCode: CITY_CODE,
    scope: [],
    note: '第三方服务机构',
  },
  {
    username: 'employer01',
    displayName: '永安用人单位安全员',
    roles: ['employer'],
    regionCode: '350481',
    scope: [{ kind: 'employer', code: 'first' }],
    note: '永安市一家演示用人单位',
  },
  {
    username: 'assoc01',
    displayName: '三明市建筑业协会项目专员',
    roles: ['employer'],
    regionCode: '350404',
    scope: [{ kind: 'employer', code: 'association' }],
    note: '三明市建筑业协会（行业协会，申报预防项目）',
  },
  { username: 'trainee01', displayName: '李小勇', roles: ['trainee'], regionCode: '350481', scope: [], note: '学员' },
  {
    username: 'sysadmin',
    displayName: '系统管理员',
    roles: ['sys_admin'],
    regionCode: CITY_CODE,
    scope: city(),
    note: '账户与机构（三权分立）',
  },
  {
    username: 'secadmin',
    displayName: '安全管理员',
    roles: ['sec_admin'],
    regionCode: CITY_CODE,
    scope: city(),
    note: '安全策略与解锁（三权分立）',
  },
  {
    username: 'auditadmin',
    displayName: '审计管理员',
    roles: ['audit_admin'],
    regionCode: CITY_CODE,
    scope: [],
    note: '审计日志（三权分立）',
  },
];
