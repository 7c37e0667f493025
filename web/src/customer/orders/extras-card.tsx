import { Button, Dialog, Tag } from 'antd-mobile';
import { api } from '../../shared/api';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { ExtraWork } from '../../shared/order-types';

/** 加项: what the worker proposed on site, with accept (pays the amount) or refuse while it is open. */
export function ExtrasCard({ orderId, extras, run, busy }: {
  orderId: string;
  extras: ExtraWork[];
  run: (name: string, call: () => Promise<unknown>, done?: string) => Promise<boolean>;
  busy: string | null;
}) {
  const { t, lang } = useI18n();
  if (extras.length === 0) return null;

  async function decide(extra: ExtraWork, accept: boolean) {
    const sure = await Dialog.confirm({
      content: accept ? t('extra.acceptConfirm', { title: extra.title, amount: formatFen(extra.amountFen) }) : t('extra.refuseConfirm', { title: extra.title }),
      confirmText: t(accept ? 'extra.accept' : 'extra.refuse'),
      cancelText: t('common.cancel'),
    });
    if (!sure) return;
    await run(`extra-${extra.id}`, () => api(`/api/orders/${orderId}/extras/${extra.id}/decision`, { body: { accept } }), t(accept ? 'extra.accepted' : 'extra.refused'));
  }

  const open = extras.some((extra) => extra.status === 'proposed');
  return (
    <section className={open ? 'm-order-notice m-order-notice-warn' : 'm-section'} data-testid="order-extras">
      <div className="m-section-title">{t('extra.title')}</div>
      {extras.map((extra) => (
        <div key={extra.id} className="m-order-extra" data-testid="order-extra" data-extra-id={extra.id} data-status={extra.status}>
          <div className="m-order-extra-head">
            <span>{extra.title}</span>
            <span>{formatFen(extra.amountFen)}</span>
          </div>
          {extra.reason && <div className="m-order-text">{extra.reason}</div>}
          <div className="m-order-muted">
            {formatDateTime(extra.createdAt, lang)} <Tag color={extra.status === 'accepted' ? 'success' : extra.status === 'proposed' ? 'warning' : 'default'}>{t(`extra.status.${extra.status}`)}</Tag>
          </div>
          {extra.status === 'proposed' && (
            <div className="m-order-notice-actions">
              <Button size="small" color="primary" loading={busy === `extra-${extra.id}`} onClick={() => decide(extra, true)} data-testid="extra-accept">
                {t('extra.acceptAmount', { amount: formatFen(extra.amountFen) })}
              </Button>
              <Button size="small" onClick={() => decide(extra, false)} data-testid="extra-refuse">
                {t('extra.refuse')}
              </Button>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
