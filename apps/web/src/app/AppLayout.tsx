import { DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Dropdown, Flex, Layout, Menu, type MenuProps, Tag, Typography, theme } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notification/NotificationBell';
import { currentLanguage, LANGUAGES, type Language, setLanguage } from './i18n';
import { buildMenuItems } from './menu';
import { findPageRoute, MENU_GROUPS } from './routes';
import { FullPageSpin, useSession } from './session';
import { useIdleLogout, useLogout } from './useLogout';

const HEADER_BG = '#0b3a75';

function UserMenu() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const language = currentLanguage();

  const items: MenuProps['items'] = [
    { key: 'changePassword', icon: <KeyOutlined />, label: t('header.changePassword') },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: t('header.language'),
      children: LANGUAGES.map((l) => ({ key: `lang:${l.code}`, label: l.label, disabled: l.code === language })),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'changePassword') navigate('/change-password');
    else if (key === 'logout') void logout();
    else if (key.startsWith('lang:')) setLanguage(key.slice(5) as Language);
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={t('header.userMenu')} style={{ color: '#fff' }} data-testid="user-menu">
        <UserOutlined />
        {me.displayName}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}

function PageBreadcrumb() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const route = findPageRoute(pathname);
  const group = route?.group ? MENU_GROUPS.find((g) => g.key === route.group) : undefined;
  const items = [{ title: pathname === '/' ? t('menu.home') : <Link to="/">{t('menu.home')}</Link> }];
  if (group) items.push({ title: t(group.labelKey) });
  if (route && route.path !== '/') items.push({ title: t(route.labelKey) });
  if (!route) items.push({ title: t('errors.notFoundTitle') });
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} />;
}

/** The shell around every signed-in page: header, side menu from permissions, breadcrumb. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  useIdleLogout(me.idleTimeoutMinutes);

  const menuItems = useMemo(() => buildMenuItems(me.permissions, t), [me.permissions, t]);
  const route = findPageRoute(pathname);
  const selectedKey = route?.path ?? '';
  const [openKeys, setOpenKeys] = useState<string[]>(route?.group ? [`group:${route.group}`] : []);

  useEffect(() => {
    if (route?.group) {
      const key = `group:${route.group}`;
      setOpenKeys((keys) => (keys.includes(key) ? keys : [...keys, key]));
    }
    document.title = route && route.path !== '/' ? `${t(route.labelKey)} - ${t('app.name')}` : t('app.name');
  }, [route, t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: HEADER_BG, display: 'flex', alignItems: 'center', gap: 16, paddingInline: 20, height: 56 }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        {me.demo ? (
          <Tag color="orange" data-testid="demo-tag">
            {t('app.demo')}
          </Tag>
        ) : null}
        <Flex align="center" gap={8} style={{ marginLeft: 'auto' }}>
          <span style={{ color: '#fff' }}>
            <NotificationBell />
          </span>
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          theme="light"
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Menu
            mode="inline"
            items={menuItems}
            selectedKeys={[selectedKey]}
            openKeys={collapsed ? undefined : openKeys}
            onOpenChange={setOpenKeys}
            style={{ borderInlineEnd: 'none' }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: '16px 24px 24px', minWidth: 0 }}>
          <PageBreadcrumb />
          <div
            style={{
              background: token.colorBgContainer,
              borderRadius: token.borderRadiusLG,
              padding: 24,
              minHeight: 360,
            }}
          >
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
