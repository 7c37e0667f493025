import { Descriptions, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { pick, type QuoteLine } from '../../../shared/catalog-types';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { AdminOrderView, ExtraWork } from '../../../shared/order-types';

const EXTRA_COLORS = { proposed: 'gold', accepted: 'green', refused: 'red', withdrawn: 'default' } as const;

function quantityText(line: QuoteLine): string {
  const quantity = Number.isInteger(line.quantity) ? String(line.quantity) : String(Number(line.quantity.toFixed(3)));
  return `${quantity} × ${formatFen(line.unitPriceFen)}`;
}

/** 费用明细: the booked quote's lines, then what is due, paid, refunded and kept as a fee. */
export function PriceSection({ order }: { order: AdminOrderView }) {
  const { t, lang } = useI18n();
  const price = order.price;
  const columns: TableColumnsType<QuoteLine> = [
    { title: t('order.line'), key: 'label', render: (_value, line) => pick(lang, line.label) },
    { title: t('order.lineQuantity'), key: 'quantity', render: (_value, line) => quantityText(line) },
    { title: t('order.lineRule'), key: 'rule', render: (_value, line) => <Typography.Text type="secondary" className="a-small">{pick(lang, line.rule.description)}</Typography.Text> },
    { title: t('order.lineAmount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
  ];
  const sums: [string, number, string?][] = [
    ['order.subtotal', price.subtotalFen],
    ['order.discount', -price.discountFen],
    ['order.total', price.totalFen, 'order-total'],
    ['order.extrasTotal', price.extrasFen],
    ['order.due', price.dueFen, 'order-due'],
    ['order.paid', price.paidFen, 'order-paid'],
    ['order.refund', price.refundFen],
    ['order.fee', price.feeFen],
    ['order.workerCompensation', price.workerCompensationFen],
  ];
  return (
    <section data-testid="order-price">
      <Typography.Title level={5}>{t('order.section.price')}</Typography.Title>
      <Table<QuoteLine> size="small" rowKey={(line) => `${line.code}-${line.rule.id}-${line.amountFen}`} columns={columns} dataSource={price.lines} pagination={false} data-testid="order-price-lines" />
      <Descriptions
        className="a-order-sums"
        bordered
        size="small"
        column={3}
        items={sums.map(([key, fen, testId]) => ({ key, label: t(key), children: <span data-testid={testId}>{formatFen(fen)}</span> }))}
      />
    </section>
  );
}

/** 增项: extra work the worker proposed on site and the customer's answer. */
export function ExtrasSection({ extras }: { extras: ExtraWork[] }) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<ExtraWork> = [
    { title: t('order.extraTitle'), dataIndex: 'title' },
    { title: t('order.extraAmount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('order.extraReason'), dataIndex: 'reason' },
    { title: t('order.extraStatus'), dataIndex: 'status', render: (status: ExtraWork['status']) => <Tag color={EXTRA_COLORS[status]}>{t(`order.extra.${status}`)}</Tag> },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, lang) },
  ];
  return (
    <section data-testid="order-extras">
      <Typography.Title level={5}>{t('order.section.extras')}</Typography.Title>
      {extras.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('order.noExtras')} />
      ) : (
        <Table<ExtraWork> size="small" rowKey="id" columns={columns} dataSource={extras} pagination={false} />
      )}
    </section>
  );
}
