import { Card, Tag } from 'antd-mobile';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { ExtraWork } from '../../shared/order-types';

const STATUS_COLORS: Record<ExtraWork['status'], string> = { proposed: 'warning', accepted: 'success', refused: 'danger', withdrawn: 'default' };

/** The extra work proposed on this order and what the customer answered. */
export function ExtraWorkList({ extras }: { extras: ExtraWork[] }) {
  const { t, lang } = useI18n();
  if (extras.length === 0) return null;
  return (
    <Card className="m-order-section" title={t('extra.listTitle')} data-testid="extra-list">
      {extras.map((extra) => (
        <section key={extra.id} className="m-extra" data-testid="extra-item" data-status={extra.status}>
          <div className="m-extra-head">
            <span className="m-extra-title">{extra.title}</span>
            <Tag color={STATUS_COLORS[extra.status]} data-testid="extra-status">
              {t(`extra.status.${extra.status}`)}
            </Tag>
            <span className="m-order-amount">{formatFen(extra.amountFen)}</span>
          </div>
          {extra.reason && <p className="m-order-note">{extra.reason}</p>}
          <div className="m-order-meta">
            {t('extra.proposedAt', { time: formatDateTime(extra.createdAt, lang) })}
            {extra.decidedAt && ` · ${t('extra.decidedAt', { time: formatDateTime(extra.decidedAt, lang) })}`}
          </div>
        </section>
      ))}
    </Card>
  );
}
