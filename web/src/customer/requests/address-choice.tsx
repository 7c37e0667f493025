import { Button, Tag } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';
import type { Address } from '../../shared/types';
import { AddressPopup } from '../booking/address-popup';

/** 服务地址 as a form control: my addresses as choices, and 新增地址 in the booking page's popup. */
export function AddressChoice({ addresses, onAdded, value, onChange }: {
  addresses: Address[];
  onAdded: (address: Address) => void;
  value?: string | null;
  onChange?: (id: string) => void;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <div className="m-request-addresses" data-testid="request-addresses">
      {addresses.length === 0 && <p className="m-request-hint">{t('requests.form.noAddress')}</p>}
      {addresses.map((address) => (
        <button
          key={address.id}
          type="button"
          className={address.id === value ? 'm-request-address m-request-address-on' : 'm-request-address'}
          aria-pressed={address.id === value}
          onClick={() => onChange?.(address.id)}
          data-testid="request-address"
          data-address-id={address.id}
        >
          <span>
            <Tag color="primary" fill="outline">
              {address.label}
            </Tag>{' '}
            {address.districtName} {address.detail}
          </span>
          <span className="m-request-address-sub">
            {address.contactName} {address.contactPhoneMasked}
          </span>
        </button>
      ))}
      <Button block size="small" fill="outline" color="primary" onClick={() => setAdding(true)} data-testid="request-address-add">
        <AddOutline /> {t('requests.form.addAddress')}
      </Button>
      <AddressPopup
        visible={adding}
        onClose={() => setAdding(false)}
        onAdded={(address) => {
          setAdding(false);
          onAdded(address);
          onChange?.(address.id);
        }}
      />
    </div>
  );
}
