import { Form, Input, Picker, Switch, TextArea } from 'antd-mobile';
import type { PickerRef } from 'antd-mobile';
import { useEffect, useState, type RefObject } from 'react';
import { api, ApiError } from '../../shared/api';
import { localName, useI18n } from '../../shared/i18n';
import type { Address, City } from '../../shared/types';
import { PhoneItem } from '../phone-item';
import { PlaceSuggestions, usePlaceSuggestions, type Place } from './address-suggest';
import { LocateButton, type Coordinates, type LocateFailure } from './locate-button';

export interface AddressValues {
  label: string;
  contactName: string;
  contactPhone: string;
  districtCode: string[];
  detail: string;
  isDefault: boolean;
  /** The point to store: a picked suggestion's or the device's; null lets the server find it from the text. */
  point: Coordinates | null;
}

/** Holds the point in the form without showing anything (the status line below the address shows it). */
function PointValue(_props: { value?: Coordinates | null }) {
  return null;
}

/** The form these fields live in (its instance: the fields set the point, district and text when a place is picked). */
type AddressForm = ReturnType<typeof Form.useForm<AddressValues>>[0];

type Source = { kind: 'pick'; place: Place } | { kind: 'device'; place: Place } | null;

/**
 * The inputs of an address; the contact phone may stay empty when editing (the stored one is kept). The street
 * address suggests places as the user types (a tap takes the place's point and district), and 使用当前位置 takes
 * the device's point and the district it falls in.
 */
export function AddressFields({ city, address, form }: { city: City; address: Address | undefined; form: AddressForm }) {
  const { t, lang } = useI18n();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field: t(field) }) });
  const districts = city.districts.map((district) => ({ label: localName(lang, district), value: district.code }));
  const detail = (Form.useWatch('detail', form) as string | undefined) ?? '';
  const districtCode = (Form.useWatch('districtCode', form) as string[] | undefined)?.[0];
  const [source, setSource] = useState<Source>(null);
  const [locateError, setLocateError] = useState<string | null>(null);
  const settled = source?.kind === 'pick' && detail.includes(source.place.name);
  const places = usePlaceSuggestions(detail, districtCode, !settled);

  // Typing away from a picked place drops its point: the server then finds one from the text.
  useEffect(() => {
    if (source?.kind === 'pick' && !detail.includes(source.place.name)) {
      setSource(null);
      form.setFieldsValue({ point: null });
    }
  }, [detail, source, form]);

  function pick(place: Place) {
    const text = detail.includes(place.name) ? detail : `${place.name} `;
    form.setFieldsValue({ detail: text, districtCode: [place.districtCode], point: { lat: place.lat, lng: place.lng } });
    setSource({ kind: 'pick', place });
    setLocateError(null);
  }

  async function located(coordinates: Coordinates) {
    setLocateError(null);
    try {
      const hit = await api<{ place: Place; distanceKm: number }>('/api/geo/reverse', { query: { lat: coordinates.lat, lng: coordinates.lng } });
      form.setFieldsValue({ districtCode: [hit.place.districtCode], point: coordinates, ...(detail.trim() ? {} : { detail: `${hit.place.name} ` }) });
      setSource({ kind: 'device', place: hit.place });
    } catch (error) {
      setLocateError(error instanceof ApiError && error.code === 'OUTSIDE_CITY' ? t('address.locateOutside', { city: localName(lang, city) }) : t('address.locateFailed'));
    }
  }

  const failed = (reason: LocateFailure) => setLocateError(t(reason === 'denied' ? 'address.locateDenied' : 'address.locateFailed'));

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
      <PlaceSuggestions places={places} onPick={pick} />
      <Form.Item name="point" hidden>
        <PointValue />
      </Form.Item>
      <Form.Item
        description={
          <span data-testid="address-point" data-source={source?.kind ?? 'text'}>
            {source
              ? t(source.kind === 'pick' ? 'address.pointPicked' : 'address.pointDevice', { place: source.place.name, district: source.place.districtName })
              : t('address.locateAuto')}
          </span>
        }
      >
        <LocateButton onLocated={located} onFailed={failed} label={t('address.useCurrent')} />
        {locateError && (
          <div className="m-address-locate-error" role="alert" data-testid="address-locate-error">
            {locateError}
          </div>
        )}
      </Form.Item>
      <Form.Item name="isDefault" label={t('address.isDefault')} valuePropName="checked" childElementPosition="right">
        <Switch data-testid="address-default" />
      </Form.Item>
    </>
  );
}
