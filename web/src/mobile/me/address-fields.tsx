import { Form, Input, Picker, Switch, TextArea } from 'antd-mobile';
import type { PickerRef } from 'antd-mobile';
import type { RefObject } from 'react';
import { localName, useI18n } from '../../shared/i18n';
import type { Address, City } from '../../shared/types';
import { PhoneItem } from '../phone-item';

export interface AddressValues {
  label: string;
  contactName: string;
  contactPhone: string;
  districtCode: string[];
  detail: string;
  isDefault: boolean;
}

/** The inputs of an address; the contact phone may stay empty when editing (the stored one is kept). */
export function AddressFields({ city, address }: { city: City; address: Address | undefined }) {
  const { t, lang } = useI18n();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field: t(field) }) });
  const districts = city.districts.map((district) => ({ label: localName(lang, district), value: district.code }));

  return (
    <>
      <Form.Item name="label" label={t('address.label')} rules={[required('address.label')]}>
        <Input id="address-label" placeholder={t('address.labelPlaceholder')} maxLength={20} clearable />
      </Form.Item>
      <Form.Item name="contactName" label={t('address.contactName')} rules={[required('address.contactName')]}>
        <Input id="address-contact-name" placeholder={t('address.contactName')} maxLength={40} clearable />
      </Form.Item>
      <PhoneItem
        name="contactPhone"
        label={t('address.contactPhone')}
        id="address-contact-phone"
        placeholder={address ? t('address.contactPhoneKeep', { phone: address.contactPhoneMasked }) : t('address.contactPhone')}
        required={!address}
      />
      <Form.Item
        name="districtCode"
        label={t('address.district')}
        trigger="onConfirm"
        arrow
        rules={[{ required: true, type: 'array', min: 1, message: t('address.districtPick') }]}
        onClick={(_event, picker: RefObject<PickerRef>) => picker.current?.open()}
        data-testid="address-district"
      >
        <Picker columns={[districts]} confirmText={t('common.confirm')} cancelText={t('common.cancel')}>
          {(items) => items[0]?.label ?? <span className="m-placeholder">{t('address.districtPick')}</span>}
        </Picker>
      </Form.Item>
      <Form.Item name="detail" label={t('address.detail')} rules={[required('address.detail')]}>
        <TextArea id="address-detail" placeholder={t('address.detailPlaceholder')} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={120} />
      </Form.Item>
      <Form.Item name="isDefault" label={t('address.isDefault')} valuePropName="checked" childElementPosition="right">
        <Switch data-testid="address-default" />
      </Form.Item>
    </>
  );
}
