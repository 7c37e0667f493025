import { Button, Dialog, NoticeBar, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
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
import { AddressPicker } from './address-picker';
import { BookPrice } from './book-price';
import { useIdempotencyKey } from '../../shared/idempotency';
import { JobPhotos, type JobPhoto } from './job-photos';
import { isExpired, requote, sameInstant } from './requote';
import { offers, SlotsBlock } from './slots-block';
import { WorkerPicker, type ChosenWorker } from './worker-picker';

interface BookingFormProps {
  quote: Quote;
  addresses: Address[];
  favourites: FavouriteWorker[];
  worker: ChosenWorker | null;
  workerMissing: boolean;
}

/** A refusal shown above the footer; SLOT_TAKEN brings fresh free starts to pick from. */
interface Refusal {
  text: string;
  alternatives: string[];
}

export function BookingForm({ quote: base, addresses: initialAddresses, favourites, worker: initialWorker, workerMissing }: BookingFormProps) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const showFailure = useFailureToast();
  const idempotency = useIdempotencyKey();
  const [addresses, setAddresses] = useState(initialAddresses);
  const [addressId, setAddressId] = useState<string | null>(() => (initialAddresses.find((a) => a.isDefault) ?? initialAddresses[0])?.id ?? null);
  const [worker, setWorker] = useState(initialWorker);
  const [start, setStart] = useState<string | null>(null);
  const [quote, setQuote] = useState(base);
  const [repricing, setRepricing] = useState(false);
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<JobPhoto[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const pricing = useRef(0);

  const slots = useLoad<SlotAnswer | null>(
    (signal) => (addressId ? api<SlotAnswer>('/api/booking/slots', { query: { quoteId: base.id, addressId, workerId: worker?.id }, signal }) : Promise.resolve(null)),
    [base.id, addressId, worker?.id],
  );

  // Another address or worker: a chosen time they cannot offer is dropped.
  useEffect(() => {
    if (start && slots.data && !offers(slots.data, start)) setStart(null);
    if (start && slots.error) setStart(null);
  }, [slots.data, slots.error]);

  async function price(at: string): Promise<Quote | null> {
    const round = ++pricing.current;
    setRepricing(true);
    try {
      const next = await requote(base, at);
      if (round === pricing.current) setQuote(next);
      return next;
    } catch (error) {
      if (round === pricing.current) {
        showFailure(error);
        setStart(null);
      }
      return null;
    } finally {
      if (round === pricing.current) setRepricing(false);
    }
  }

  function choose(at: string) {
    setStart(at);
    setRefusal(null);
    void price(at);
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
      };
      try {
        const order = await api<OrderView>('/api/orders', { body, headers: idempotency.headersFor(body) });
        idempotency.settle();
        Toast.show({ icon: 'success', content: t('book.created') });
        navigate(`/orders/${order.id}`, { replace: true, state: { justBooked: true } });
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
      <BookPrice quote={quote} original={base} slotChosen={start !== null} repricing={repricing} />
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
          {t(quote.kind === 'deposit' ? 'quote.totalDeposit' : 'quote.total')} <strong data-testid="book-footer-total">{repricing ? '…' : formatFen(quote.totalFen)}</strong>
        </span>
        <Button color="primary" size="large" loading={submitting} disabled={repricing} onClick={submit} data-testid="book-submit">
          {t('book.submit')}
        </Button>
      </footer>
    </div>
  );
}
