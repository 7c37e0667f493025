import './notifications.css';
import { Badge, Button, DotLoading, ErrorBlock, NavBar, PullToRefresh, Toast } from 'antd-mobile';
import { SetOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { ConsultationListSection } from '../consult/consultation-list';
import { usePortal } from '../portal';
import { useFailureToast } from '../use-form-submit';
import { notificationPath } from './notification-path';
import type { AppNotification } from './notification-types';
import { useUnread } from './unread';
import { useNotifications } from './use-notifications';

/** 消息 tab: my notifications newest first (unread in bold with a dot), 全部已读, 加载更多; tapping one opens what it is about. */
export function NotificationsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { role, notificationPaths } = usePortal();
  const { refresh: refreshBadge } = useUnread();
  const showFailure = useFailureToast();
  const { list, error, loading, hasMore, more, refresh, markLocally } = useNotifications(role);
  const [marking, setMarking] = useState(false);

  async function readAll() {
    setMarking(true);
    try {
      await api('/api/notifications/read', { query: { audience: role }, body: {} });
      markLocally('all');
      refreshBadge();
      Toast.show({ icon: 'success', content: t('notify.readAllDone') });
    } catch (failure) {
      showFailure(failure);
    } finally {
      setMarking(false);
    }
  }

  async function open(n: AppNotification) {
    try {
      // Opening marks it read; the badge follows through the live `notification.read` event.
      const opened = await api<AppNotification>(`/api/notifications/${encodeURIComponent(n.id)}`, { query: { audience: role } });
      markLocally([n.id]);
      refreshBadge();
      navigate(notificationPath(opened, notificationPaths), { state: { from: '/messages' } });
    } catch (failure) {
      showFailure(failure);
    }
  }

  const unread = list?.unread ?? 0;
  return (
    <div className="m-notify" data-testid="notifications" data-unread={list?.unread ?? ''}>
      <NavBar
        className="m-navbar"
        backIcon={false}
        right={
          <button type="button" className="m-icon-button" onClick={() => navigate('/messages/settings')} aria-label={t('notify.settings')} data-testid="notify-settings">
            <SetOutline />
          </button>
        }
      >
        {t('notify.title')}
      </NavBar>
      <div className="m-notify-head">
        <span data-testid="notify-unread">{t('notify.unreadCount', { count: unread })}</span>
        <Button size="mini" color="primary" fill="outline" disabled={unread === 0} loading={marking} onClick={readAll} data-testid="notify-read-all">
          {t('notify.readAll')}
        </Button>
      </div>
      <ConsultationListSection />
      <PullToRefresh onRefresh={async () => refresh()}>
        {!list && error ? (
          <ErrorBlock status="default" title={t('common.loadFailed')} description={errorText(error, '')}>
            <Button color="primary" size="small" onClick={refresh}>
              {t('common.retry')}
            </Button>
          </ErrorBlock>
        ) : !list ? (
          <div className="m-center">
            <DotLoading color="primary" />
          </div>
        ) : (
          <div className="m-notify-list" data-testid="notify-list">
            {list.items.length === 0 && <p className="m-empty">{t('notify.empty')}</p>}
            {list.items.map((n) => (
              <button
                type="button"
                key={n.id}
                className={n.readAt ? 'm-card-button m-notify-item' : 'm-card-button m-notify-item m-notify-unread'}
                onClick={() => void open(n)}
                data-testid="notification"
                data-id={n.id}
                data-type={n.type}
                data-read={n.readAt ? 'true' : 'false'}
              >
                <div className="m-notify-item-head">
                  <Badge content={n.readAt ? null : Badge.dot}>
                    <span className="m-notify-title">{n.title}</span>
                  </Badge>
                  <span className="m-notify-time">{formatDateTime(n.createdAt, lang)}</span>
                </div>
                <div className="m-notify-body" data-testid="notification-body">
                  {n.body}
                </div>
                <span className="m-notify-category">{t(`notify.category.${n.category}`)}</span>
              </button>
            ))}
            {list.items.length > 0 &&
              (hasMore ? (
                <Button block fill="none" loading={loading} onClick={more} data-testid="notify-more">
                  {t('notify.more')}
                </Button>
              ) : (
                <p className="m-note">{t('notify.end')}</p>
              ))}
          </div>
        )}
      </PullToRefresh>
    </div>
  );
}
