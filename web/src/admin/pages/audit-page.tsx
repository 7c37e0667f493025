import { Input, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { AuditEntry } from '../../shared/types';
import { PagedTable } from '../paged-table';
import { usePaged } from '../use-paged';

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'string') return detail;
  const text = JSON.stringify(detail);
  return text === '{}' ? '' : text;
}

/** The audit log: every admin action and sign-in, newest first. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [action, setAction] = useState('');
  const paged = usePaged<AuditEntry>('/api/admin/audit', { action });
  const kindLabel = (kind: string) => {
    const label = t(`audit.kind.${kind}`);
    return label === `audit.kind.${kind}` ? kind : label;
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'createdAt', width: 150, render: (value: string) => formatDateTime(value, lang) },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_value, entry) => (
        <>
          <Tag>{kindLabel(entry.actorKind)}</Tag>
          {entry.actorName || entry.actorId || '—'}
        </>
      ),
    },
    { title: t('audit.action'), dataIndex: 'action', render: (value: string) => <Tag color="blue">{value}</Tag> },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_value, entry) => (entry.targetType ? `${entry.targetType}${entry.targetId ? ` · ${entry.targetId}` : ''}` : '—'),
    },
    { title: t('audit.ip'), dataIndex: 'ip', render: (value: string | null) => value ?? '—' },
    { title: t('audit.detail'), dataIndex: 'detail', render: (detail: unknown) => <span className="a-detail">{detailText(detail)}</span> },
  ];

  return (
    <>
      <div className="a-toolbar">
        <Input.Search
          allowClear
          placeholder={t('audit.actionPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(value) => setAction(value.trim())}
          style={{ width: 360 }}
        />
      </div>
      <PagedTable paged={paged} columns={columns} testId="audit-table" />
    </>
  );
}
