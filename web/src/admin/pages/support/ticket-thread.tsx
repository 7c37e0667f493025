import { CustomerServiceOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Avatar, Button, Card, Descriptions, Form, Input, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useFormSubmit } from '../../../shared/use-form-submit';
import { useLoad } from '../../../shared/use-load';
import { useAdminEvent, useLiveReopened } from '../../live/admin-events';
import { useAdminSession } from '../../session';
import type { DeskTicketThread, TicketStatus } from './support-types';

export const STATUS_COLORS: Record<TicketStatus, string> = { open: 'orange', answered: 'blue', closed: 'default' };

/** A ticket's status as a coloured tag. */
export function TicketStatusTag({ status, testId }: { status: TicketStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`support.status.${status}`)}
    </Tag>
  );
}

interface Props {
  ticketId: string;
  /** After an answer or closing (the list follows). */
  onChanged: () => void;
  onOpenOrder: (orderId: string) => void;
}

/**
 * One ticket: who wrote, about which order, the conversation (plain text) and, while it is not closed, the answer
 * box and 关闭工单. A `support` event for this ticket (the user added to it) reloads it in place.
 */
export function TicketThread({ ticketId, onChanged, onOpenOrder }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const [form] = Form.useForm<{ body: string }>();
  const loaded = useLoad((signal) => api<DeskTicketThread>(`/api/admin/support/tickets/${ticketId}`, { signal }), [ticketId]);
  const { reload } = loaded;
  const ticket = loaded.data?.id === ticketId ? loaded.data : undefined;
  const [closing, setClosing] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);

  useLiveReopened(() => reload(true));
  useAdminEvent('support', (event) => {
    if (event.ticketId === ticketId) reload(true);
  });

  useEffect(() => {
    const box = scroller.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [ticket?.messages.length, ticketId]);

  function refused(error: unknown): boolean {
    if (error instanceof ApiError && error.code === 'SUPPORT_TICKET_CLOSED') {
      message.error(errorText(error, t('common.failed')));
      reload(true);
      return true;
    }
    return false;
  }

  const { submitting, submit } = useFormSubmit<{ body: string }>(
    form,
    ['body'],
    async (values) => {
      await api<DeskTicketThread>(`/api/admin/support/tickets/${ticketId}/answer`, { body: { body: values.body.trim() } });
      form.resetFields();
      message.success(t('support.sent'));
      reload(true);
      onChanged();
    },
    (text) => message.error(text),
    refused,
  );

  async function close() {
    setClosing(true);
    try {
      await api<DeskTicketThread>(`/api/admin/support/tickets/${ticketId}/answer`, { body: { close: true } });
      message.success(t('support.closed'));
      reload(true);
      onChanged();
    } catch (error) {
      if (!refused(error)) message.error(errorText(error, t('common.failed')));
    } finally {
      setClosing(false);
    }
  }

  if (loaded.error !== undefined && !ticket) {
    return (
      <Card>
        <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => reload()}>{t('common.retry')}</Button>} />
      </Card>
    );
  }
  if (!ticket) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }

  const userLabel = t(`support.from.${ticket.audience === 'worker' ? 'worker' : 'user'}`);
  return (
    <Card
      className="a-ticket"
      data-testid="support-thread"
      data-ticket-id={ticket.id}
      data-status={ticket.status}
      title={
        <Space wrap>
          <span data-testid="support-thread-subject">{ticket.subject}</span>
          <TicketStatusTag status={ticket.status} testId="support-thread-status" />
        </Space>
      }
      extra={<Typography.Text type="secondary" className="a-small a-mono">{ticket.ticketNo}</Typography.Text>}
    >
      <Descriptions
        size="small"
        column={2}
        items={[
          {
            key: 'user',
            label: t('support.col.user'),
            children: (
              <Space size={4} wrap>
                <span>{ticket.userName || t('support.unnamed')}</span>
                <Typography.Text type="secondary">{ticket.userPhone ?? ''}</Typography.Text>
                <Tag>{t(`support.audience.${ticket.audience}`)}</Tag>
              </Space>
            ),
          },
          {
            key: 'order',
            label: t('support.col.order'),
            children: ticket.orderId && can('orders:read') ? (
              <Button type="link" size="small" className="a-link-inline" onClick={() => onOpenOrder(ticket.orderId!)} data-testid="support-thread-order">
                {t('support.openOrder')}
              </Button>
            ) : (
              '—'
            ),
          },
          { key: 'created', label: t('support.createdAt'), children: formatDateTime(ticket.createdAt, lang) },
          { key: 'updated', label: t('support.col.updatedAt'), children: formatDateTime(ticket.updatedAt, lang) },
        ]}
      />
      <div className="a-ticket-messages" ref={scroller} data-testid="support-messages">
        {ticket.messages.map((m) => (
          <div key={m.id} className={`a-ticket-msg a-ticket-msg-${m.from}`} data-testid="support-message" data-from={m.from}>
            <Avatar size="small" icon={m.from === 'support' ? <CustomerServiceOutlined /> : <UserOutlined />} className="a-ticket-avatar" />
            <div className="a-ticket-bubble-wrap">
              <div className="a-ticket-meta">
                {m.from === 'support' ? `${t('support.from.support')} · ${m.senderName}` : userLabel} · {formatDateTime(m.createdAt, lang)}
              </div>
              {/* Plain text: React renders it as text, so `<b>` shows as typed. */}
              <div className="a-ticket-bubble a-pre" data-testid="support-message-body">{m.body}</div>
            </div>
          </div>
        ))}
      </div>
      {ticket.status === 'closed' ? (
        <Alert type="info" showIcon title={t('support.closedHint')} data-testid="support-thread-closed" />
      ) : (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} className="a-ticket-answer">
          <Form.Item name="body" label={t('support.answer')} rules={[{ required: true, whitespace: true, message: t('support.answerRequired') }]}>
            <Input.TextArea id="support-answer" rows={3} maxLength={4000} showCount placeholder={t('support.answerPlaceholder')} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="support-send">
              {t('support.send')}
            </Button>
            <Popconfirm title={t('support.closeConfirm')} okText={t('support.close')} cancelText={t('common.cancel')} onConfirm={close} okButtonProps={{ id: 'support-close-ok' }}>
              <Button danger loading={closing} data-testid="support-close">
                {t('support.close')}
              </Button>
            </Popconfirm>
          </Space>
        </Form>
      )}
    </Card>
  );
}
