import './cards.css';
import '../orders/orders.css';
import { Button } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatFen } from '../../shared/format';
import { localName, useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { CashierSheet } from '../orders/cashier-sheet';
import { useItemNames } from '../use-item-names';
import type { CardProduct } from './card-types';

/** `/cards` 购买次卡: cards on sale with price, list price, saving, price per visit and validity; 购买 → 收银台 → the provider's cashier → `/cards/:id`. */
export function CardShopPage() {
  const { t, lang } = useI18n();
  const items = useItemNames();
  const loaded = useLoad((signal) => api<{ items: CardProduct[] }>('/api/service-cards/products', { signal }), []);
  const [buying, setBuying] = useState<CardProduct | null>(null);
  return (
    <SubPage title={t('cards.shop')} back="/me/cards">
      <p className="m-intro">{t('cards.shopIntro')}</p>
      <LoadState loaded={loaded}>
        {({ items: products }) => (
          <div className="m-cards-list" data-testid="card-products">
            {products.length === 0 && <p className="m-empty">{t('cards.shopEmpty')}</p>}
            {products.map((p) => (
              <div key={p.id} className="m-scard" data-testid="card-product" data-product-id={p.id} data-price={p.priceFen}>
                <div className="m-scard-head">
                  <span>{localName(lang, p)}</span>
                  <span className="m-scard-line">{t('cards.visits', { visits: p.visits })}</span>
                </div>
                <div className="m-scard-line">{t('cards.perVisitItem', { item: items.name(p.itemCode), quantity: items.quantity(p.itemCode, p.quantity) })}</div>
                <div className="m-scard-price">
                  <strong data-testid="card-product-price">{formatFen(p.priceFen)}</strong>
                  <del>{t('cards.listPrice', { price: formatFen(p.listPriceFen) })}</del>
                  {p.savingFen > 0 && <span className="m-scard-line" data-testid="card-product-saving">{t('cards.saving', { amount: formatFen(p.savingFen) })}</span>}
                </div>
                <div className="m-scard-foot">
                  <span className="m-scard-line">
                    {t('cards.perVisit', { price: formatFen(p.perVisitFen) })} · {t('cards.validDays', { days: p.validDays })}
                  </span>
                  <Button size="small" color="primary" onClick={() => setBuying(p)} data-testid="card-buy">
                    {t('cards.buy')}
                  </Button>
                </div>
              </div>
            ))}
          </div>
        )}
      </LoadState>
      <CashierSheet
        visible={buying !== null}
        onClose={() => setBuying(null)}
        amountFen={buying?.priceFen ?? 0}
        note={t('cards.payNote')}
        request={(method) => ({ path: '/api/service-cards', body: { productId: buying!.id, method } })}
      />
    </SubPage>
  );
}
