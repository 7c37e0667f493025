import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { StatusTag } from './finance-format';
import type { InvoiceRequest, InvoiceStatus } from './finance-types';
import { InvoiceDecisionModal } from './invoice-decision-modal';

const STATUSES: (InvoiceStatus | 'all')[] = ['requested', 'issued', 'rejected', 'all'];

/** 发票申请: requests by status (oldest open first); 开具 with the invoice number or 驳回 with a reason (with `finance:write`). */
export function FinanceInvoicesPage() {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const mayWrite = can('finance:write');
  const [status, setStatus] = useState<InvoiceStatus | 'all'>('requested');
  const loaded = useLoad(
    (signal) => api<{ items: InvoiceRequest[] }>('/api/admin/finance/invoices', { query: { status: status === 'all' ? undefined : status }, signal }),
    [status],
  );
  const [decision, setDecision] = useState<{ invoice: InvoiceRequest; issue: boolean } | null>(null);

  const columns: TableColumnsType<InvoiceRequest> = [
    { title: t('fin.order'), dataIndex: 'orderNo', render: (no: string) => <span className="a-detail" style={{ whiteSpace: 'nowrap' }}>{no}</span> },
    {
      title: t('fin.inv.title'),
      key: 'title',
      render: (_v, i) => (
        <>
          <div>{`${t(`fin.inv.titleKind.${i.titleKind}`)} · ${i.title}`}</div>
          {i.taxNo && <Typography.Text type="secondary" className="a-small">{`${t('fin.inv.taxNo')} ${i.taxNo}`}</Typography.Text>}
        </>
      ),
    },
    { title: t('fin.inv.email'), dataIndex: 'email' },
    { title: t('fin.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('fin.status'), dataIndex: 'status', render: (s: string, i) => <StatusTag t={t} status={s} prefix="fin.inv.status" testId={`invoice-status-${i.id}`} /> },
    { title: t('fin.inv.result'), key: 'result', render: (_v, i) => <span data-testid={`invoice-result-${i.id}`}>{i.invoiceNo || i.note || '—'}</span> },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, lang) },
    { title: t('fin.inv.decidedAt'), dataIndex: 'decidedAt', render: (at: string | null) => formatDateTime(at, lang) },
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, i: InvoiceRequest) =>
              i.status === 'requested' && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setDecision({ invoice: i, issue: true })} data-testid={`invoice-issue-${i.id}`}>
                    {t('fin.inv.issue')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setDecision({ invoice: i, issue: false })} data-testid={`invoice-refuse-${i.id}`}>
                    {t('fin.inv.refuse')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="finance-invoices">
      <Typography.Paragraph type="secondary">{t('fin.inv.intro')}</Typography.Paragraph>
      <div className="a-toolbar">
        <Segmented
          value={status}
          onChange={setStatus}
          options={STATUSES.map((value) => ({ value, label: <span data-testid={`invoices-status-${value}`}>{value === 'all' ? t('common.all') : t(`fin.inv.status.${value}`)}</span> }))}
        />
        <span className="a-toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={() => loaded.reload()} data-testid="invoices-refresh">
          {t('fin.refresh')}
        </Button>
      </div>
      {!mayWrite && <Alert type="info" showIcon title={t('fin.readOnly')} className="a-toolbar" />}
      {loaded.error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      <Table<InvoiceRequest>
        rowKey="id"
        data-testid="invoices-table"
        columns={columns}
        dataSource={loaded.data?.items ?? []}
        loading={loaded.loading}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        onRow={(i) => ({ 'data-invoice-id': i.id, 'data-order-no': i.orderNo, 'data-status': i.status }) as HTMLAttributes<HTMLElement>}
      />
      {decision && (
        <InvoiceDecisionModal
          invoice={decision.invoice}
          issue={decision.issue}
          onClose={(done) => {
            setDecision(null);
            if (done) loaded.reload(true);
          }}
        />
      )}
    </div>
  );
}
