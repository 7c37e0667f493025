import { List, Tag } from 'antd-mobile';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { Withdrawal, WithdrawalStatus } from './income-types';

const COLORS: Record<WithdrawalStatus, string> = { pending_review: 'warning', paying: 'primary', paid: 'success', failed: 'danger', rejected: 'default' };

/** 提现记录, newest first, with status, fee, net, card and the review note or failure reason. */
export function WithdrawalHistory({ items }: { items: Withdrawal[] }) {
  const { t, lang } = useI18n();
  return (
    <List mode="card" header={t('withdraw.history')} data-testid="withdrawals">
      {items.length === 0 && <List.Item>{t('withdraw.noHistory')}</List.Item>}
      {items.map((w) => (
        <List.Item
          key={w.id}
          data-testid="withdrawal"
          data-withdrawal-id={w.id}
          data-status={w.status}
          extra={<Tag color={COLORS[w.status]}>{t(`withdraw.status.${w.status}`)}</Tag>}
          description={
            <div className="m-income-lines">
              <div>{formatDateTime(w.createdAt, lang)} · {w.cardMasked}</div>
              <div>{t('withdraw.fee')} {formatFen(w.feeFen)} · {t('withdraw.netAmount')} {formatFen(w.netFen)}</div>
              {w.paidAt && <div>{t('withdraw.paidAt', { time: formatDateTime(w.paidAt, lang) })}</div>}
              {w.reviewNote && <div>{t('withdraw.reviewNote', { note: w.reviewNote })}</div>}
              {w.failureReason && <div className="m-danger-text">{t('withdraw.failure', { reason: w.failureReason })}</div>}
            </div>
          }
        >
          {formatFen(w.amountFen)}
        </List.Item>
      ))}
    </List>
  );
}
