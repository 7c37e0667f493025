import { Tabs, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { CardProductsTab } from './card-products-tab';
import { SoldCardsTab } from './sold-cards-tab';

/** 次卡: the products on sale (create, publish) and the cards customers bought. */
export function ServiceCardsPage() {
  const { t } = useI18n();
  return (
    <div data-testid="service-cards">
      <Typography.Paragraph type="secondary">{t('promo.card.intro')}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'products', label: <span data-testid="cards-tab-products">{t('promo.card.productsTab')}</span>, children: <CardProductsTab /> },
          { key: 'sold', label: <span data-testid="cards-tab-sold">{t('promo.card.soldTab')}</span>, children: <SoldCardsTab /> },
        ]}
      />
    </div>
  );
}
