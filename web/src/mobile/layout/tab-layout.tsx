import { TabBar } from 'antd-mobile';
import { AppOutline, UserOutline } from 'antd-mobile-icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n';

/** Home and "me" pages with the bottom tab bar. */
export function TabLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/me') ? '/me' : '/';
  return (
    <div className="m-tabs-page">
      <main className="m-tabs-body">
        <Outlet />
      </main>
      <TabBar className="m-tabbar" activeKey={active} onChange={(key) => navigate(key)} safeArea>
        <TabBar.Item key="/" icon={<AppOutline />} title={t('tab.home')} data-testid="tab-home" />
        <TabBar.Item key="/me" icon={<UserOutline />} title={t('tab.me')} data-testid="tab-me" />
      </TabBar>
    </div>
  );
}
