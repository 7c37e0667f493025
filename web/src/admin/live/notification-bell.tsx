import './live.css';
import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAdminEvent, useLiveReopened, useLiveStatus } from './admin-events';
import type { AdminNotification, NotificationList } from './notification-types';
import { useOpenNotification } from './use-open-notification';

const LATEST = 8;

/**
 * The header's bell: the unread count (from `GET /api/admin/notifications`, kept current by the live `notification`
 * and `notification.read` events), and a dropdown with the newest notifications, 全部已读 and a link to all of them.
 */
export function NotificationBell() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unread, setUnread] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<NotificationList | null>(null);
  const [loading, setLoading] = useState(false);
  const [marking, setMarking] = useState(false);

  const refresh = useCallback(async (withList: boolean) => {
    try {
      const answer = await api<NotificationList>('/api/admin/notifications', { query: withList ? { pageSize: LATEST } : { unread: true, pageSize: 1 } });
      setUnread(answer.unread);
      if (withList) setList(answer);
    } catch {
      // The badge keeps its last value; the next event or opening the dropdown tries again.
    }
  }, []);

  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    void refresh(false);
  }, [refresh]);
  // Whenever the live connection (re)opens, count again: anything raised before it was listening is included.
  useLiveReopened(() => void refresh(openRef.current));

  useAdminEvent('notification', () => void refresh(openRef.current));
  useAdminEvent('notification.read', () => void refresh(openRef.current));

  const { open: openNotification, modal } = useOpenNotification(() => setOpen(false));

  async function toggle(next: boolean) {
    setOpen(next);
    if (!next) return;
    setLoading(true);
    await refresh(true);
    setLoading(false);
  }

  async function markAll() {
    setMarking(true);
    try {
      const answer = await api<{ marked: number; unread: number }>('/api/admin/notifications/read', { body: {} });
      setUnread(answer.unread);
      await refresh(true);
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    } finally {
      setMarking(false);
    }
  }

  const items: AdminNotification[] = list?.items ?? [];
  const content = (
    <div className="a-bell-panel" data-testid="notification-panel">
      <div className="a-bell-head">
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        <Button type="link" size="small" disabled={!unread} loading={marking} onClick={markAll} data-testid="notification-read-all">
          {t('notify.readAll')}
        </Button>
      </div>
      <Spin spinning={loading && !list}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} data-testid="notification-empty" />
        ) : (
          <ul className="a-bell-list" data-testid="notification-list">
            {items.map((n) => (
              <li key={n.id}>
                <button type="button" className={`a-bell-item${n.readAt ? '' : ' a-bell-unread'}`} onClick={() => void openNotification(n)} data-testid={`notification-${n.id}`} data-read={n.readAt ? 'true' : 'false'}>
                  <span className="a-bell-item-title">{n.title}</span>
                  <span className="a-bell-item-body">{n.body}</span>
                  <span className="a-bell-item-time">{formatDateTime(n.createdAt, lang)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Spin>
      <div className="a-bell-foot">
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
          data-testid="notification-all"
        >
          {t('notify.viewAll')}
        </Button>
      </div>
    </div>
  );

  return (
    <>
      <Popover open={open} onOpenChange={(next) => void toggle(next)} trigger="click" placement="bottomRight" content={content} arrow={false}>
        <Button type="text" aria-label={t('notify.title')} data-testid="notification-bell" data-count={unread ?? ''}>
          <Badge count={unread ?? 0} size="small" overflowCount={99}>
            <BellOutlined className="a-bell-icon" />
          </Badge>
        </Button>
      </Popover>
      {modal}
    </>
  );
}

/** A dot for the live connection: green while events flow, orange while (re)connecting, red while waiting to retry. */
export function LiveIndicator() {
  const { t } = useI18n();
  const status = useLiveStatus();
  const colour = status === 'open' ? 'success' : status === 'connecting' ? 'warning' : 'error';
  return (
    <span data-testid="live-status" data-state={status}>
      <Badge status={colour} text={<Typography.Text type="secondary" className="a-small">{t(`live.${status}`)}</Typography.Text>} />
    </span>
  );
}
