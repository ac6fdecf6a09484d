import type { MeView, Permission } from '@yufang/contracts';
import { Flex, Spin } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/session';
import { ForbiddenPage } from './ErrorPages';

const SessionContext = createContext<MeView | null>(null);

/** The signed-in user; only inside <RequireAuth>. */
export function useSession(): MeView {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside <RequireAuth>');
  return me;
}

/** Whether the signed-in user holds a permission (to show a button or menu entry). */
export function useCan(permission: Permission | undefined): boolean {
  const me = useSession();
  return !permission || me.permissions.includes(permission);
}

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** `/login?next=…` keeping where the user wanted to go. */
export function loginPath(next: string): string {
  return next && next !== '/' && !next.startsWith('/login') ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/** A `next` value safe to navigate to: a path on this site, never another origin. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * Lets its children render only for a signed-in user who need not change the password first;
 * sends others to /login (keeping the wanted path) or /change-password.
 */
export function RequireAuth({
  children,
  allowPasswordChange = false,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
}) {
  const location = useLocation();
  const { data: me, isPending, isError } = useMe();
  if (isPending) return <FullPageSpin />;
  if (isError || !me) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (me.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** A page guards itself too: without the permission it shows 403, whatever the menu showed. */
export function RequirePermission({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const allowed = useCan(permission);
  if (!allowed && permission) return <ForbiddenPage permission={permission} />;
  return <>{children}</>;
}
