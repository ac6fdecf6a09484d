import type { Permission } from '@yufang/contracts';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { MENU_GROUPS, PAGE_ROUTES, type PageRoute } from './routes';

type MenuItem = NonNullable<MenuProps['items']>[number];

function visible(route: PageRoute, permissions: readonly Permission[]): boolean {
  return route.menu !== false && (!route.permission || permissions.includes(route.permission));
}

/** The side menu for a user: pages they may open, grouped into sections, in PAGE_ROUTES order. */
export function buildMenuItems(permissions: readonly Permission[], t: TFunction): MenuItem[] {
  const items: MenuItem[] = [];
  const groupsAdded = new Set<string>();
  for (const route of PAGE_ROUTES) {
    if (!visible(route, permissions)) continue;
    const item: MenuItem = {
      key: route.path,
      icon: route.icon,
      label: <Link to={route.path}>{t(route.labelKey)}</Link>,
    };
    if (!route.group) {
      items.push(item);
      continue;
    }
    if (groupsAdded.has(route.group)) continue;
    groupsAdded.add(route.group);
    const group = MENU_GROUPS.find((g) => g.key === route.group);
    const children = PAGE_ROUTES.filter((r) => r.group === route.group && visible(r, permissions)).map((r) => ({
      key: r.path,
      icon: r.icon,
      label: <Link to={r.path}>{t(r.labelKey)}</Link>,
    }));
    items.push({
      key: `group:${route.group}`,
      icon: group?.icon,
      label: group ? t(group.labelKey) : route.group,
      children,
    });
  }
  return items;
}
