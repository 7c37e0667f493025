import { CheckCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Image, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { RescheduleRequest, ServiceRecord } from '../../../shared/order-types';

const RESCHEDULE_COLORS = { pending_ops: 'gold', pending_customer: 'blue', pending_worker: 'blue', approved: 'green', rejected: 'red', withdrawn: 'default' } as const;

function Photos({ urls, label }: { urls: string[]; label: string }) {
  if (urls.length === 0) return null;
  return (
    <div>
      <Typography.Text type="secondary" className="a-small">{label}</Typography.Text>
      <div>
        <Space wrap>
          {urls.map((url) => <Image key={url} src={url} width={96} height={96} className="a-order-photo" alt={label} />)}
        </Space>
      </div>
    </div>
  );
}

/** 服务记录: the worker's notes, before / after photos and checklist. */
export function RecordsSection({ records }: { records: ServiceRecord[] }) {
  const { t, lang } = useI18n();
  return (
    <section data-testid="order-records">
      <Typography.Title level={5}>{t('order.section.records')}</Typography.Title>
      {records.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('order.noRecords')} />}
      <Image.PreviewGroup>
        {records.map((record) => (
          <Card key={record.id} size="small" className="a-order-record" title={formatDateTime(record.createdAt, lang)} data-testid="order-record">
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {record.note && <div className="a-pre">{record.note}</div>}
              <Photos urls={record.photosBefore} label={t('order.recordBefore')} />
              <Photos urls={record.photosAfter} label={t('order.recordAfter')} />
              {record.checklist.length > 0 && (
                <div>
                  <Typography.Text type="secondary" className="a-small">{t('order.recordChecklist')}</Typography.Text>
                  <div>
                    <Space wrap>
                      {record.checklist.map((entry) => (
                        <Tag key={entry.label} icon={entry.done ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <MinusCircleOutlined />}>{entry.label}</Tag>
                      ))}
                    </Space>
                  </div>
                </div>
              )}
            </Space>
          </Card>
        ))}
      </Image.PreviewGroup>
    </section>
  );
}

/** 改约申请 (only when there is one): who asked, old → new time, why, where it stands; 同意 / 拒绝 while it waits for operations. */
export function RescheduleSection({ request, canDecide, onDecide }: { request: RescheduleRequest | null; canDecide: boolean; onDecide: (approve: boolean) => void }) {
  const { t, lang } = useI18n();
  if (!request) return null;
  return (
    <section data-testid="order-reschedule">
      <Typography.Title level={5}>{t('order.section.reschedule')}</Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'by', label: t('order.reschedule.requestedBy'), children: t(`order.actor.${request.requestedBy}`) },
          { key: 'status', label: t('order.reschedule.status'), children: <Tag color={RESCHEDULE_COLORS[request.status]} data-testid="order-reschedule-status">{t(`order.reschedule.status.${request.status}`)}</Tag> },
          { key: 'from', label: t('order.reschedule.from'), children: formatDateTime(request.previousStart, lang) },
          { key: 'to', label: t('order.reschedule.to'), children: formatDateTime(request.proposedStart, lang) },
          { key: 'reason', label: t('order.reschedule.reason'), span: 2, children: request.reason || '—' },
          { key: 'asked', label: t('reschedules.createdAt'), children: formatDateTime(request.createdAt, lang) },
          ...(request.decidedAt ? [{ key: 'decided', label: t('order.reschedule.note'), children: `${formatDateTime(request.decidedAt, lang)} ${request.decisionNote}` }] : []),
        ]}
      />
      {canDecide && request.status === 'pending_ops' && (
        <Space className="a-order-sums">
          <Button type="primary" onClick={() => onDecide(true)} data-testid="order-reschedule-approve">{t('reschedules.approve')}</Button>
          <Button danger onClick={() => onDecide(false)} data-testid="order-reschedule-reject">{t('reschedules.reject')}</Button>
        </Space>
      )}
    </section>
  );
}
