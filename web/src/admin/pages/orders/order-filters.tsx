import { Button, DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { localName, useI18n } from '../../../shared/i18n';
import type { CategoryWithItems } from '../../../shared/catalog-types';
import type { City } from '../../../shared/types';
import { ANOMALIES, ORDER_STATES } from './order-format';

export const FILTER_KEYS = ['q', 'status', 'categoryCode', 'districtCode', 'anomaly', 'from', 'to', 'workerId', 'customerId'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type OrderFilterValues = Record<FilterKey, string>;

/** A text box that applies its value on Enter, on leaving it, or when cleared. */
function CommitInput({ value, onCommit, placeholder, width, testId }: { value: string; onCommit: (value: string) => void; placeholder: string; width: number; testId: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = (next: string) => {
    if (next.trim() !== value) onCommit(next.trim());
  };
  return (
    <Input
      allowClear
      value={text}
      placeholder={placeholder}
      style={{ width }}
      data-testid={testId}
      onChange={(event) => {
        setText(event.target.value);
        if (event.type !== 'change') commit(''); // the clear icon
      }}
      onPressEnter={() => commit(text)}
      onBlur={() => commit(text)}
    />
  );
}

interface Props {
  values: OrderFilterValues;
  onChange: (patch: Partial<OrderFilterValues>) => void;
  onReset: () => void;
  city: City | undefined;
  categories: CategoryWithItems[] | undefined;
}

/** 订单管理 filters: text search, status, category, district, anomaly, visit dates, worker and customer. */
export function OrderFilters({ values, onChange, onReset, city, categories }: Props) {
  const { t, lang } = useI18n();
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null];
  return (
    <div className="a-toolbar" data-testid="order-filters">
      <Input.Search
        key={values.q}
        allowClear
        defaultValue={values.q}
        placeholder={t('orders.filter.q')}
        enterButton={t('common.search')}
        onSearch={(value) => onChange({ q: value.trim() })}
        style={{ width: 300 }}
        data-testid="orders-search"
      />
      <Select<string>
        value={values.status}
        onChange={(status) => onChange({ status })}
        style={{ width: 150 }}
        data-testid="orders-status"
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('orders.filter.status')}
        options={[{ value: '', label: t('orders.filter.allStatus') }, ...ORDER_STATES.map((state) => ({ value: state, label: t(`state.${state}`) }))]}
      />
      <Select<string>
        value={values.categoryCode}
        onChange={(categoryCode) => onChange({ categoryCode })}
        style={{ width: 150 }}
        data-testid="orders-category"
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('orders.filter.category')}
        options={[{ value: '', label: t('orders.filter.allCategories') }, ...(categories ?? []).map((category) => ({ value: category.code, label: `${category.icon} ${localName(lang, category)}` }))]}
      />
      <Select<string>
        value={values.districtCode}
        onChange={(districtCode) => onChange({ districtCode })}
        style={{ width: 140 }}
        data-testid="orders-district"
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('orders.filter.district')}
        options={[{ value: '', label: t('orders.filter.allDistricts') }, ...(city?.districts ?? []).map((district) => ({ value: district.code, label: localName(lang, district) }))]}
      />
      <Select<string>
        value={values.anomaly}
        onChange={(anomaly) => onChange({ anomaly })}
        style={{ width: 180 }}
        data-testid="orders-anomaly"
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('orders.filter.anomaly')}
        options={[{ value: '', label: t('orders.filter.allAnomalies') }, ...ANOMALIES.map((anomaly) => ({ value: anomaly, label: t(`anomaly.${anomaly}`) }))]}
      />
      <DatePicker.RangePicker
        value={range}
        allowEmpty={[true, true]}
        placeholder={[t('orders.filter.dateFrom'), t('orders.filter.dateTo')]}
        onChange={(dates) => onChange({ from: dates?.[0]?.format('YYYY-MM-DD') ?? '', to: dates?.[1]?.format('YYYY-MM-DD') ?? '' })}
        data-testid="orders-dates"
      />
      <CommitInput value={values.workerId} onCommit={(workerId) => onChange({ workerId })} placeholder={t('orders.filter.workerId')} width={170} testId="orders-worker" />
      <CommitInput value={values.customerId} onCommit={(customerId) => onChange({ customerId })} placeholder={t('orders.filter.customerId')} width={170} testId="orders-customer" />
      <Button onClick={onReset} data-testid="orders-reset">
        {t('orders.filter.reset')}
      </Button>
    </div>
  );
}
