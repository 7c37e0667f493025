import { Input, Select, Space, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { PagedTable } from '../../paged-table';
import { usePaged } from '../../use-paged';
import { accountLabel, labelOr, StatusTag } from './finance-format';
import type { JournalEntry, PaymentRow, RefundRow } from './finance-types';

const ENTRY_KINDS = ['capture', 'completion', 'settlement', 'refund', 'refund_confirmed', 'cancellation', 'no_show', 'after_sales', 'arbitration', 'manual', 'withdrawal', 'withdrawal_returned', 'payout'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 交易流水: journal entries with their lines (filter by order id and kind), and the payments and refunds. */
export function FinanceJournalPage() {
  const { t } = useI18n();
  return (
    <Tabs
      data-testid="finance-journal"
      items={[
        { key: 'journal', label: t('fin.journal.tab'), children: <JournalTab /> },
        { key: 'payments', label: <span data-testid="finance-tab-payments">{t('fin.payments.tab')}</span>, children: <PaymentsTab /> },
        { key: 'refunds', label: <span data-testid="finance-tab-refunds">{t('fin.refunds.tab')}</span>, children: <RefundsTab /> },
      ]}
    />
  );
}

function JournalTab() {
  const { t, lang } = useI18n();
  const [orderId, setOrderId] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const paged = usePaged<JournalEntry>('/api/admin/finance/journal', { orderId: UUID.test(orderId.trim()) ? orderId.trim() : undefined, kind });
  const columns: TableColumnsType<JournalEntry> = [
    { title: t('fin.time'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at, lang) },
    { title: t('fin.kind'), dataIndex: 'kind', width: 110, render: (k: string) => labelOr(t, `fin.entry.${k}`, k) },
    { title: t('fin.order'), dataIndex: 'orderNo', width: 170, render: (no: string | null) => no ?? '—' },
    { title: t('fin.journal.memo'), dataIndex: 'memo', ellipsis: true },
    {
      title: t('fin.journal.lines'),
      key: 'lines',
      render: (_v, entry) => (
        <div data-testid="journal-lines">
          {entry.lines.map((line) => (
            <div key={line.account} className="a-small">
              <Typography.Text type={line.amountFen < 0 ? 'danger' : undefined}>{formatFen(line.amountFen)}</Typography.Text> {accountLabel(t, line.account)}
            </div>
          ))}
        </div>
      ),
    },
  ];
  return (
    <>
      <Space className="a-toolbar" wrap>
        <Input.Search allowClear placeholder={t('fin.journal.orderId')} onSearch={setOrderId} style={{ width: 340 }} data-testid="journal-order" />
        <Select
          allowClear
          placeholder={t('fin.journal.kindAll')}
          value={kind}
          onChange={setKind}
          style={{ width: 180 }}
          options={ENTRY_KINDS.map((k) => ({ value: k, label: t(`fin.entry.${k}`) }))}
          data-testid="journal-kind"
        />
      </Space>
      <PagedTable paged={paged} columns={columns} testId="journal-table" />
    </>
  );
}

function PaymentsTab() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<string | undefined>();
  const paged = usePaged<PaymentRow>('/api/admin/finance/payments', { status });
  const columns: TableColumnsType<PaymentRow> = [
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at, lang) },
    { title: t('fin.order'), dataIndex: 'orderNo' },
    { title: t('fin.payments.method'), dataIndex: 'method', render: (m: string) => labelOr(t, `fin.method.${m}`, m) },
    { title: t('fin.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('fin.status'), dataIndex: 'status', render: (s: string) => <StatusTag t={t} status={s} prefix="fin.payStatus" /> },
    { title: t('fin.payments.outTradeNo'), dataIndex: 'outTradeNo' },
    { title: t('fin.payments.txn'), dataIndex: 'providerTxnId', render: (v: string | null) => v || '—' },
    { title: t('fin.payments.paidAt'), dataIndex: 'paidAt', render: (at: string | null) => formatDateTime(at, lang) },
  ];
  return (
    <>
      <Space className="a-toolbar">
        <Select
          allowClear
          placeholder={t('common.all')}
          value={status}
          onChange={setStatus}
          style={{ width: 160 }}
          options={['pending', 'paid', 'failed', 'closed'].map((s) => ({ value: s, label: t(`fin.payStatus.${s}`) }))}
        />
      </Space>
      <PagedTable paged={paged} columns={columns} testId="payments-table" />
    </>
  );
}

function RefundsTab() {
  const { t, lang } = useI18n();
  const paged = usePaged<RefundRow>('/api/admin/finance/refunds', {});
  const columns: TableColumnsType<RefundRow> = [
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at, lang) },
    { title: t('fin.order'), dataIndex: 'orderNo' },
    { title: t('fin.kind'), dataIndex: 'kind', render: (k: string) => labelOr(t, `fin.entry.${k}`, k) },
    { title: t('fin.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('fin.status'), dataIndex: 'status', render: (s: string) => <StatusTag t={t} status={s} prefix="fin.payStatus" /> },
    { title: t('fin.refunds.reason'), dataIndex: 'reason', ellipsis: true },
    { title: t('fin.refunds.succeededAt'), dataIndex: 'succeededAt', render: (at: string | null) => formatDateTime(at, lang) },
  ];
  return <PagedTable paged={paged} columns={columns} testId="refunds-table" />;
}
