import { TabBar } from 'antd-mobile';
import { AppOutline, UserOutline } from 'antd-mobile-icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { usePortal } from '../portal';

/** Home and "me" pages with the bottom tab bar. */
export function TabLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { tabs = [] } = usePortal();
  const extra = tabs.find((tab) => pathname === `/${tab.path}` || pathname.startsWith(`/${tab.path}/`));
  const active = pathname.startsWith('/me') ? '/me' : extra ? `/${extra.path}` : '/';
  return (
    <div className="m-tabs-page">
      <main className="m-tabs-body">
        <Outlet />
      </main>
      <TabBar className="m-tabbar" activeKey={active} onChange={(key) => navigate(key)} safeArea>
        <TabBar.Item key="/" icon={<AppOutline />} title={t('tab.home')} data-testid="tab-home" />
        {tabs.map((tab) => (
          <TabBar.Item key={`/${tab.path}`} icon={tab.icon} title={t(tab.titleKey)} data-testid={`tab-${tab.path}`} />
        ))}
        <TabBar.Item key="/me" icon={<UserOutline />} title={t('tab.me')} data-testid="tab-me" />
      </TabBar>
    </div>
  );
}
