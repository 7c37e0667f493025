import { Alert, Button, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { labelOr } from '../finance/finance-format';
import type { JournalEntry } from '../finance/finance-types';

interface RefundMove {
  id: number;
  kind: string;
  memo: string;
  amountFen: number;
  /** requested: escrow → refunds payable (or back onto a service card); confirmed: the provider paid it back. */
  step: 'requested' | 'confirmed';
  createdAt: string;
}

const PAGE = 200;

/** The order's refunds as the ledger records them: each refund decided (with its reason) and each one the provider confirmed. */
function refundMoves(entries: JournalEntry[]): RefundMove[] {
  const moves: RefundMove[] = [];
  for (const e of entries) {
    const payable = e.lines.find((l) => l.account.startsWith('refunds_payable'));
    const toCard = e.kind === 'card_return' ? e.lines.find((l) => l.account.startsWith('card_prepaid')) : undefined;
    if (e.kind === 'refund_confirmed' && payable) moves.push({ id: e.id, kind: e.kind, memo: e.memo, amountFen: Math.abs(payable.amountFen), step: 'confirmed', createdAt: e.createdAt });
    else if (payable && payable.amountFen > 0) moves.push({ id: e.id, kind: e.kind, memo: e.memo, amountFen: payable.amountFen, step: 'requested', createdAt: e.createdAt });
    else if (toCard && toCard.amountFen > 0) moves.push({ id: e.id, kind: e.kind, memo: e.memo, amountFen: toCard.amountFen, step: 'requested', createdAt: e.createdAt });
  }
  return moves;
}

/**
 * What has been refunded on the order so far (every refund decided, from its journal entries), for `finance:read`;
 * undefined while loading, null when it cannot be known (no permission, or loading failed). `version` changes to load it again.
 */
export function useRefundedFen(orderId: string, enabled: boolean, version: number): number | null | undefined {
  const loaded = useLoad(
    (signal) => (enabled ? api<{ items: JournalEntry[] }>('/api/admin/finance/journal', { query: { orderId, pageSize: PAGE }, signal }) : Promise.resolve(null)),
    [orderId, enabled, version],
  );
  if (!enabled || loaded.error !== undefined) return null;
  if (!loaded.data) return undefined;
  return refundMoves(loaded.data.items).filter((m) => m.step === 'requested').reduce((sum, m) => sum + m.amountFen, 0);
}

/** 退款记录 (for `finance:read`): from the order's journal entries; `version` changes after a refund to load them again. */
export function OrderRefundsSection({ orderId, version }: { orderId: string; version: number }) {
  const { t, lang } = useI18n();
  const loaded = useLoad((signal) => api<{ items: JournalEntry[] }>('/api/admin/finance/journal', { query: { orderId, pageSize: PAGE }, signal }), [orderId, version]);
  const moves = refundMoves(loaded.data?.items ?? []);
  const requested = moves.filter((m) => m.step === 'requested').reduce((sum, m) => sum + m.amountFen, 0);
  const confirmed = moves.filter((m) => m.step === 'confirmed').reduce((sum, m) => sum + m.amountFen, 0);
  const columns: TableColumnsType<RefundMove> = [
    { title: t('fin.time'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at, lang) },
    { title: t('fin.kind'), dataIndex: 'kind', render: (kind: string) => labelOr(t, `fin.entry.${kind}`, kind) },
    { title: t('order.refunds.memo'), dataIndex: 'memo', ellipsis: true },
    { title: t('fin.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('fin.status'), dataIndex: 'step', render: (step: RefundMove['step']) => <Tag color={step === 'confirmed' ? 'green' : 'blue'}>{t(`order.refunds.${step}`)}</Tag> },
  ];
  return (
    <section data-testid="order-refunds" data-requested={requested} data-confirmed={confirmed}>
      <div className="a-toolbar" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('order.section.refunds')}
        </Typography.Title>
        <span className="a-toolbar-spacer" />
        <Button type="link" size="small" onClick={() => loaded.reload()} data-testid="order-refunds-refresh">
          {t('fin.refresh')}
        </Button>
      </div>
      {loaded.error !== undefined && (
        <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      {moves.length === 0 && !loaded.loading && loaded.error === undefined ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('order.refunds.none')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" className="a-small" data-testid="order-refunds-summary">
            {t('order.refunds.summary', { requested: formatFen(requested), confirmed: formatFen(confirmed) })}
          </Typography.Paragraph>
          <Table<RefundMove>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={moves}
            loading={loaded.loading}
            pagination={false}
            data-testid="order-refunds-table"
            onRow={(m) => ({ 'data-step': m.step, 'data-amount': m.amountFen }) as HTMLAttributes<HTMLElement>}
          />
        </>
      )}
    </section>
  );
}
