import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { pick } from '../../../shared/catalog-types';
import { formatDateTime, formatFen, formatFenRange } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { OnSiteProposal, OnSiteQuote } from '../../../shared/order-types';

const COLORS: Record<OnSiteProposal['status'], string> = { proposed: 'gold', replaced: 'default', accepted: 'green', declined: 'red', withdrawn: 'default' };

/** 上门报价: every proposal of an order priced on site (replaced and declined ones too), for ops and arbitration. */
export function OnSiteQuoteSection({ quote }: { quote: OnSiteQuote | null }) {
  const { t, lang } = useI18n();
  if (!quote) return null;
  const columns: TableColumnsType<OnSiteProposal> = [
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 140, render: (at: string) => formatDateTime(at, lang) },
    {
      title: t('order.onsite.lines'), key: 'lines',
      render: (_v, p) => p.lines.map((l, i) => <div key={i}>{pick(lang, l.label)} × {l.quantity} = {formatFen(l.amountFen)}</div>),
    },
    { title: t('order.onsite.total'), dataIndex: 'totalFen', align: 'right', render: (fen: number) => formatFen(fen) },
    {
      title: t('order.onsite.settle'), key: 'settle',
      render: (_v, p) => (p.balanceDueFen > 0 ? t('order.onsite.balance', { amount: formatFen(p.balanceDueFen) }) : p.refundDueFen > 0 ? t('order.onsite.refund', { amount: formatFen(p.refundDueFen) }) : '—'),
    },
    {
      title: t('order.onsite.reason'), dataIndex: 'outOfRangeReason',
      render: (reason: string | null, p) => (reason ? <>{p.flagged && <Tag color="orange">{t('order.onsite.flagged')}</Tag>}{reason}</> : '—'),
    },
    { title: t('order.onsite.status'), dataIndex: 'status', render: (s: OnSiteProposal['status']) => <Tag color={COLORS[s]}>{t(`order.onsite.status.${s}`)}</Tag> },
  ];
  const range = quote.referenceRange ? formatFenRange(quote.referenceRange.minFen, quote.referenceRange.maxFen) : '—';
  return (
    <section data-testid="order-onsite-quotes">
      <Typography.Title level={5}>{t('order.section.onsite')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('order.onsite.summary', { deposit: formatFen(quote.depositFen), range })}</Typography.Paragraph>
      <Table<OnSiteProposal> size="small" rowKey="id" columns={columns} dataSource={quote.proposals} pagination={false} />
    </section>
  );
}
