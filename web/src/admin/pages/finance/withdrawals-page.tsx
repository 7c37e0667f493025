import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { StatusTag } from './finance-format';
import type { AdminWithdrawal, WithdrawalStatus } from './finance-types';
import { WithdrawalDecisionModal } from './withdrawal-decision-modal';

const STATUSES: (WithdrawalStatus | 'all')[] = ['pending_review', 'paying', 'failed', 'paid', 'rejected', 'all'];

/** 提现审核: withdrawals by status; 通过 / 驳回 one under review, 重新打款 a failed one (with `finance:write`). */
export function FinanceWithdrawalsPage() {
  const { t } = useI18n();
  const { can } = useAdminSession();
  const [status, setStatus] = useState<WithdrawalStatus | 'all'>('pending_review');
  const loaded = useLoad(
    (signal) => api<{ total: number; items: AdminWithdrawal[] }>('/api/admin/finance/withdrawals', { query: { status: status === 'all' ? undefined : status }, signal }),
    [status],
  );
  const [decision, setDecision] = useState<{ withdrawal: AdminWithdrawal; approve: boolean } | null>(null);
  const columns = useColumns(can('finance:write'), setDecision, () => loaded.reload(true));

  return (
    <div data-testid="finance-withdrawals">
      <Typography.Paragraph type="secondary">{t('fin.wd.intro')}</Typography.Paragraph>
      <div className="a-toolbar">
        <Segmented
          value={status}
          onChange={setStatus}
          options={STATUSES.map((value) => ({ value, label: <span data-testid={`withdrawals-status-${value}`}>{value === 'all' ? t('common.all') : t(`fin.wd.status.${value}`)}</span> }))}
        />
        <span className="a-toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={() => loaded.reload()} data-testid="withdrawals-refresh">
          {t('fin.refresh')}
        </Button>
      </div>
      {loaded.error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      <Table<AdminWithdrawal> rowKey="id" data-testid="withdrawals-table" columns={columns} dataSource={loaded.data?.items ?? []} loading={loaded.loading} pagination={{ pageSize: 20, showSizeChanger: false }} />
      {decision && (
        <WithdrawalDecisionModal
          withdrawal={decision.withdrawal}
          approve={decision.approve}
          onClose={(done) => {
            setDecision(null);
            if (done) loaded.reload(true);
          }}
        />
      )}
    </div>
  );
}

function useColumns(mayWrite: boolean, decide: (d: { withdrawal: AdminWithdrawal; approve: boolean }) => void, reload: () => void): TableColumnsType<AdminWithdrawal> {
  const { t, lang } = useI18n();
  const { message } = App.useApp();

  async function retry(w: AdminWithdrawal) {
    try {
      await api(`/api/admin/finance/withdrawals/${w.id}/retry`, { body: {} });
      message.success(t('fin.wd.retried'));
      reload();
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    }
  }

  const actions = (w: AdminWithdrawal) => (
    <Space size={0} data-testid={`withdrawal-actions-${w.id}`}>
      {w.status === 'pending_review' && (
        <>
          <Button type="link" size="small" onClick={() => decide({ withdrawal: w, approve: true })} data-testid={`withdrawal-approve-${w.id}`}>
            {t('fin.wd.approve')}
          </Button>
          <Button type="link" size="small" danger onClick={() => decide({ withdrawal: w, approve: false })} data-testid={`withdrawal-reject-${w.id}`}>
            {t('fin.wd.reject')}
          </Button>
        </>
      )}
      {w.status === 'failed' && (
        <Popconfirm title={t('fin.wd.retry')} onConfirm={() => retry(w)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
          <Button type="link" size="small" data-testid={`withdrawal-retry-${w.id}`}>
            {t('fin.wd.retry')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return [
    { title: t('fin.wd.worker'), dataIndex: 'workerName', render: (name: string) => name || '—' },
    { title: t('fin.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('fin.wd.fee'), dataIndex: 'feeFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('fin.wd.net'), dataIndex: 'netFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('fin.wd.card'), dataIndex: 'cardMasked' },
    { title: t('fin.status'), dataIndex: 'status', render: (status: string, w) => <StatusTag t={t} status={status} prefix="fin.wd.status" testId={`withdrawal-status-${w.id}`} /> },
    { title: t('fin.wd.attempts'), dataIndex: 'attempts', align: 'right' },
    { title: t('fin.wd.note'), key: 'note', render: (_v, w) => w.failureReason || w.reviewNote || '—' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, lang) },
    ...(mayWrite ? [{ title: t('common.actions'), key: 'actions', render: (_v: unknown, w: AdminWithdrawal) => actions(w) }] : []),
  ];
}
