import { Button, Dialog, NoticeBar, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, errorText } from '../../shared/api';
import type { Quote } from '../../shared/catalog-types';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView, SlotAnswer } from '../../shared/order-types';
import type { Address } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import type { FavouriteWorker } from '../../shared/worker-types';
import { useFailureToast } from '../../mobile/use-form-submit';
import type { CardProduct, ServiceCard } from '../cards/card-types';
import { cardName } from '../cards/card-name';
import { AddressPicker } from './address-picker';
import { BookPrice, type Payable } from './book-price';
import { CardChoice, cardCovers, cardsFor } from './card-choice';
import { CouponCell } from './coupon-cell';
import { useIdempotencyKey } from '../../shared/idempotency';
import { InsuranceCell, premiumOf, type InsuranceOffer } from './insurance-cell';
import { JobPhotos, type JobPhoto } from './job-photos';
import { isExpired, sameInstant } from './requote';
import { offers, SlotsBlock } from './slots-block';
import { useBookingQuote } from './use-booking-quote';
import { WorkerPicker, type ChosenWorker } from './worker-picker';

interface BookingFormProps {
  quote: Quote;
  addresses: Address[];
  favourites: FavouriteWorker[];
  worker: ChosenWorker | null;
  workerMissing: boolean;
  insurance: InsuranceOffer;
  /** All my 次卡 (those for this item and quantity are offered). */
  cards: ServiceCard[];
  cardProducts: CardProduct[];
}

/** A refusal shown above the footer; SLOT_TAKEN brings fresh free starts to pick from. */
interface Refusal {
  text: string;
  alternatives: string[];
}

