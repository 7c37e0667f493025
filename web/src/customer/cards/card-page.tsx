import './cards.css';
import '../orders/orders.css';
import { Button, Dialog, ErrorBlock, NoticeBar, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../shared/api';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useIdempotencyKey } from '../../shared/idempotency';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { useFailureToast } from '../../mobile/use-form-submit';
import { CashierSheet } from '../orders/cashier-sheet';
import { PaymentResult, usePaymentReturn } from '../orders/payment-return';
import { cityDate } from '../coupons/coupon-ticket';
import type { CardProduct, ServiceCardDetail } from './card-types';
import { CardVisits } from './card-visits';
import { cardName } from './card-name';

/** `/cards/:id` (the cashier comes back with `?payment=`): the card, its visits, 去支付 / 用次卡预约 / 退卡. */
export function CardPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const loaded = useLoad(async (signal) => {
    const [card, products] = await Promise.all([
      api<ServiceCardDetail>(`/api/service-cards/${encodeURIComponent(id)}`, { signal }),
      api<{ items: CardProduct[] }>('/api/service-cards/products', { signal }),
    ]);
    return { card, products: products.items };
  }, [id]);
  const payment = usePaymentReturn(() => loaded.reload(true));

  // The outcome of the cashier is also said in a toast.
  useEffect(() => {
    if (payment && payment !== 'pending') Toast.show({ icon: payment === 'paid' ? 'success' : 'fail', content: t(payment === 'paid' ? 'card.pay.result.paid' : `pay.result.${payment}`) });
  }, [payment]); // eslint-disable-line react-hooks/exhaustive-deps

  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <SubPage title={t('card.title')} back="/me/cards">
      {notFound ? (
        <ErrorBlock status="empty" title={t('card.notFound')} description="" />
      ) : (
        <>
          {payment && <PaymentResult outcome={payment} />}
          <LoadState loaded={loaded}>{({ card, products }) => <CardContent card={card} products={products} reload={() => loaded.reload(true)} />}</LoadState>
        </>
      )}
    </SubPage>
  );
}

function CardContent({ card, products, reload }: { card: ServiceCardDetail; products: CardProduct[]; reload: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const showFailure = useFailureToast();
  const idempotency = useIdempotencyKey();
  const [paying, setPaying] = useState(false);
  const [refunding, setRefunding] = useState(false);

  async function refund() {
    const sure = await Dialog.confirm({
      title: t('card.refundTitle'),
      content: (
        <div data-testid="card-refund-ask" data-amount={card.balanceFen}>
          {t('card.refundAsk', { amount: formatFen(card.balanceFen), left: card.visitsLeft })}
        </div>
      ),
      confirmText: t('card.refundConfirm'),
      cancelText: t('common.cancel'),
    });
    if (!sure) return;
    setRefunding(true);
    const path = `/api/service-cards/${card.id}/refund`;
    try {
      const done = await api<ServiceCardDetail>(path, { method: 'POST', headers: idempotency.headersFor(path) });
      idempotency.settle();
      Toast.show({ icon: 'success', content: t('card.refundDone', { amount: formatFen(done.refundedFen) }) });
    } catch (error) {
      idempotency.settle(error);
      showFailure(error);
    } finally {
      setRefunding(false);
      reload();
    }
  }

  return (
    <div className="m-scard-page" data-testid="card" data-card-id={card.id} data-status={card.status}>
      <header className="m-scard-hero">
        <div className="m-scard-hero-name">{cardName(lang, card, products)}</div>
        <div className="m-scard-hero-sub">
          {t('card.no', { no: card.cardNo })} · <span data-testid="card-status">{t(`cards.status.${card.status}`)}</span>
        </div>
        <div className="m-scard-stats">
          <div>
            <strong data-testid="card-visits-left">
              {card.visitsLeft}/{card.visits}
            </strong>
            <span>{t('card.visitsLeft')}</span>
          </div>
          <div>
            <strong data-testid="card-balance">{formatFen(card.balanceFen)}</strong>
            <span>{t('card.balance')}</span>
          </div>
          <div>
            <strong data-testid="card-next-visit">{formatFen(card.nextVisitFen)}</strong>
            <span>{t('card.nextVisit')}</span>
          </div>
        </div>
      </header>
      {card.status === 'unpaid' && <NoticeBar className="m-notice" color="alert" wrap content={t('card.unpaidNote')} />}
      {card.status === 'refunded' && (
        <NoticeBar className="m-notice" color="info" wrap content={t('card.refundedNote', { amount: formatFen(card.refundedFen) })} data-testid="card-refunded" />
      )}
      <section className="m-section">
        <dl className="m-order-rows">
          <div>
            <dt>{t('card.price')}</dt>
            <dd>{formatFen(card.priceFen)}</dd>
          </div>
          {card.paidAt && (
            <div>
              <dt>{t('card.paidAt')}</dt>
              <dd>{formatDateTime(card.paidAt, lang)}</dd>
            </div>
          )}
          {card.expiresAt && (
            <div>
              <dt>{t('card.expires')}</dt>
              <dd data-testid="card-expires">{cityDate(card.expiresAt)}</dd>
            </div>
          )}
          {card.refundedFen > 0 && (
            <div>
              <dt>{t('card.refunded')}</dt>
              <dd data-testid="card-refunded-amount">{formatFen(card.refundedFen)}</dd>
            </div>
          )}
        </dl>
      </section>
      <CardVisits card={card} />
      {(card.status === 'unpaid' || card.status === 'active') && (
        <div className="m-bottom-bar m-scard-actions" data-testid="card-actions">
          {card.status === 'unpaid' ? (
            <Button color="primary" onClick={() => setPaying(true)} data-testid="card-pay">
              {t('card.pay', { amount: formatFen(card.priceFen) })}
            </Button>
          ) : (
            <>
              <Button fill="outline" loading={refunding} onClick={refund} data-testid="card-refund">
                {t('card.refund')}
              </Button>
              {card.visitsLeft > 0 && (
                <Button color="primary" onClick={() => navigate(`/item/${card.itemCode}?quantity=${card.quantity}`)} data-testid="card-book">
                  {t('card.book')}
                </Button>
              )}
            </>
          )}
        </div>
      )}
      <CashierSheet
        visible={paying}
        onClose={() => setPaying(false)}
        amountFen={card.priceFen}
        note={t('cards.payNote')}
        request={(method) => ({ path: `/api/service-cards/${card.id}/pay`, body: { method } })}
      />
    </div>
  );
}
