import './onsite.css';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OnSiteProposal } from '../../shared/order-types';

/** One on-site proposal as priced by the server: its lines, the total, the deposit paid and what is due or refunded. */
export function ProposalSummary({ proposal, balancePaid = false }: { proposal: OnSiteProposal; balancePaid?: boolean }) {
  const { t, lang } = useI18n();
  const label = (l: OnSiteProposal['lines'][number]) => (lang === 'en' ? l.label.en : l.label.zh);
  return (
    <div data-testid="onsite-proposal" data-proposal-id={proposal.id} data-status={proposal.status} data-total={proposal.totalFen}>
      <ul className="m-onsite-lines">
        {proposal.lines.map((l, i) => (
          <li key={i} data-testid="onsite-proposal-line">
            <span>
              <span className="m-onsite-kind">{l.kind ? t(`onsite.kind.${l.kind}`) : t('onsite.surcharge')}</span>
              {label(l)}
              {l.kind && l.quantity !== 1 ? ` × ${l.quantity}` : ''}
            </span>
            <span>{formatFen(l.amountFen)}</span>
          </li>
        ))}
      </ul>
      <div className="m-onsite-sum">
        <div className="m-onsite-grand">
          <span>{t('onsite.total')}</span>
          <span data-testid="onsite-proposal-total">{formatFen(proposal.totalFen)}</span>
        </div>
        <div>
          <span>{t('onsite.deposit')}</span>
          <span>{formatFen(proposal.depositFen)}</span>
        </div>
        {proposal.balanceDueFen > 0 && (
          <div className="m-onsite-due" data-testid="onsite-proposal-balance" data-fen={proposal.balanceDueFen} data-paid={balancePaid}>
            <span>{t(balancePaid ? 'onsite.balancePaidLabel' : 'onsite.balance')}</span>
            <span>{formatFen(proposal.balanceDueFen)}</span>
          </div>
        )}
        {proposal.refundDueFen > 0 && (
          <div className="m-onsite-due" data-testid="onsite-proposal-refund" data-fen={proposal.refundDueFen}>
            <span>{t('onsite.refund')}</span>
            <span>{formatFen(proposal.refundDueFen)}</span>
          </div>
        )}
      </div>
      {proposal.outOfRangeReason && <div className="m-onsite-note">{t('onsite.reasonShown', { reason: proposal.outOfRangeReason })}</div>}
      <div className="m-onsite-note">{t('onsite.proposedAt', { time: formatDateTime(proposal.createdAt, lang) })}</div>
    </div>
  );
}
