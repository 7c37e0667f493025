import { Button, Tag } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';
import type { Address } from '../../shared/types';
import { AddressPopup } from './address-popup';

/** 服务地址: my addresses as choices, and 新增地址 in a popup. */
export function AddressPicker({ addresses, value, onChange, onAdded }: {
  addresses: Address[];
  value: string | null;
  onChange: (id: string) => void;
  onAdded: (address: Address) => void;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <section className="m-section" data-testid="book-addresses">
      <h2 className="m-section-title">{t('book.address')}</h2>
      {addresses.length === 0 && <p className="m-slots-empty">{t('book.noAddress')}</p>}
      {addresses.map((address) => (
        <button
          key={address.id}
          type="button"
          className={address.id === value ? 'm-book-address m-book-address-on' : 'm-book-address'}
          aria-pressed={address.id === value}
          onClick={() => onChange(address.id)}
          data-testid="book-address"
          data-address-id={address.id}
        >
          <span className="m-book-address-main">
            <Tag color="primary" fill="outline">{address.label}</Tag> {address.districtName} {address.detail}
          </span>
          <span className="m-book-address-sub">
            {address.contactName} {address.contactPhoneMasked}
          </span>
        </button>
      ))}
      <Button block fill="outline" color="primary" onClick={() => setAdding(true)} data-testid="book-address-add">
        <AddOutline /> {t('address.add')}
      </Button>
      <AddressPopup
        visible={adding}
        onClose={() => setAdding(false)}
        onAdded={(address) => {
          setAdding(false);
          onAdded(address);
        }}
      />
    </section>
  );
}
