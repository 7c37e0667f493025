import { Button, Card, Toast } from 'antd-mobile';
import { PhoneFill } from 'antd-mobile-icons';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';

/** After accepting (until finishing): the exact address, the contact and the relay number, and the address to navigate to. */
export function OrderContact({ order }: { order: OrderView }) {
  const { t } = useI18n();
  const { address, worker } = order;
  if (!address.detail) return null;
  const fullAddress = `${address.districtName}${address.detail}`;
  const relay = worker?.relayPhone ?? null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(fullAddress);
      Toast.show({ icon: 'success', content: t('contact.copied') });
    } catch {
      Toast.show({ content: t('contact.copyFailed') });
    }
  }

  return (
    <Card className="m-order-section" title={t('contact.title')} data-testid="order-contact">
      <dl className="m-order-facts">
        <div>
          <dt>{t('contact.address')}</dt>
          <dd data-testid="order-address">
            {fullAddress}
            {address.label && <span className="m-order-meta"> · {address.label}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('contact.name')}</dt>
          <dd data-testid="order-contact-name">{address.contactName || t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('contact.phone')}</dt>
          <dd>
            {relay ? (
              <a className="m-tel" href={`tel:${relay.replace(/[^\d+]/g, '')}`} data-testid="order-relay-phone">
                <PhoneFill /> {relay}
              </a>
            ) : (
              (address.contactPhoneMasked ?? t('common.none'))
            )}
            <div className="m-order-meta">{t('contact.relayNote')}</div>
          </dd>
        </div>
      </dl>
      <div className="m-navigate" data-testid="order-navigate">
        <div>
          <strong>{t('contact.navigate')}</strong>
          {t('contact.navigateHint', { address: fullAddress })}
        </div>
        <Button size="mini" color="primary" fill="outline" onClick={copy}>
          {t('contact.copy')}
        </Button>
      </div>
    </Card>
  );
}
