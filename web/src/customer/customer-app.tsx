import { MobileApp } from '../mobile/mobile-app';
import type { MobilePortal } from '../mobile/portal';
import { CatalogHome } from './catalog-home';
import { customerMessages } from './messages';

const portal: MobilePortal = {
  role: 'customer',
  basename: '/',
  titleKey: 'customer.portal',
  Home: CatalogHome,
  hasAddresses: true,
};

/** 用户端: the customer H5 portal at `/`. */
export default function CustomerApp() {
  return <MobileApp portal={portal} messages={customerMessages} />;
}
