import { ErrorBlock, List, Swiper, Tag } from 'antd-mobile';
import { CheckOutline, CloseOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../shared/api';
import type { ItemDetail, Quote } from '../shared/catalog-types';
import { unitLabel } from '../shared/catalog-units';
import { formatFenRange } from '../shared/format';
import { localName, useI18n } from '../shared/i18n';
import { useLoad } from '../shared/use-load';
import { LoadState } from '../mobile/layout/load-state';
import { SubPage } from '../mobile/layout/sub-page';
import { certificateLabel, priceText } from './catalog-text';
import { QuoteForm } from './quote-form';
import { QuoteView } from './quote-view';
import { useDuration } from './use-duration';

/** `/item/:code`: what the service is, what it includes, its price, and the quote form. */
export function ItemPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const loaded = useLoad((signal) => api<ItemDetail>(`/api/catalog/items/${encodeURIComponent(code)}`, { signal }), [code]);
  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <SubPage title={t('item.title')} back="/">
      {notFound ? <ErrorBlock status="empty" title={t('item.notFound')} description="" /> : <LoadState loaded={loaded}>{(item) => <ItemContent item={item} />}</LoadState>}
    </SubPage>
  );
}

function ItemContent({ item }: { item: ItemDetail }) {
  const { t, lang } = useI18n();
  const duration = useDuration();
  // `?quantity=` (from a 次卡: its hours or units per visit) starts the quote form there.
  const quantity = Number(useSearchParams()[0].get('quantity')) || undefined;
  const [quote, setQuote] = useState<Quote | null>(null);

  function showQuote(next: Quote) {
    setQuote(next);
    requestAnimationFrame(() => document.querySelector('[data-testid="quote"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  }

  return (
    <div className="m-item-page" data-testid="item-detail">
      {item.photoUrls.length > 0 && (
        <Swiper className="m-item-photos" indicator={item.photoUrls.length > 1 ? undefined : () => null}>
          {item.photoUrls.map((url) => (
            <Swiper.Item key={url}>
              <img src={url} alt={localName(lang, item)} />
            </Swiper.Item>
          ))}
        </Swiper>
      )}
      <section className="m-item-summary">
        <h1 className="m-item-title">{localName(lang, item)}</h1>
        <div className="m-price m-item-big-price" data-testid="item-detail-price">
          {priceText(t, item)}
        </div>
        {item.requiredCertificate && (
          <Tag color="primary" fill="outline" data-testid="item-certificate">
            {t('item.certificateRequired', { certificate: certificateLabel(t, item.requiredCertificate) })}
          </Tag>
        )}
      </section>
      <List mode="card">
        <List.Item extra={`${formatFenRange(item.referenceMinFen, item.referenceMaxFen)}/${unitLabel(t, item.unit)}`}>{t('item.referenceRange')}</List.Item>
        <List.Item extra={duration(item.durationMinutes)}>{t('item.durationLabel')}</List.Item>
        {item.requiredCertificate && <List.Item extra={certificateLabel(t, item.requiredCertificate)}>{t('item.certificate')}</List.Item>}
        {item.description && <List.Item description={item.description}>{t('item.description')}</List.Item>}
      </List>
      {(item.included.length > 0 || item.excluded.length > 0) && (
        <List mode="card" className="m-item-scope">
          {item.included.length > 0 && (
            <List.Item description={<ScopeList entries={item.included} included />} data-testid="item-included">
              {t('item.included')}
            </List.Item>
          )}
          {item.excluded.length > 0 && (
            <List.Item description={<ScopeList entries={item.excluded} included={false} />} data-testid="item-excluded">
              {t('item.excluded')}
            </List.Item>
          )}
        </List>
      )}
      <QuoteForm item={item} onQuote={showQuote} quantity={quantity} />
      {quote && <QuoteView quote={quote} />}
    </div>
  );
}

function ScopeList({ entries, included }: { entries: string[]; included: boolean }) {
  return (
    <ul className="m-scope-list">
      {entries.map((entry) => (
        <li key={entry} className={included ? 'm-scope-in' : 'm-scope-out'}>
          {included ? <CheckOutline /> : <CloseOutline />} {entry}
        </li>
      ))}
    </ul>
  );
}
