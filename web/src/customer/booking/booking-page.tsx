import './booking.css';
import { ErrorBlock } from 'antd-mobile';
import { useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../shared/api';
import type { Quote } from '../../shared/catalog-types';
import { useI18n } from '../../shared/i18n';
import type { Address } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import type { FavouriteWorker, PublicWorker } from '../../shared/worker-types';
import type { CardProduct, ServiceCard } from '../cards/card-types';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { BookingForm } from './booking-form';
import type { InsuranceOffer } from './insurance-cell';
import { usableQuote } from './requote';
import type { ChosenWorker } from './worker-picker';

/** `/book/:quoteId` (`?workerId=` from a worker's profile): address, time, worker, coupon, insurance or 次卡, notes and photos → an order. */
export function BookingPage() {
  const { t } = useI18n();
  const { quoteId = '' } = useParams();
  const workerId = useSearchParams()[0].get('workerId');
  const loaded = useLoad(async (signal) => {
    const [original, addresses, favourites, worker] = await Promise.all([
      api<Quote>(`/api/catalog/quotes/${encodeURIComponent(quoteId)}`, { signal }),
      api<Address[]>('/api/me/addresses', { signal }),
      api<FavouriteWorker[]>('/api/me/favourite-workers', { signal }),
      workerId ? api<PublicWorker>(`/api/workers/${encodeURIComponent(workerId)}`, { signal }).catch(() => null) : Promise.resolve(null),
    ]);
    const chosen: ChosenWorker | null = worker
      ? { id: worker.id, name: worker.name, avatarUrl: worker.avatarUrl, ratingAvg: worker.ratingAvg, ratingCount: worker.ratingCount, ordersDone: worker.ordersDone }
      : null;
    // An expired or already used quote is priced again so the page can still book.
    const [quote, insurance, cards, products] = await Promise.all([
      usableQuote(original),
      api<InsuranceOffer>('/api/insurance', { query: { itemCode: original.itemCode }, signal }),
      api<{ items: ServiceCard[] }>('/api/service-cards', { signal }),
      api<{ items: CardProduct[] }>('/api/service-cards/products', { signal }),
    ]);
    return { quote, addresses, favourites, worker: chosen, workerMissing: Boolean(workerId && !worker), insurance, cards: cards.items, cardProducts: products.items };
  }, [quoteId, workerId]);
  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <SubPage title={t('book.title')} back={`/quote/${quoteId}${workerId ? `?workerId=${encodeURIComponent(workerId)}` : ''}`}>
      {notFound ? (
        <ErrorBlock status="empty" title={t('book.quoteNotFound')} description="" />
      ) : (
        <LoadState loaded={loaded}>{(data) => <BookingForm key={data.quote.id} {...data} />}</LoadState>
      )}
    </SubPage>
  );
}
