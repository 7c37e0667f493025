import { Button, Descriptions, Empty, Image, Space, Tag, Typography } from 'antd';
import { itemNameOf } from '../../../shared/catalog-types';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { AdminOrderView } from '../../../shared/order-types';
import { ratingText } from './order-format';
import type { OrderFilterValues } from './order-filters';

export interface SectionProps {
  order: AdminOrderView;
  onOpenOrder: (id: string) => void;
  onFilter: (patch: Partial<OrderFilterValues>) => void;
}

const dash = (value: string | null | undefined) => (value ? value : '—');

/** 订单信息: item, visit, channel, who booked it, notes, photos, rework links. */
export function BasicsSection({ order, onOpenOrder }: SectionProps) {
  const { t, lang } = useI18n();
  return (
    <section data-testid="order-basics">
      <Typography.Title level={5}>{t('order.section.basics')}</Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'no', label: t('orders.col.orderNo'), children: <Typography.Text copyable data-testid="order-no">{order.orderNo}</Typography.Text> },
          { key: 'item', label: t('order.item'), children: itemNameOf(lang, order) },
          { key: 'start', label: t('order.scheduledStart'), children: <span data-testid="order-start">{formatDateTime(order.scheduledStart, lang)}</span> },
          { key: 'duration', label: t('order.duration'), children: t('orders.minutes', { minutes: order.durationMinutes }) },
          { key: 'channel', label: t('order.channel'), children: <Tag color={order.channel === 'phone' ? 'orange' : 'default'}>{t(`orders.channel.${order.channel}`)}</Tag> },
          { key: 'booked', label: t('order.bookedBy'), children: dash(order.bookedByAdmin) },
          { key: 'created', label: t('order.createdAt'), children: formatDateTime(order.createdAt, lang) },
          { key: 'kind', label: t('order.kind'), children: t(`order.kind.${order.kind}`) },
          ...(order.reworkOf ? [{ key: 'reworkOf', label: t('order.reworkOf'), children: <Button type="link" size="small" onClick={() => onOpenOrder(order.reworkOf!)}>{t('order.open')}</Button> }] : []),
          ...(order.reworkOrderId ? [{ key: 'reworkOrder', label: t('order.reworkOrder'), children: <Button type="link" size="small" onClick={() => onOpenOrder(order.reworkOrderId!)}>{t('order.open')}</Button> }] : []),
          { key: 'notes', label: t('order.notes'), span: 2, children: <span className="a-pre">{dash(order.notes)}</span> },
          ...(order.photos.length > 0
            ? [{
                key: 'photos',
                label: t('order.photos'),
                span: 2,
                children: (
                  <Image.PreviewGroup>
                    <Space wrap>
                      {order.photos.map((url) => <Image key={url} src={url} width={84} height={84} className="a-order-photo" alt={t('order.photos')} />)}
                    </Space>
                  </Image.PreviewGroup>
                ),
              }]
            : []),
        ]}
      />
    </section>
  );
}

/** 用户与地址: masked phone, the address and its contact, a link to the customer's other orders. */
export function CustomerSection({ order, onFilter }: SectionProps) {
  const { t } = useI18n();
  const address = order.address;
  return (
    <section data-testid="order-customer">
      <Typography.Title level={5}>{t('order.section.customer')}</Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'name', label: t('order.customer'), children: <span data-testid="order-customer-name">{order.customerName || t('users.unnamed')}</span> },
          { key: 'phone', label: t('users.phone'), children: dash(order.customerPhoneMasked) },
          {
            key: 'id',
            label: t('order.customerId'),
            span: 2,
            children: (
              <Space wrap>
                <Typography.Text code copyable>{order.customerId}</Typography.Text>
                <Button size="small" type="link" onClick={() => onFilter({ customerId: order.customerId })} data-testid="order-customer-orders">
                  {t('order.customerOrders')}
                </Button>
              </Space>
            ),
          },
          { key: 'address', label: t('order.address'), span: 2, children: <>{[address.districtName, address.detail].filter(Boolean).join(' ')} {address.label && <Tag>{address.label}</Tag>}</> },
          { key: 'contact', label: t('order.contact'), span: 2, children: [address.contactName, address.contactPhoneMasked].filter(Boolean).join(' ') || '—' },
        ]}
      />
    </section>
  );
}

/** 师傅: the assigned worker's card (or none yet) and the customer's requested worker. */
export function WorkerSection({ order, onFilter }: SectionProps) {
  const { t } = useI18n();
  const worker = order.worker;
  return (
    <section data-testid="order-worker">
      <Typography.Title level={5}>{t('order.section.worker')}</Typography.Title>
      {worker ? (
        <Descriptions
          bordered
          size="small"
          column={2}
          items={[
            { key: 'name', label: t('order.workerName'), children: <span data-testid="order-worker-name">{worker.name}</span> },
            { key: 'rating', label: t('order.rating'), children: ratingText(t, worker.ratingAvg, worker.ratingCount) },
            { key: 'done', label: t('order.ordersDone'), children: worker.ordersDone },
            { key: 'years', label: t('order.experience'), children: t('order.years', { years: worker.experienceYears }) },
            { key: 'relay', label: t('order.relayPhone'), children: dash(worker.relayPhone) },
            {
              key: 'id',
              label: t('order.workerId'),
              children: (
                <Space wrap>
                  <Typography.Text code copyable>{worker.id}</Typography.Text>
                  <Button size="small" type="link" onClick={() => onFilter({ workerId: worker.id })}>{t('order.workerOrders')}</Button>
                </Space>
              ),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('order.noWorkerYet')} data-testid="order-no-worker" />
      )}
      {order.preferredWorkerId && (
        <Typography.Paragraph type="secondary" className="a-small">
          {t('order.preferredWorker')}: <Typography.Text code>{order.preferredWorkerId}</Typography.Text>
        </Typography.Paragraph>
      )}
    </section>
  );
}

/** 进度时间: each step's time as far as the order got. */
export function TimesSection({ order }: SectionProps) {
  const { t, lang } = useI18n();
  const times: [string, string | null][] = [
    ['order.paidAt', order.paidAt],
    ['order.acceptedAt', order.acceptedAt],
    ['order.eta', order.etaAt],
    ['order.departedAt', order.departedAt],
    ['order.startedAt', order.startedAt],
    ['order.finishedAt', order.finishedAt],
    ['order.autoConfirmAt', order.autoConfirmAt],
    ['order.completedAt', order.completedAt],
    ['order.afterSalesEndsAt', order.afterSalesEndsAt],
    ['order.cancelledAt', order.cancelledAt],
  ];
  return (
    <section data-testid="order-times">
      <Typography.Title level={5}>
        {t('order.section.times')} {order.lateFlagged && <Tag color="red">{t('order.lateFlagged')}</Tag>}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={3}
        items={[
          ...times.map(([key, value]) => ({ key, label: t(key), children: formatDateTime(value, lang) })),
          ...(order.cancelReason ? [{ key: 'reason', label: t('order.cancelReason'), span: 3, children: <span data-testid="order-cancel-reason">{order.cancelReason}</span> }] : []),
        ]}
      />
    </section>
  );
}