export function BookingForm({ quote: base, addresses: initialAddresses, favourites, worker: initialWorker, workerMissing, insurance, cards, cardProducts }: BookingFormProps) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const showFailure = useFailureToast();
  const idempotency = useIdempotencyKey();
  const [addresses, setAddresses] = useState(initialAddresses);
  const [addressId, setAddressId] = useState<string | null>(() => (initialAddresses.find((a) => a.isDefault) ?? initialAddresses[0])?.id ?? null);
  const [worker, setWorker] = useState(initialWorker);
  const [start, setStart] = useState<string | null>(null);
  const { quote, couponId, repricing, price, chooseCoupon } = useBookingQuote(base, () => setStart(null));
  const [insured, setInsured] = useState(false);
  const [cardId, setCardId] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<JobPhoto[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const myCards = cardsFor(cards, quote);
  const card = myCards.find((c) => c.id === cardId) ?? null;
  const premiumFen = premiumOf(insurance, insured, card !== null);
  const payable: Payable = {
    premiumFen,
    card: card ? { name: cardName(lang, card, cardProducts), shareFen: card.nextVisitFen } : null,
    totalFen: card ? card.nextVisitFen : quote.totalFen + premiumFen,
  };

  const slots = useLoad<SlotAnswer | null>(
    (signal) => (addressId ? api<SlotAnswer>('/api/booking/slots', { query: { quoteId: base.id, addressId, workerId: worker?.id }, signal }) : Promise.resolve(null)),
    [base.id, addressId, worker?.id],
  );

  // Another address or worker: a chosen time they cannot offer is dropped.
  useEffect(() => {
    if (start && slots.data && !offers(slots.data, start)) setStart(null);
    if (start && slots.error) setStart(null);
  }, [slots.data, slots.error]);

  // A time with a surcharge (or options) is more than the card's standard visit: the card is dropped, with a word.
  useEffect(() => {
    if (cardId && !repricing && (!card || !cardCovers(quote))) {
      setCardId(null);
      Toast.show({ content: t('book.cardDropped'), duration: 3000 });
    }
  }, [quote, repricing]);

  function choose(at: string) {
    setStart(at);
    setRefusal(null);
    void price(at);
  }

  /** A card pays the standard visit only: a chosen coupon goes first. */
  async function chooseCard(id: string | null) {
    if (id && couponId && !(await chooseCoupon(null, start ?? quote.scheduledStart))) return;
    setCardId(id);
  }

  async function submit() {
    if (!addressId) {
      Toast.show({ content: t('book.needAddress') });
      return;
    }
    if (!start) {
      Toast.show({ content: t('book.needTime') });
      return;
    }
    setSubmitting(true);
    try {
      let current = quote;
      if (!sameInstant(current.scheduledStart, start) || isExpired(current)) {
        const fresh = await price(start);
        if (!fresh) return;
        current = fresh;
      }
      const body = {
        quoteId: current.id,
        addressId,
        ...(worker ? { workerId: worker.id } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(photos.length > 0 ? { photoFileIds: photos.map((photo) => photo.id) } : {}),
        ...(card ? { serviceCardId: card.id } : insurance.mode === 'optional' ? { insurance: insured } : {}),
      };
      try {
        const order = await api<OrderView>('/api/orders', { body, headers: idempotency.headersFor(body) });
        idempotency.settle();
        // A 次卡 visit is paid at once: straight to the paid order, no cashier.
        const paid = order.status !== 'created';
        Toast.show({ icon: 'success', content: t(paid ? 'book.paidByCard' : 'book.created') });
        navigate(`/orders/${order.id}`, { replace: true, state: { justBooked: !paid } });
      } catch (error) {
        idempotency.settle(error);
        await refused(error, current, start);
      }
    } finally {
      setSubmitting(false);
    }
  }

  async function refused(error: unknown, current: Quote, at: string) {
    if (!(error instanceof ApiError)) {
      showFailure(error);
      return;
    }
    switch (error.code) {
      case 'SLOT_TAKEN': {
        const alternatives = Array.isArray(error.problem.alternatives) ? (error.problem.alternatives as string[]) : [];
        setStart(null);
        setRefusal({ text: alternatives.length ? t('book.slotTaken') : t('book.slotTakenNone'), alternatives });
        slots.reload();
        return;
      }
      case 'ADDRESS_NOT_COVERED':
        setRefusal({ text: t('book.notCovered'), alternatives: [] });
        return;
      case 'START_OUT_OF_RANGE':
        setStart(null);
        setRefusal({ text: errorText(error, t('book.outOfRange')), alternatives: [] });
        slots.reload();
        return;
      case 'SERVICE_CARD_NOT_USABLE':
        // The title carries the reason (another item, surcharges, no visits left…); pay online instead.
        setCardId(null);
        setRefusal({ text: error.title, alternatives: [] });
        return;
      case 'COUPON_UNAVAILABLE':
        // Used by another order meanwhile: priced again without it.
        await chooseCoupon(null, at);
        setRefusal({ text: t('book.couponGone', { reason: error.title }), alternatives: [] });
        return;
      case 'QUOTE_EXPIRED':
      case 'QUOTE_USED': {
        const fresh = await price(at);
        if (fresh) {
          await Dialog.alert({
            content: t('book.requoted', { price: formatFen(fresh.totalFen), before: formatFen(current.totalFen) }),
            confirmText: t('common.confirm'),
          });
        }
        return;
      }
      default:
        showFailure(error);
    }
  }

  const waiting = addresses.length === 0 ? t('book.noAddressCalendar') : t('book.pickAddress');
  return (
    <div className="m-book" data-testid="booking">
      {workerMissing && <NoticeBar content={t('book.workerMissing')} color="alert" wrap />}
      <BookPrice quote={quote} original={base} slotChosen={start !== null} repricing={repricing} payable={payable} />
      <AddressPicker
        addresses={addresses}
        value={addressId}
        onChange={setAddressId}
        onAdded={(address) => {
          setAddresses((list) => [...list, address]);
          setAddressId(address.id);
        }}
      />
      <WorkerPicker worker={worker} favourites={favourites} onChange={setWorker} />
      <section className="m-section" data-testid="book-time">
        <h2 className="m-section-title">
          {t('book.time')} {start && <small data-testid="book-time-chosen">{formatDateTime(start, lang)}</small>}
        </h2>
        <SlotsBlock loaded={slots} value={start} onChange={choose} waiting={waiting} />
      </section>
      <CardChoice cards={myCards} quote={quote} value={card?.id ?? null} onChange={chooseCard} name={(c) => cardName(lang, c, cardProducts)} />
      <CouponCell quote={quote} couponId={couponId} blockedBy={card ? t('book.couponNotWithCard') : null} onChoose={(id) => void chooseCoupon(id, start ?? quote.scheduledStart)} />
      <InsuranceCell offer={insurance} chosen={insured} byCard={card !== null} onChange={setInsured} />
      <section className="m-section">
        <h2 className="m-section-title">{t('book.notes')}</h2>
        <TextArea
          value={notes}
          onChange={setNotes}
          placeholder={t('book.notesPlaceholder')}
          maxLength={500}
          showCount
          autoSize={{ minRows: 3, maxRows: 6 }}
          id="book-notes"
          data-testid="book-notes"
        />
      </section>
      <JobPhotos value={photos} onChange={setPhotos} />
      {refusal && (
        <div className="m-book-alert" data-testid="book-refusal">
          {refusal.text}
          {refusal.alternatives.length > 0 && (
            <div className="m-book-alternatives" data-testid="book-alternatives">
              {refusal.alternatives.map((at) => (
                <Button key={at} size="small" color="primary" fill="outline" onClick={() => choose(at)} data-testid="book-alternative" data-start={at}>
                  {formatDateTime(at, lang)}
                </Button>
              ))}
            </div>
          )}
        </div>
      )}
      <footer className="m-bottom-bar m-book-footer">
        <span className="m-book-footer-price">
          {card ? t('book.payByCard') : t(quote.kind === 'deposit' ? 'quote.totalDeposit' : 'quote.total')}{' '}
          <strong data-testid="book-footer-total" data-fen={payable.totalFen}>
            {repricing ? '…' : formatFen(payable.totalFen)}
          </strong>
        </span>
        <Button color="primary" size="large" loading={submitting} disabled={repricing} onClick={submit} data-testid="book-submit">
          {t(card ? 'book.submitCard' : 'book.submit')}
        </Button>
      </footer>
    </div>
  );
}
