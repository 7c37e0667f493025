import { App, Button, Descriptions, Modal, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useAdminSession } from '../session';
import type { AdminNotification } from './notification-types';

/** Where a notification's link leads in the console, or null when it has no page here (then its detail is shown). */
export function notificationTarget(n: AdminNotification, can: (p: 'orders:read' | 'support:answer') => boolean): string | null {
  const link = n.link;
  if (!link?.id) return null;
  const orderLink = link.kind === 'order' || (link.kind === 'chat' && n.type !== 'support_reply');
  if (orderLink && can('orders:read')) return `/orders?open=${encodeURIComponent(link.id)}`;
  if (link.kind === 'chat' && n.type === 'support_reply' && can('support:answer')) return `/support?ticket=${encodeURIComponent(link.id)}`;
  if (link.kind === 'incident' && can('orders:read')) return `/incidents?incident=${encodeURIComponent(link.id)}`;
  return null;
}

/**
 * Opening a notification: `GET /api/admin/notifications/:id` marks it read (the badge follows through the live
 * `notification.read` event), then its order opens in the order drawer (a ticket in 客服工单, an SOS incident in
 * 紧急求助), or else its detail shows in a dialog. Render `modal` once where the hook is used.
 */
export function useOpenNotification(onOpened?: () => void): { open: (n: AdminNotification) => Promise<void>; modal: ReactNode } {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<AdminNotification | null>(null);

  async function open(n: AdminNotification) {
    let opened = n;
    try {
      opened = await api<AdminNotification>(`/api/admin/notifications/${n.id}`);
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
      return;
    }
    onOpened?.();
    const target = notificationTarget(opened, can);
    if (target) navigate(target);
    else setDetail(opened);
  }

  const modal = detail && (
    <Modal
      open
      title={detail.title}
      onCancel={() => setDetail(null)}
      footer={<Button onClick={() => setDetail(null)}>{t('notify.close')}</Button>}
      data-testid="notification-detail"
    >
      <p className="a-pre" data-testid="notification-detail-body">{detail.body}</p>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'at', label: t('notify.time'), children: formatDateTime(detail.createdAt, lang) },
          { key: 'category', label: t('notify.category'), children: <Tag>{t(`notify.category.${detail.category}`)}</Tag> },
          ...(detail.link ? [{ key: 'link', label: t('notify.link'), children: `${t(`notify.link.${detail.link.kind}`)} ${detail.link.id ?? ''}` }] : []),
        ]}
      />
    </Modal>
  );
  return { open, modal };
}
