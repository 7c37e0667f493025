import { Button, Picker, Popup, Selector } from 'antd-mobile';
import { useState } from 'react';
import type { Query } from '../../shared/api';
import type { CategoryWithItems } from '../../shared/catalog-types';
import { localName, useI18n } from '../../shared/i18n';
import type { Address, City } from '../../shared/types';
import { CERTIFICATE_KINDS } from '../../shared/worker-types';
import { SkillPicker } from '../../mobile/skill-picker';
import { formatDateTime } from '../../shared/format';
import { cityIso, dayLabel, visitDays } from '../../shared/city-days';
import { PRICE_BANDS, priceQuery, usePriceBandLabel } from './worker-rate';

const TIMES = Array.from({ length: 29 }, (_v, i) => `${String(7 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

export interface WorkerFilters {
  skill: string;
  districtCode: string;
  addressId: string;
  ratingMin: string;
  experience: string;
  certificate: string;
  gender: string;
  /** A PRICE_BANDS entry, '' for any. */
  price: string;
  /** ISO time, '' for any. */
  availableAt: string;
}

export const NO_WORKER_FILTERS: WorkerFilters = { skill: '', districtCode: '', addressId: '', ratingMin: '', experience: '', certificate: '', gender: '', price: '', availableAt: '' };

export function workerFilterQuery(filters: WorkerFilters): Query {
  const { price, ...rest } = filters;
  return { ...rest, ...priceQuery(price), durationMinutes: filters.availableAt ? 60 : undefined };
}

export function activeFilterCount(filters: WorkerFilters): number {
  return Object.values(filters).filter(Boolean).length;
}

export interface FilterSources {
  city: City;
  categories: CategoryWithItems[];
  addresses: Address[];
}

/** One single-choice row with 不限 first. */
function Choice({ label, value, options, onChange, columns = 3, testId }: { label: string; value: string; options: { value: string; label: string }[]; onChange: (value: string) => void; columns?: number; testId: string }) {
  const { t } = useI18n();
  return (
    <>
      <div className="m-filter-label">{label}</div>
      <Selector columns={columns} value={[value]} onChange={(values) => onChange(values[0] ?? '')} options={[{ value: '', label: t('workers.any') }, ...options]} data-testid={testId} />
    </>
  );
}

/** The 筛选 sheet of 找师傅: skill, district, near my address, rating, experience, certificate, gender, available at. */
export function WorkerFilterSheet({ open, value, sources, onApply, onClose }: { open: boolean; value: WorkerFilters; sources: FilterSources; onApply: (filters: WorkerFilters) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(value);
  const [picking, setPicking] = useState(false);
  const set = (change: Partial<WorkerFilters>) => setDraft({ ...draft, ...change });
  const bandLabel = usePriceBandLabel();

  return (
    <Popup visible={open} onMaskClick={onClose} afterShow={() => setDraft(value)} bodyClassName="m-popup m-worker-filter-popup">
      <h3 className="m-popup-title">{t('workers.filter')}</h3>
      <div className="m-worker-filter-body" data-testid="worker-filter-sheet">
        <div className="m-filter-label">{t('workers.skill')}</div>
        <div className="m-filter-field">
          <SkillPicker
            categories={sources.categories}
            value={draft.skill ? [draft.skill] : []}
            onChange={(codes) => set({ skill: codes[0] ?? '' })}
            placeholder={t('workers.skillPick')}
            testId="filter-skill"
          />
        </div>
        <Choice label={t('workers.district')} value={draft.districtCode} columns={4} onChange={(districtCode) => set({ districtCode })} options={sources.city.districts.map((d) => ({ value: d.code, label: localName(lang, d) }))} testId="filter-district" />
        <div className="m-filter-label">{t('workers.near')}</div>
        {sources.addresses.length === 0 ? (
          <p className="m-filter-note">{t('workers.noAddresses')}</p>
        ) : (
          <Selector
            columns={2}
            value={[draft.addressId]}
            onChange={(values) => set({ addressId: values[0] ?? '' })}
            options={[{ value: '', label: t('workers.any') }, ...sources.addresses.map((a) => ({ value: a.id, label: `${a.label} · ${a.districtName}` }))]}
            data-testid="filter-address"
          />
        )}
        <Choice label={t('workers.rating')} value={draft.ratingMin} onChange={(ratingMin) => set({ ratingMin })} options={['4', '4.5', '4.8'].map((min) => ({ value: min, label: t('workers.ratingMin', { min }) }))} testId="filter-rating" />
        <Choice label={t('workers.experience')} value={draft.experience} onChange={(experience) => set({ experience })} options={['1-3', '3-5', '5+'].map((band) => ({ value: band, label: t(`workers.exp.${band}`) }))} testId="filter-experience" />
        <Choice label={t('workers.certificate')} value={draft.certificate} columns={2} onChange={(certificate) => set({ certificate })} options={CERTIFICATE_KINDS.filter((k) => k !== 'other').map((kind) => ({ value: kind, label: t(`certKind.${kind}`) }))} testId="filter-certificate" />
        <Choice label={t('workers.gender')} value={draft.gender} onChange={(gender) => set({ gender })} options={['male', 'female'].map((g) => ({ value: g, label: t(`workers.gender.${g}`) }))} testId="filter-gender" />
        <Choice label={t('workers.price')} value={draft.price} columns={2} onChange={(price) => set({ price })} options={PRICE_BANDS.map((band) => ({ value: band, label: bandLabel(band) }))} testId="filter-price" />
        <div className="m-filter-label">{t('workers.availableAt')}</div>
        <div className="m-filter-field m-picker-value" role="button" tabIndex={0} onClick={() => setPicking(true)} data-testid="filter-available">
          {draft.availableAt ? formatDateTime(draft.availableAt, lang) : <span className="m-placeholder">{t('workers.availableAtPick')}</span>}
        </div>
        <Picker
          visible={picking}
          columns={[visitDays(new Date()).map((day) => ({ value: day, label: dayLabel(day, new Date(), lang) })), TIMES.map((time) => ({ value: time, label: time }))]}
          onClose={() => setPicking(false)}
          onConfirm={(values) => values[0] && values[1] && set({ availableAt: cityIso(String(values[0]), String(values[1])) })}
          confirmText={t('common.confirm')}
          cancelText={t('common.cancel')}
        />
      </div>
      <div className="m-popup-actions">
        <Button block onClick={() => onApply(NO_WORKER_FILTERS)} data-testid="filter-reset">
          {t('workers.reset')}
        </Button>
        <Button block color="primary" onClick={() => onApply(draft)} data-testid="filter-apply">
          {t('workers.apply')}
        </Button>
      </div>
    </Popup>
  );
}
