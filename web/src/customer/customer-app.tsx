import { MobileApp } from '../mobile/mobile-app';
import { api } from '../shared/api';
import type { OrderSummary } from '../shared/order-types';
import type { MobilePortal } from '../mobile/portal';
import { BookingPage } from './booking/booking-page';
import { CardPage } from './cards/card-page';
import { CardShopPage } from './cards/card-shop-page';
import { MyCardsPage } from './cards/my-cards-page';
import { CouponCenterPage } from './coupons/coupon-center-page';
import { MyCouponsPage } from './coupons/my-coupons-page';
import { CatalogHome } from './catalog-home';
import { ItemPage } from './item-detail';
import { customerMessages } from './messages';
import { OrderPage } from './orders/order-page';
import { OrdersPage } from './orders/orders-page';
import { QuotePage } from './quote-page';
import { MyRequestsPage } from './requests/my-requests-page';
import { RequestFormPage } from './requests/request-form-page';
import { RequestPage } from './requests/request-page';
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
    { path: 'me/coupons', Component: MyCouponsPage },
    { path: 'me/coupon-center', Component: CouponCenterPage },
    { path: 'me/cards', Component: MyCardsPage },
    { path: 'cards', Component: CardShopPage },
    { path: 'cards/:id', Component: CardPage },
    { path: 'requests/new', Component: RequestFormPage },
    { path: 'requests/:id', Component: RequestPage },
    { path: 'requests/:id/edit', Component: RequestFormPage },
    { path: 'me/requests', Component: MyRequestsPage },
  ],
  tabs: [
    { path: 'workers', titleKey: 'tab.workers', icon: <TeamOutline />, Component: WorkersPage },
    { path: 'orders', titleKey: 'tab.orders', icon: <UnorderedListOutline />, Component: OrdersPage },
  ],
  meLinks: [
    { path: 'me/favourite-workers', titleKey: 'favourites.title' },
    { path: 'me/coupons', titleKey: 'coupons.title' },
    { path: 'me/coupon-center', titleKey: 'coupons.center' },
    { path: 'me/cards', titleKey: 'cards.mine' },
    { path: 'me/requests', titleKey: 'requests.mine' },
  ],
  // A worker's answer to my request (or its expiry) opens the request.
  notificationPaths: { request: (id) => `/requests/${encodeURIComponent(id)}` },
  recentOrders: async (signal) => (await api<{ items: OrderSummary[] }>('/api/orders', { query: { pageSize: 30 }, signal })).items,
};

/** 用户端: the customer H5 portal at `/`. */
export default function CustomerApp() {
  return <MobileApp portal={portal} messages={customerMessages} />;
}
