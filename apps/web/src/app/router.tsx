import { Button, Result } from 'antd';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject, useRouteError } from 'react-router';
import { setSessionHandlers } from '../api/client';
import { queryClient } from '../api/queryClient';
import { clearSession, ME_KEY } from '../api/session';
import { feedback } from '../components/feedback';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './ErrorPages';
import i18n from './i18n';
import { PAGE_ROUTES } from './routes';
import { FullPageSpin, loginPath, RequireAuth, RequirePermission } from './session';

const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));
const PublicBulletinsPage = lazy(() => import('../features/bulletin/PublicBulletinsPage'));
const PublicBulletinPage = lazy(() => import('../features/bulletin/PublicBulletinPage'));
const PublicProvidersPage = lazy(() => import('../features/public/PublicProvidersPage'));
const PublicProviderPage = lazy(() => import('../features/public/PublicProviderPage'));
const PublicProjectsPage = lazy(() => import('../features/public/PublicProjectsPage'));
const PrintBulletinPage = lazy(() => import('../features/bulletin/PrintBulletinPage'));

function RouteError() {
  const error = useRouteError();
  // A new deployment removes old lazy chunks: reloading fetches the current ones.
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title={i18n.t('errors.loadFailed')}
      subTitle={message}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {i18n.t('common.retry')}
        </Button>
      }
    />
  );
}

const pageChildren: RouteObject[] = PAGE_ROUTES.map(({ path, permission, Page }) => ({
  ...(path === '/' ? { index: true } : { path: path.slice(1) }),
  element: (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  ),
}));

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <LoginPage />
          </Suspense>
        ),
      },
      // the public pages: no login, no layout (典型案例通报 for anyone)
      {
        path: '/public/bulletins',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <PublicBulletinsPage />
          </Suspense>
        ),
      },
      {
        path: '/public/bulletins/:id',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <PublicBulletinPage />
          </Suspense>
        ),
      },
      {
        path: '/public/providers',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <PublicProvidersPage />
          </Suspense>
        ),
      },
      {
        path: '/public/projects',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <PublicProjectsPage />
          </Suspense>
        ),
      },
      {
        path: '/public/providers/:id',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <PublicProviderPage />
          </Suspense>
        ),
      },
      {
        path: '/print/bulletins/:id',
        element: (
          <RequireAuth>
            <Suspense fallback={<FullPageSpin />}>
              <PrintBulletinPage />
            </Suspense>
          </RequireAuth>
        ),
      },
      {
        path: '/change-password',
        element: (
          <RequireAuth allowPasswordChange>
            <Suspense fallback={<FullPageSpin />}>
              <ChangePasswordPage />
            </Suspense>
          </RequireAuth>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [...pageChildren, { path: '*', element: <NotFoundPage /> }],
      },
    ],
  },
]);

setSessionHandlers({
  onUnauthenticated: () => {
    const hadSession = !!queryClient.getQueryData(ME_KEY);
    clearSession();
    const { pathname, search } = router.state.location;
    if (pathname.startsWith('/login')) return;
    void router.navigate(loginPath(pathname + search), { replace: true });
    if (hadSession) feedback.message.warning(i18n.t('auth.sessionExpired'));
  },
  onPasswordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    if (router.state.location.pathname !== '/change-password') void router.navigate('/change-password');
  },
});
