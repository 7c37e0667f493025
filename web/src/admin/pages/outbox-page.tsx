import { SyncOutlined } from '@ant-design/icons';
import { Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OutboxChannel, OutboxMessage } from '../../shared/types';
import { PagedTable } from '../paged-table';
import { usePaged } from '../use-paged';
import { LinkifiedText } from './linkified-text';

const REFRESH_MS = 5000;

/** Messages of the local SMS and e-mail providers, newest first, refreshed every 5 s. */
export function OutboxPage() {
  const { t } = useI18n();
  const [channel, setChannel] = useState<OutboxChannel>('sms');
  return (
    <>
      <Typography.Paragraph type="secondary">{t('outbox.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={channel}
        onChange={(key) => setChannel(key as OutboxChannel)}
        destroyOnHidden
        tabBarExtraContent={
          <Tag icon={<SyncOutlined spin />} color="processing">
            {t('outbox.autoRefresh')}
          </Tag>
        }
        items={[
          { key: 'sms', label: t('outbox.sms'), children: <OutboxTable channel="sms" /> },
          { key: 'email', label: t('outbox.email'), children: <OutboxTable channel="email" /> },
        ]}
      />
    </>
  );
}

function OutboxTable({ channel }: { channel: OutboxChannel }) {
  const { t, lang } = useI18n();
  const paged = usePaged<OutboxMessage>('/api/admin/outbox', { channel });
  const { reload } = paged;
  useEffect(() => {
    const timer = window.setInterval(() => reload(true), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const columns: TableColumnsType<OutboxMessage> = [
    { title: t('outbox.sentAt'), dataIndex: 'createdAt', width: 150, render: (value: string) => formatDateTime(value, lang) },
    { title: t('outbox.recipient'), dataIndex: 'recipient', width: 220 },
    ...(channel === 'email' ? [{ title: t('outbox.subject'), dataIndex: 'subject', width: 220 }] : []),
    { title: t('outbox.body'), dataIndex: 'body', render: (body: string) => <LinkifiedText text={body} /> },
  ];
  return <PagedTable paged={paged} columns={columns} testId={`outbox-${channel}`} />;
}
