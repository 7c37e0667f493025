import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import type { CertificateKind } from '../../../shared/worker-types';

interface ExpiringRow {
  id: string;
  kind: CertificateKind;
  number: string;
  expiresAt: string;
  daysLeft: number;
  expired: boolean;
  workerId: string;
  workerName: string;
}

/** Verified certificates expiring within 30 days or already expired, soonest first, to chase renewals. */
export function ExpiringCertificates({ onOpen }: { onOpen: (workerId: string) => void }) {
  const { t } = useI18n();
  const rows = useLoad((signal) => api<ExpiringRow[]>('/api/admin/certificates/expiring', { query: { days: 30 }, signal }), []);
  const columns: TableColumnsType<ExpiringRow> = [
    { title: t('review.displayName'), dataIndex: 'workerName' },
    { title: t('review.certKind'), dataIndex: 'kind', render: (kind: CertificateKind) => t(`certKind.${kind}`) },
    { title: t('review.certNumber'), dataIndex: 'number' },
    { title: t('review.certExpiry'), dataIndex: 'expiresAt' },
    {
      title: t('workers.status'),
      key: 'flag',
      render: (_v, row) => (row.expired ? <Tag color="red">{t('review.certExpired')}</Tag> : <Tag color="orange">{t('review.certDaysLeft', { days: row.daysLeft })}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, row) => (
        <Button type="link" onClick={() => onOpen(row.workerId)}>
          {t('review.open')}
        </Button>
      ),
    },
  ];
  return <Table<ExpiringRow> rowKey="id" columns={columns} dataSource={rows.data ?? []} loading={rows.loading} pagination={{ pageSize: 20, showSizeChanger: false }} />;
}
