import { MobileApp } from '../mobile/mobile-app';
import type { MobilePortal } from '../mobile/portal';
import { CatalogHome } from './catalog-home';
import { ItemPage } from './item-detail';
import { customerMessages } from './messages';
import { QuotePage } from './quote-page';

const portal: MobilePortal = {
  role: 'customer',
  basename: '/',
  titleKey: 'customer.portal',
  Home: CatalogHome,
  hasAddresses: true,
  pages: [
    { path: 'item/:code', Component: ItemPage },
    { path: 'quote/:id', Component: QuotePage },
  ],
};

/** 用户端: the customer H5 portal at `/`. */
export default function CustomerApp() {
  return <MobileApp portal={portal} messages={customerMessages} />;
}
