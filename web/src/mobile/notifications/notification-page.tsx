import './notifications.css';
import { ErrorBlock } from 'antd-mobile';
import { useEffect } from 'react';
import { useLocation, useParams } from 'react-router';
import { api, ApiError } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';
import { usePortal } from '../portal';
import type { AppNotification } from './notification-types';
import { useUnread } from './unread';

/** `/messages/:id`: a notification that opens no other page (reviews, account notices…), marked read as it is opened. */
export function NotificationPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const { role } = usePortal();
  const { refresh } = useUnread();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/messages';
  const loaded = useLoad((signal) => api<AppNotification>(`/api/notifications/${encodeURIComponent(id)}`, { query: { audience: role }, signal }), [id, role, lang]);
  useEffect(() => {
    if (loaded.data) refresh();
  }, [loaded.data, refresh]);

  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <SubPage title={t('notify.detail')} back={from}>
      {notFound ? (
        <ErrorBlock status="empty" title={t('notify.notFound')} description="" />
      ) : (
        <LoadState loaded={loaded}>
          {(n) => (
            <section className="m-section" data-testid="notification-detail" data-type={n.type}>
              <div className="m-section-title">{n.title}</div>
              <div className="m-notify-time">
                {formatDateTime(n.createdAt, lang)} · {t(`notify.category.${n.category}`)}
              </div>
              <p className="m-notify-detail-body" data-testid="notification-detail-body">
                {n.body}
              </p>
            </section>
          )}
        </LoadState>
      )}
    </SubPage>
  );
}
