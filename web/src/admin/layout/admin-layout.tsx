import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Layout, Menu, Segmented, Space, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n, type Lang, type Translate } from '../../shared/i18n';
import { CONSOLE_PAGES, type ConsolePage } from '../console-pages';
import { AdminEventsProvider } from '../live/admin-events';
import { LiveIndicator, NotificationBell } from '../live/notification-bell';
import { IncidentsProvider } from '../pages/incidents/incidents-context';
import { SosBanner } from '../pages/incidents/sos-banner';
import { useAdminSession } from '../session';

/** Pages every admin has, outside the menu (reached from the header). */
const HEADER_PAGES: Record<string, string> = { '/notifications': 'nav.notifications' };

/**
 * Side menu (only the pages the admin may use), a header with the live indicator, the notification bell, language
 * and account, the SOS banner while an incident is not resolved, and the page; one live event stream for the whole
 * console tab.
 */
export function AdminLayout() {
  const { t, lang, setLang } = useI18n();
  const { admin, can, signOut } = useAdminSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const pages = CONSOLE_PAGES.filter((page) => can(page.permission));
  const current = CONSOLE_PAGES.find((page) => pathname === `/${page.path}` || pathname.startsWith(`/${page.path}/`));
  const [openKeys, setOpenKeys] = useState<string[]>(() => [...new Set(CONSOLE_PAGES.flatMap((page) => (page.group ? [groupKey(page.group.key)] : [])))]);

  async function handleSignOut() {
    await signOut().catch(() => undefined);
    message.success(t('login.signedOut'));
    navigate('/login', { replace: true });
  }

  const headerPage = HEADER_PAGES[pathname];
  const title = current ? t(current.labelKey) : headerPage ? t(headerPage) : '';

  return (
    <AdminEventsProvider>
      <IncidentsProvider>
        <Layout className="a-layout">
          <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} theme="dark" className="a-sider">
            <div className="a-brand">
              <span className="a-brand-logo">家</span>
              <span className="a-brand-text">{t('app.title')}</span>
            </div>
            <Menu
              theme="dark"
              mode="inline"
              data-testid="admin-menu"
              selectedKeys={current ? [current.path] : []}
              openKeys={openKeys}
              onOpenChange={setOpenKeys}
              onClick={({ key }) => navigate(`/${key}`)}
              items={menuItems(pages, t)}
            />
          </Layout.Sider>
          <Layout>
            <Layout.Header className="a-header">
              <Typography.Title level={4} className="a-header-title">
                {title}
              </Typography.Title>
              <Space size="large">
                <LiveIndicator />
                <NotificationBell />
                <Segmented<Lang>
                  aria-label={t('lang.title')}
                  value={lang}
                  onChange={setLang}
                  options={[
                    { label: '中文', value: 'zh-CN' },
                    { label: 'English', value: 'en' },
                  ]}
                />
                <Dropdown
                  menu={{ items: [{ key: 'signOut', icon: <LogoutOutlined />, label: t('nav.signOut'), onClick: handleSignOut }] }}
                  trigger={['click']}
                >
                  <Space className="a-account" data-testid="admin-account">
                    <Avatar size="small" icon={<UserOutlined />} />
                    <span>{admin?.name || admin?.username}</span>
                    <Typography.Text type="secondary">{admin?.username}</Typography.Text>
                  </Space>
                </Dropdown>
              </Space>
            </Layout.Header>
            <Layout.Content className="a-content">
              <SosBanner />
              <Outlet />
            </Layout.Content>
          </Layout>
        </Layout>
      </IncidentsProvider>
    </AdminEventsProvider>
  );
}

const groupKey = (key: string) => `group:${key}`;

/** The allowed pages in order; a group's pages become one sub-menu where its first allowed page is. */
function menuItems(pages: ConsolePage[], t: Translate): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  const placed = new Set<string>();
  for (const page of pages) {
    if (!page.group) {
      items.push({ key: page.path, icon: page.icon, label: t(page.labelKey) });
      continue;
    }
    const { key, labelKey, icon } = page.group;
    if (placed.has(key)) continue;
    placed.add(key);
    const children = pages.filter((p) => p.group?.key === key).map((p) => ({ key: p.path, icon: p.icon, label: t(p.labelKey) }));
    items.push({ key: groupKey(key), icon, label: t(labelKey), children });
  }
  return items;
}
