import '../../mobile/onsite/onsite.css';
import { Button, Dialog, Tag } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatFen, formatFenRange } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useIdempotencyKey } from '../../shared/idempotency';
import type { OnSiteProposal, OrderView } from '../../shared/order-types';
import { ProposalSummary } from '../../mobile/onsite/proposal-summary';
import { PaySheet } from './pay-sheet';

/** States in which the card explains, before any proposal, that the price is made on site. */
const WAITING_STATES = ['paid', 'assigned', 'on_the_way', 'in_service'];
const TAG: Record<string, string> = { proposed: 'warning', accepted: 'success', declined: 'default', withdrawn: 'default' };

/** 上门报价 on my order: the worker's itemised proposal (live), 同意 / 不同意, then 支付差价 when more is due. */
export function OnSiteQuoteCard({ order, run, busy }: {
  order: OrderView;
  run: (name: string, call: () => Promise<unknown>, done?: string) => Promise<boolean>;
  busy: string | null;
}) {
  const { t } = useI18n();
  const [paying, setPaying] = useState(false);
  const idempotency = useIdempotencyKey();
  const quote = order.onSiteQuote;
  if (!quote) return null;
  const latest = quote.proposals.find((p) => p.status !== 'replaced') ?? null;
  if (!latest && !WAITING_STATES.includes(order.status)) return null;
  const range = quote.referenceRange ? formatFenRange(quote.referenceRange.minFen, quote.referenceRange.maxFen) : null;
  const dueFen = order.price.dueFen - order.price.paidFen;
  const canPay = order.actions.includes('pay') && dueFen > 0;

  async function answer(p: OnSiteProposal, accept: boolean) {
    const vars = { total: formatFen(p.totalFen), deposit: formatFen(p.depositFen), amount: formatFen(p.balanceDueFen || p.refundDueFen) };
    const content = !accept ? t('onsite.declineAsk', { deposit: formatFen(order.price.paidFen) })
      : p.balanceDueFen > 0 ? t('onsite.acceptAsk.balance', vars) : p.refundDueFen > 0 ? t('onsite.acceptAsk.refund', vars) : t('onsite.acceptAsk.even', vars);
    const sure = await Dialog.confirm({ content, confirmText: t(accept ? 'onsite.accept' : 'onsite.decline'), cancelText: t('common.cancel') });
    if (!sure) return;
    const body = { accept };
    await run(accept ? 'onsite-accept' : 'onsite-decline', async () => {
      try {
        await api(`/api/orders/${encodeURIComponent(order.id)}/onsite-quote/${encodeURIComponent(p.id)}/decision`, { body, headers: idempotency.headersFor({ proposal: p.id, ...body }) });
        idempotency.settle();
      } catch (error) {
        idempotency.settle(error);
        throw error;
      }
    }, t(accept ? 'onsite.accepted' : 'onsite.declined'));
  }

  return (
    <section className="m-onsite-card" data-testid="customer-onsite-card" data-live={latest?.status === 'proposed'} data-status={latest?.status ?? 'waiting'}>
      <div className="m-onsite-card-head">
        <span>{t('onsite.title')}</span>
        {latest && <Tag color={TAG[latest.status]} data-testid="customer-onsite-status">{t(`onsite.status.${latest.status}`)}</Tag>}
      </div>
      {!latest && (
        <div className="m-onsite-note" data-testid="customer-onsite-waiting">
          {t('onsite.waiting', { deposit: formatFen(quote.depositFen) })}
          {range && <div>{t('onsite.reference', { range })}</div>}
        </div>
      )}
      {latest && <ProposalSummary proposal={latest} balancePaid={latest.status === 'accepted' && dueFen <= 0} />}
      {latest?.status === 'proposed' && (
        <>
          <div className="m-onsite-note">{t('onsite.decideNote')}</div>
          <div className="m-onsite-actions">
            <Button onClick={() => answer(latest, false)} loading={busy === 'onsite-decline'} disabled={busy !== null} data-testid="onsite-decline">
              {t('onsite.decline')}
            </Button>
            <Button color="primary" onClick={() => answer(latest, true)} loading={busy === 'onsite-accept'} disabled={busy !== null} data-testid="onsite-accept">
              {t('onsite.accept')}
            </Button>
          </div>
        </>
      )}
      {latest?.status === 'accepted' && canPay && (
        <div className="m-onsite-actions">
          <Button color="primary" onClick={() => setPaying(true)} data-testid="onsite-pay">
            {t('onsite.payBalance', { amount: formatFen(dueFen) })}
          </Button>
        </div>
      )}
      {latest?.status === 'accepted' && latest.refundDueFen > 0 && (
        <div className="m-onsite-note" data-testid="onsite-refund-note">{t('onsite.refundNote', { amount: formatFen(latest.refundDueFen) })}</div>
      )}
      {latest?.status === 'declined' && <div className="m-onsite-note">{t('onsite.declinedNote')}</div>}
      {canPay && <PaySheet order={order} visible={paying} onClose={() => setPaying(false)} />}
    </section>
  );
}
