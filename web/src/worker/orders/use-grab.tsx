import { Dialog } from 'antd-mobile';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { useFailureToast } from '../../mobile/use-form-submit';
import { grabRefusal, offerIsGone, refusalKey } from './hall-api';
import { workerOrders } from './order-api';

/** What came of a grab: mine now, gone for good (taken, window closed, conflict …), or still open (e.g. I am offline). */
export type GrabOutcome = { won: true; order: OrderView } | { won: false; gone: boolean };

/**
 * 抢单 / 接单 (`POST …/accept`): every 409 of the hall (ORDER_TAKEN, GRAB_WINDOW_CLOSED, WORKER_UNAVAILABLE,
 * SCHEDULE_CONFLICT, REST_RULE) and the 404 of an offer never pushed to me get their own message in a dialog;
 * anything else a failure toast. Resolves once the message is acknowledged.
 */
export function useGrab(): (orderId: string) => Promise<GrabOutcome> {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  return async (orderId) => {
    try {
      return { won: true, order: await workerOrders.accept(orderId) };
    } catch (error) {
      const refusal = grabRefusal(error);
      if (!refusal) {
        showFailure(error);
        return { won: false, gone: false };
      }
      await Dialog.alert({
        title: t(`grab.title.${refusal}`),
        content: <span data-testid="grab-refusal" data-code={refusal}>{t(refusalKey(refusal, error))}</span>,
        confirmText: t('common.confirm'),
      });
      return { won: false, gone: offerIsGone(refusal) };
    }
  };
}
