import { App, Badge, Button, Segmented, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, errorText } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { PagedTable } from '../paged-table';
import { usePaged } from '../use-paged';
import { useAdminEvent, useLiveReopened } from './admin-events';
import type { AdminNotification, NotificationList } from './notification-types';
import { useOpenNotification } from './use-open-notification';

type Filter = 'all' | 'unread';

/** 消息通知: every notification of this admin (or the unread ones), mark one / all read, open its link; live. */
export function NotificationsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const paged = usePaged<AdminNotification>('/api/admin/notifications', { unread: filter === 'unread' ? true : undefined });
  const { reload } = paged;
  const unread = (paged.data as NotificationList | undefined)?.unread ?? 0;
  const { open, modal } = useOpenNotification();

  // Texts come in the request's language: switching it loads them again.
  const shownLang = useRef(lang);
  useEffect(() => {
    if (shownLang.current === lang) return;
    shownLang.current = lang;
    reload(true);
  }, [lang, reload]);
  useLiveReopened(() => reload(true));
  useAdminEvent('notification', () => reload(true));
  useAdminEvent('notification.read', () => reload(true));

  async function markRead(ids?: string[]) {
    try {
      await api('/api/admin/notifications/read', { body: ids ? { ids } : {} });
      reload(true);
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    }
  }

  const columns: TableColumnsType<AdminNotification> = [
    { title: t('notify.time'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at, lang) },
    { title: t('notify.category'), dataIndex: 'category', width: 90, render: (category: string) => <Tag>{t(`notify.category.${category}`)}</Tag> },
    {
      title: t('notify.content'),
      key: 'content',
      render: (_value, n) => (
        <>
          <Badge dot={!n.readAt} offset={[6, 0]}>
            <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
          </Badge>
          <div className="a-pre a-small">{n.body}</div>
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      render: (_value, n) => (
        <>
          <Button type="link" size="small" onClick={() => void open(n)} data-testid={`notification-open-${n.id}`}>
            {t('notify.open')}
          </Button>
          {!n.readAt && (
            <Button type="link" size="small" onClick={() => void markRead([n.id])} data-testid={`notification-read-${n.id}`}>
              {t('notify.markRead')}
            </Button>
          )}
        </>
      ),
    },
  ];

  return (
    <div data-testid="notifications-page">
      <div className="a-toolbar">
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('notify.filter.all') },
            { value: 'unread', label: t('notify.filter.unread', { count: unread }) },
          ]}
          data-testid="notifications-filter"
        />
        <span className="a-toolbar-spacer" />
        <Button disabled={unread === 0} onClick={() => void markRead()} data-testid="notifications-read-all">
          {t('notify.readAll')}
        </Button>
      </div>
      <PagedTable paged={paged} columns={columns} testId="notifications-table" />
      {modal}
    </div>
  );
}
