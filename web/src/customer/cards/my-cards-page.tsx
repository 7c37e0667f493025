import './cards.css';
import { Button, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { cityDate } from '../coupons/coupon-ticket';
import { cardName } from './card-name';
import type { CardProduct, CardStatus, ServiceCard } from './card-types';

const CARD_STATUS_COLOR: Record<CardStatus, 'success' | 'warning' | 'default'> = { active: 'success', unpaid: 'warning', expired: 'default', refunded: 'default', void: 'default' };

/** `/me/cards` 我的次卡: each card with its visits left, balance, expiry and status; 购买次卡. */
export function MyCardsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const loaded = useLoad(async (signal) => {
    const [cards, products] = await Promise.all([
      api<{ items: ServiceCard[] }>('/api/service-cards', { signal }),
      api<{ items: CardProduct[] }>('/api/service-cards/products', { signal }),
    ]);
    return { cards: cards.items, products: products.items };
  }, []);
  return (
    <SubPage title={t('cards.mine')}>
      <div className="m-padded">
        <Button block color="primary" fill="outline" onClick={() => navigate('/cards')} data-testid="cards-shop">
          {t('cards.shop')}
        </Button>
      </div>
      <LoadState loaded={loaded}>
        {({ cards, products }) => (
          <div className="m-cards-list" data-testid="my-cards">
            {cards.length === 0 && (
              <p className="m-empty" data-testid="cards-empty">
                {t('cards.empty')}
              </p>
            )}
            {cards.map((card) => (
              <button
                key={card.id}
                type="button"
                className="m-card-button m-scard"
                onClick={() => navigate(`/cards/${card.id}`)}
                data-testid="my-card"
                data-card-id={card.id}
                data-status={card.status}
              >
                <span className="m-scard-head">
                  <span>{cardName(lang, card, products)}</span>
                  <Tag color={CARD_STATUS_COLOR[card.status]}>{t(`cards.status.${card.status}`)}</Tag>
                </span>
                <span className="m-scard-line" data-testid="my-card-left">
                  {t('cards.left', { left: card.visitsLeft, visits: card.visits })} · {t('cards.balance', { amount: formatFen(card.balanceFen) })}
                </span>
                {card.expiresAt && <span className="m-scard-line">{t('cards.expiresAt', { date: cityDate(card.expiresAt) })}</span>}
              </button>
            ))}
          </div>
        )}
      </LoadState>
    </SubPage>
  );
}
