import { TabBar } from 'antd-mobile';
import { AppOutline, MessageOutline, UserOutline } from 'antd-mobile-icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { useUnread } from '../notifications/unread';
import { usePortal } from '../portal';

/** Home and "me" pages with the bottom tab bar. */
export function TabLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { tabs = [] } = usePortal();
  const { unread } = useUnread();
  const extra = tabs.find((tab) => pathname === `/${tab.path}` || pathname.startsWith(`/${tab.path}/`));
  const active = pathname === '/messages' ? '/messages' : pathname === '/me' || pathname.startsWith('/me/') ? '/me' : extra ? `/${extra.path}` : '/';
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
        <TabBar.Item
          key="/messages"
          icon={<MessageOutline />}
          title={t('tab.messages')}
          badge={unread ? (unread > 99 ? '99+' : unread) : null}
          data-testid="tab-messages"
          data-unread={unread ?? ''}
        />
        <TabBar.Item key="/me" icon={<UserOutline />} title={t('tab.me')} data-testid="tab-me" />
      </TabBar>
    </div>
  );
}
