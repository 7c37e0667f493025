import { MobileApp } from '../mobile/mobile-app';
import type { MobilePortal } from '../mobile/portal';
import { BookingPage } from './booking/booking-page';
import { CatalogHome } from './catalog-home';
import { ItemPage } from './item-detail';
import { customerMessages } from './messages';
import { OrderPage } from './orders/order-page';
import { OrdersPage } from './orders/orders-page';
import { QuotePage } from './quote-page';
import { TeamOutline, UnorderedListOutline } from 'antd-mobile-icons';
import { FavouriteWorkersPage } from './workers/favourite-workers-page';
import { WorkerProfilePage } from './workers/worker-profile-page';
import { WorkersPage } from './workers/workers-page';

const portal: MobilePortal = {
  role: 'customer',
  basename: '/',
  titleKey: 'customer.portal',
  Home: CatalogHome,
  hasAddresses: true,
  pages: [
    { path: 'item/:code', Component: ItemPage },
    { path: 'quote/:id', Component: QuotePage },
    { path: 'book/:quoteId', Component: BookingPage },
    { path: 'orders/:id', Component: OrderPage },
    { path: 'workers/:id', Component: WorkerProfilePage },
    { path: 'me/favourite-workers', Component: FavouriteWorkersPage },
  ],
  tabs: [
    { path: 'workers', titleKey: 'tab.workers', icon: <TeamOutline />, Component: WorkersPage },
    { path: 'orders', titleKey: 'tab.orders', icon: <UnorderedListOutline />, Component: OrdersPage },
  ],
  meLinks: [{ path: 'me/favourite-workers', titleKey: 'favourites.title' }],
};

/** 用户端: the customer H5 portal at `/`. */
export default function CustomerApp() {
  return <MobileApp portal={portal} messages={customerMessages} />;
}
