import { Button, Dialog, Toast } from 'antd-mobile';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { useFailureToast } from '../../mobile/use-form-submit';
import { CheckInPopup } from './check-in-popup';
import { DeclinePopup } from './decline-popup';
import { ExtraPopup } from './extra-popup';
import { FinishPopup } from './finish-popup';
import { currentPosition } from './geolocation';
import type { OfferMode } from './hall-api';
import { workerOrders } from './order-api';
import { RecordPopup } from './record-popup';
import { ReschedulePopup } from './reschedule-popup';
import { useGrab } from './use-grab';

type Sheet = 'decline' | 'check_in' | 'record' | 'propose_extra' | 'reschedule' | 'finish';

interface ActionBarProps {
  order: OrderView;
  /** The order changed: load it again. */
  onChanged: () => void;
  /** The order is no longer mine (offer declined, order given back or taken by someone else). */
  onGone: (message: string) => void;
  /** How the open offer reached me (抢单大厅); `grab` labels the accept button 抢单. */
  offerMode?: OfferMode | null;
}

/** The buttons the API allows now (`actions`), the main one last and widest. */
export function OrderActionBar({ order, onChanged, onGone, offerMode = null }: ActionBarProps) {
  const { t } = useI18n();
  const grab = useGrab();
  const showFailure = useFailureToast();
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Giving back (decline from `assigned`) needs a reason, so a listing that checks guards without one leaves it out.
  const can = (action: string) => order.actions.includes(action) || (action === 'decline' && order.status === 'assigned');
  const pendingReschedule = order.reschedule?.status.startsWith('pending_') ?? false;
  const close = () => setSheet(null);
  const changed = (message?: string) => {
    setSheet(null);
    if (message) Toast.show({ icon: 'success', content: message });
    onChanged();
  };

  async function run(name: string, action: () => Promise<unknown>, done: string, claim?: (error: ApiError) => boolean) {
    setBusy(name);
    try {
      await action();
      changed(done);
    } catch (error) {
      if (!(error instanceof ApiError && claim?.(error))) showFailure(error);
    } finally {
      setBusy(null);
    }
  }

  // 抢单 / 接单: every refusal explained (use-grab); an offer that is gone for good leaves the page.
  async function accept() {
    setBusy('accept');
    const outcome = await grab(order.id);
    setBusy(null);
    if (outcome.won) changed(t(offerMode === 'grab' ? 'grab.won' : 'action.accepted'));
    else if (outcome.gone) onGone('');
  }

  const depart = () =>
    run(
      'depart',
      async () => {
        const located = await currentPosition(5_000);
        await workerOrders.depart(order.id, 'position' in located ? located.position : null);
      },
      t('action.departed'),
    );

  const extraPending = order.extras.some((extra) => extra.status === 'proposed');
  const quotePending = order.onSiteQuote?.proposals.some((p) => p.status === 'proposed') ?? false;
  const finishUntil = order.windows?.finishWithoutReasonAt ?? null;
  const finishNeedsReason = finishUntil !== null && Date.parse(finishUntil) > Date.now();
  const earlyAsked = order.earlyVisit?.status === 'requested';
  const explainExtraPending = () => Dialog.alert({ title: t('action.extraPendingTitle'), content: t('action.extraPending'), confirmText: t('common.confirm') });
  const explainQuotePending = () => Dialog.alert({ title: t('action.quotePendingTitle'), content: t('action.quotePending'), confirmText: t('common.confirm') });

  async function finish() {
    if (!can('finish')) {
      void (extraPending || !quotePending ? explainExtraPending() : explainQuotePending());
      return;
    }
    // Well before the booked duration has passed: a reason the customer reads, instead of a plain confirmation.
    if (finishNeedsReason) {
      setSheet('finish');
      return;
    }
    const confirmed = await Dialog.confirm({ content: t('action.finishConfirm'), confirmText: t('action.finish'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    await run('finish', () => workerOrders.finish(order.id), t('action.finished'), (error) => {
      if (error.code === 'ONSITE_QUOTE_PENDING') {
        void explainQuotePending();
        return true;
      }
      if (error.code !== 'EXTRA_WORK_PENDING') return false;
      void explainExtraPending();
      return true;
    });
  }

  async function finishEarly(reason: string) {
    await workerOrders.finish(order.id, reason);
    changed(t('action.finished'));
  }

  async function requestEarly() {
    const confirmed = await Dialog.confirm({ content: t('action.requestEarlyConfirm'), confirmText: t('action.requestEarlySend'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    await run('request_early_visit', () => workerOrders.requestEarlyVisit(order.id), t('action.requestedEarly'));
  }

  async function decline(reason: string) {
    const offer = order.status === 'paid';
    await workerOrders.decline(order.id, reason);
    setSheet(null);
    onGone(t(offer ? 'action.declined' : 'action.givenBack'));
  }

  const secondary: { key: string; label: string; onClick: () => void; danger?: boolean }[] = [];
  if (can('record')) secondary.push({ key: 'record', label: t('action.record'), onClick: () => setSheet('record') });
  if (can('propose_extra')) secondary.push({ key: 'propose_extra', label: t('action.proposeExtra'), onClick: () => setSheet('propose_extra') });
  if (can('check_in') && can('depart')) secondary.push({ key: 'check_in', label: t('action.checkIn'), onClick: () => setSheet('check_in') });
  const askEarly = can('request_early_visit') && !earlyAsked;
  if (askEarly && (can('depart') || can('check_in'))) secondary.push({ key: 'request_early_visit', label: t('action.requestEarly'), onClick: requestEarly });
  if (can('reschedule') && !pendingReschedule) secondary.push({ key: 'reschedule', label: t('action.reschedule'), onClick: () => setSheet('reschedule') });
  if (can('decline')) secondary.push({ key: 'decline', label: t(order.status === 'paid' ? 'action.decline' : 'action.giveBack'), onClick: () => setSheet('decline'), danger: true });

  const primary = can('accept')
    ? { key: 'accept', label: t(offerMode === 'grab' ? 'hall.grab' : 'action.accept'), onClick: accept }
    : can('depart')
      ? { key: 'depart', label: t('action.depart'), onClick: depart }
      : can('check_in')
        ? { key: 'check_in', label: t('action.checkIn'), onClick: () => setSheet('check_in') }
        : can('finish') || (order.status === 'in_service' && (extraPending || quotePending))
          ? { key: 'finish', label: t('action.finish'), onClick: finish }
          : askEarly
            ? { key: 'request_early_visit', label: t('action.requestEarly'), onClick: requestEarly }
            : null;

  if (!primary && secondary.length === 0) return null;
  return (
    <>
      <div className="m-bottom-bar m-action-bar" data-testid="order-actions">
        {secondary.map((button) => (
          <Button
            key={button.key}
            size="middle"
            fill="outline"
            color={button.danger ? 'danger' : 'default'}
            disabled={busy !== null}
            onClick={button.onClick}
            data-testid={`action-${button.key}`}
          >
            {button.label}
          </Button>
        ))}
        {primary && (
          <Button
            className="m-action-primary"
            size="middle"
            color="primary"
            loading={busy === primary.key}
            disabled={busy !== null && busy !== primary.key}
            onClick={primary.onClick}
            data-testid={`action-${primary.key}`}
          >
            {primary.label}
          </Button>
        )}
      </div>
      <DeclinePopup visible={sheet === 'decline'} giveBack={order.status !== 'paid'} onClose={close} onSubmit={decline} />
      <CheckInPopup order={order} visible={sheet === 'check_in'} onClose={close} onDone={() => changed(t('action.checkedIn'))} />
      <RecordPopup order={order} visible={sheet === 'record'} onClose={close} onDone={() => changed()} />
      <ExtraPopup orderId={order.id} visible={sheet === 'propose_extra'} onClose={close} onDone={() => changed()} />
      <ReschedulePopup order={order} visible={sheet === 'reschedule'} onClose={close} onDone={() => changed()} />
      {finishUntil && <FinishPopup visible={sheet === 'finish'} until={finishUntil} bookedMinutes={order.durationMinutes} onClose={close} onSubmit={finishEarly} />}
    </>
  );
}
