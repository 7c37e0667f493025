import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../shared/i18n';
import type { Permission } from '../shared/types';
import { CONSOLE_PAGES } from './console-pages';
import { AdminLayout } from './layout/admin-layout';
import { NotificationsPage } from './live/notifications-page';
import { LoginPage } from './login-page';
import { useAdminSession } from './session';

function RequireAdmin() {
  const { admin } = useAdminSession();
  const location = useLocation();
  if (admin === undefined) return <Spin size="large" className="a-boot-spin" />;
  if (!admin) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}

function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useI18n();
  const { can } = useAdminSession();
  if (!can(permission)) return <Result status="403" title={`403 · ${t('forbidden.title')}`} subTitle={t('forbidden.body')} data-testid="forbidden" />;
  return <>{children}</>;
}

function FirstAllowedPage() {
  const { t } = useI18n();
  const { can } = useAdminSession();
  const first = CONSOLE_PAGES.find((page) => can(page.permission));
  if (!first) return <Result status="403" title={t('forbidden.title')} subTitle={t('noPages.body')} />;
  return <Navigate to={`/${first.path}`} replace />;
}

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound.title')}
      extra={<Button onClick={() => navigate('/')}>{t('notFound.back')}</Button>}
    />
  );
}

export function AdminRoutes() {
  return (
    <Routes>
      <Route path="login" element={<LoginPage />} />
      <Route element={<RequireAdmin />}>
        <Route element={<AdminLayout />}>
          <Route index element={<FirstAllowedPage />} />
          {CONSOLE_PAGES.map(({ path, permission, Component }) => (
            <Route
              key={path}
              path={path}
              element={
                <RequirePermission permission={permission}>
                  <Component />
                </RequirePermission>
              }
            />
          ))}
          {/* Every admin has notifications: no permission needed. */}
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
