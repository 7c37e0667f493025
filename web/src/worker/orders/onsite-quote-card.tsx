import '../../mobile/onsite/onsite.css';
import { Button, Tag } from 'antd-mobile';
import { useState } from 'react';
import { formatFen, formatFenRange } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { ProposalSummary } from '../../mobile/onsite/proposal-summary';
import { OnSiteQuoteForm } from './onsite-quote-form';

const TAG: Record<string, string> = { proposed: 'warning', accepted: 'success', declined: 'danger', replaced: 'default', withdrawn: 'default' };

/** 上门报价 on the worker's order page: the latest proposal and its answer, and 现场报价 / 修改报价 while allowed. */
export function WorkerOnSiteQuoteCard({ order, onChanged }: { order: OrderView; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const quote = order.onSiteQuote;
  if (!quote) return null;
  const latest = quote.proposals.find((p) => p.status !== 'replaced') ?? null;
  const canPropose = order.actions.includes('propose_onsite_quote');
  if (!latest && !canPropose) return null;
  const range = quote.referenceRange ? formatFenRange(quote.referenceRange.minFen, quote.referenceRange.maxFen) : null;
  return (
    <section className="m-onsite-card" data-testid="worker-onsite-card" data-live={latest?.status === 'proposed'}>
      <div className="m-onsite-card-head">
        <span>{t('onsite.title')}</span>
        {latest && <Tag color={TAG[latest.status]} data-testid="worker-onsite-status">{t(`onsite.status.${latest.status}`)}</Tag>}
      </div>
      {!latest && (
        <div className="m-onsite-note">
          {range ? t('onsite.intro', { deposit: formatFen(quote.depositFen), range }) : t('onsite.introNoRange', { deposit: formatFen(quote.depositFen) })}
        </div>
      )}
      {latest && <ProposalSummary proposal={latest} balancePaid={latest.status === 'accepted' && order.price.dueFen <= order.price.paidFen} />}
      {latest?.status === 'proposed' && <div className="m-onsite-note">{t('onsite.waitingNote')}</div>}
      {latest?.status === 'accepted' && <div className="m-onsite-note">{t('onsite.acceptedNote')}</div>}
      {latest?.status === 'declined' && <div className="m-onsite-note">{t('onsite.declinedNote')}</div>}
      {canPropose && (
        <div className="m-onsite-actions">
          <Button color="primary" fill={latest ? 'outline' : 'solid'} onClick={() => setOpen(true)} data-testid="onsite-open">
            {t(latest?.status === 'proposed' ? 'onsite.replace' : 'onsite.propose')}
          </Button>
        </div>
      )}
      <OnSiteQuoteForm orderId={order.id} quote={quote} visible={open} onClose={() => setOpen(false)} onDone={() => { setOpen(false); onChanged(); }} />
    </section>
  );
}
