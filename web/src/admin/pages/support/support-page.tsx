import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Row, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useAdminEvent, useLiveReopened } from '../../live/admin-events';
import { useAdminSession } from '../../session';
import type { DeskTicket, TicketStatus } from './support-types';
import { TicketStatusTag, TicketThread } from './ticket-thread';
import './support.css';
import { useUrlState } from '../../use-url-state';

type Filter = TicketStatus | 'all';
const FILTERS: Filter[] = ['open', 'answered', 'closed', 'all'];

/**
 * 客服工单 (`support:answer`): tickets by status with the user (masked phone), subject, order and last change, and
 * the chosen ticket's conversation beside them (`?ticket=<id>`, so a ticket can be linked). A live `support` event
 * (a new ticket, a user's reply, a colleague's answer) reloads the list and the open thread without a page reload;
 * tickets that changed since they were last looked at are tagged 新消息.
 */
export function SupportPage() {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const navigate = useNavigate();
  const { params, update } = useUrlState();
  const filter = (FILTERS as string[]).includes(params.get('status') ?? '') ? (params.get('status') as Filter) : 'open';
  const selected = params.get('ticket');
  const list = useLoad(
    (signal) => api<{ items: DeskTicket[] }>('/api/admin/support/tickets', { query: { status: filter === 'all' ? undefined : filter }, signal }),
    [filter],
  );
  const { reload } = list;
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());

  useLiveReopened(() => reload(true));
  useAdminEvent('support', (event) => {
    reload(true);
    if (event.ticketId !== selected) setFresh((before) => new Set(before).add(event.ticketId));
  });


  function select(id: string) {
    update({ ticket: id });
    setFresh((before) => {
      const next = new Set(before);
      next.delete(id);
      return next;
    });
  }

  const openOrder = (orderId: string) => navigate(`/orders?open=${encodeURIComponent(orderId)}`);

  const columns: TableColumnsType<DeskTicket> = [
    {
      title: t('support.col.ticket'),
      key: 'ticket',
      render: (_value, row) => (
        <>
          <Space size={4} wrap>
            <Typography.Text strong>{row.subject}</Typography.Text>
            {fresh.has(row.id) && <Tag color="red" data-testid={`support-fresh-${row.ticketNo}`}>{t('support.fresh')}</Tag>}
          </Space>
          <div>
            <Typography.Text type="secondary" className="a-small a-mono">{row.ticketNo}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('support.col.user'),
      key: 'user',
      width: 150,
      render: (_value, row) => (
        <>
          <div>
            {row.userName || <Typography.Text type="secondary">{t('support.unnamed')}</Typography.Text>} <Tag className="a-small">{t(`support.audience.${row.audience}`)}</Tag>
          </div>
          <Typography.Text type="secondary" className="a-small">{row.userPhone ?? '—'}</Typography.Text>
        </>
      ),
    },
    {
      title: t('support.col.order'),
      key: 'order',
      width: 96,
      render: (_value, row) =>
        row.orderId && can('orders:read') ? (
          <Button
            type="link"
            size="small"
            className="a-link-inline"
            onClick={(event) => {
              event.stopPropagation();
              openOrder(row.orderId!);
            }}
            data-testid={`support-order-${row.ticketNo}`}
          >
            {t('support.openOrder')}
          </Button>
        ) : (
          '—'
        ),
    },
    { title: t('support.col.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (at: string) => formatDateTime(at, lang) },
    { title: t('support.col.status'), dataIndex: 'status', width: 84, render: (status: TicketStatus) => <TicketStatusTag status={status} /> },
  ];

  return (
    <div data-testid="support-page">
      <Typography.Paragraph type="secondary">{t('support.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <div className="a-toolbar">
            <Segmented<Filter>
              value={filter}
              onChange={(value) => update({ status: value === 'open' ? '' : value })}
              options={FILTERS.map((value) => ({ value, label: <span data-testid={`support-filter-${value}`}>{value === 'all' ? t('support.filter.all') : t(`support.status.${value}`)}</span> }))}
            />
            <span className="a-toolbar-spacer" />
            <Button icon={<ReloadOutlined />} onClick={() => reload()} data-testid="support-refresh">
              {t('support.refresh')}
            </Button>
          </div>
          {list.error !== undefined && (
            <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={errorText(list.error, '')} action={<Button onClick={() => reload()}>{t('common.retry')}</Button>} />
          )}
          <Table<DeskTicket>
            rowKey="id"
            size="middle"
            data-testid="support-tickets"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('support.empty')} /> }}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
            rowClassName={(row) => `a-ticket-row${row.id === selected ? ' a-ticket-row-selected' : ''}`}
            onRow={(row) => ({ onClick: () => select(row.id), 'data-testid': `support-ticket-${row.ticketNo}`, 'data-status': row.status }) as HTMLAttributes<HTMLElement>}
          />
        </Col>
        <Col xs={24} xl={11}>
          {selected ? (
            <TicketThread key={selected} ticketId={selected} onChanged={() => reload(true)} onOpenOrder={openOrder} />
          ) : (
            <div className="a-ticket-placeholder">
              <Empty description={t('support.pick')} />
            </div>
          )}
        </Col>
      </Row>
    </div>
  );
}
