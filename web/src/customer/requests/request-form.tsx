import { Button, Form, Input, Selector, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api';
import type { CategoryWithItems } from '../../shared/catalog-types';
import { yuanToFen } from '../../shared/format';
import { localName, useI18n } from '../../shared/i18n';
import { errorPath, MAX_REQUEST_PHOTOS, SPECIAL_NEEDS, type CustomerRequest, type RequestBody, type SpecialNeed, type TimeWindow } from '../../shared/request-types';
import type { Address } from '../../shared/types';
import { PhotoField, photoFileIds } from '../../mobile/photo-field';
import { SingleSelector } from '../../mobile/single-selector';
import { useFormSubmit } from '../../mobile/use-form-submit';
import { AddressChoice } from './address-choice';
import { fileIdOf, requestsApi } from './request-api';
import { WindowField } from './window-field';

interface Values {
  categoryCode: string[];
  itemCode: string[];
  description: string;
  photos: ImageUploadItem[];
  addressId: string | null;
  windows: TimeWindow[];
  budgetMin: string;
  budgetMax: string;
  specialNeeds: SpecialNeed[];
  notes: string;
}

type Mode = 'draft' | 'publish';

const ANY_ITEM = '';

/** The form field a problem+json error belongs under (`budgetMinFen` under the yuan input, `windows.1.end` under the windows …). */
const FIELD_OF: Record<string, keyof Values> = {
  categoryCode: 'categoryCode',
  itemCode: 'itemCode',
  description: 'description',
  photoFileIds: 'photos',
  addressId: 'addressId',
  address: 'addressId',
  windows: 'windows',
  budgetMinFen: 'budgetMin',
  budgetMaxFen: 'budgetMax',
  specialNeeds: 'specialNeeds',
  notes: 'notes',
};

function initialValues(existing: CustomerRequest | null, categories: CategoryWithItems[], addresses: Address[], category: string | null): Values {
  const fallbackAddress = (addresses.find((a) => a.isDefault) ?? addresses[0])?.id ?? null;
  if (!existing) {
    const code = categories.some((c) => c.code === category) ? category! : '';
    return {
      categoryCode: code ? [code] : [], itemCode: [ANY_ITEM], description: '', photos: [], addressId: fallbackAddress, windows: [],
      budgetMin: '', budgetMax: '', specialNeeds: [], notes: '',
    };
  }
  const ids = existing.photoUrls.map(fileIdOf);
  return {
    categoryCode: [existing.categoryCode],
    itemCode: [existing.itemCode ?? ANY_ITEM],
    description: existing.description,
    photos: existing.photoUrls.map((url, index) => ({ key: ids[index] ?? url, url })),
    addressId: existing.address?.id ?? fallbackAddress,
    windows: existing.windows.filter((w) => Date.parse(w.end) > Date.now()),
    budgetMin: existing.budgetMinFen === null ? '' : String(existing.budgetMinFen / 100),
    budgetMax: existing.budgetMaxFen === null ? '' : String(existing.budgetMaxFen / 100),
    specialNeeds: existing.specialNeeds.filter((need): need is SpecialNeed => (SPECIAL_NEEDS as readonly string[]).includes(need)),
    notes: existing.notes,
  };
}

/**
 * 发布需求: category, the closest item (optional), what needs doing, up to 9 photos, an address of mine, 1–3 time
 * windows, a budget range in yuan, special needs and notes → 保存草稿 (`POST` / `PATCH`) or 发布 (`…/publish`).
 * The API's field errors show under their fields; an uncovered address says the nearest covered area.
 */
export function RequestForm({ existing, categories, addresses: initialAddresses, category }: {
  existing: CustomerRequest | null;
  categories: CategoryWithItems[];
  addresses: Address[];
  /** `?category=` of a category page's entry. */
  category: string | null;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [addresses, setAddresses] = useState(initialAddresses);
  const [values0] = useState(() => initialValues(existing, categories, initialAddresses, category));
  const [categoryCode, setCategoryCode] = useState(values0.categoryCode[0] ?? '');
  const [uploading, setUploading] = useState(false);
  const mode = useRef<Mode>('draft');
  /** The draft this form saves into (set once a first save or a failed publish created it). */
  const saved = useRef<string | null>(existing?.id ?? null);
  const items = categories.find((c) => c.code === categoryCode)?.items ?? [];

  function claim(error: unknown): boolean {
    if (!(error instanceof ApiError)) return false;
    if (error.code === 'ADDRESS_NOT_COVERED') {
      const nearest = error.problem.nearest as { districtName?: string } | undefined;
      const text = nearest?.districtName ? t('requests.form.nearest', { district: nearest.districtName }) : t('requests.form.notCovered');
      form.setFields([{ name: 'addressId', errors: [text] }]);
      return true;
    }
    const byField = new Map<keyof Values, string[]>();
    for (const entry of error.errors) {
      const name = FIELD_OF[String(errorPath(entry.field)[0] ?? '')];
      if (name) byField.set(name, [...(byField.get(name) ?? []), entry.message]);
    }
    if (byField.size === 0) return false;
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    return true;
  }

  const { submitting, submit } = useFormSubmit(
    form,
    [],
    async (values: Values) => {
      const body: RequestBody = {
        categoryCode: values.categoryCode[0]!,
        ...(values.itemCode[0] ? { itemCode: values.itemCode[0] } : {}),
        description: values.description.trim(),
        photoFileIds: photoFileIds(values.photos),
        ...(values.addressId ? { addressId: values.addressId } : {}),
        ...(values.windows.length > 0 ? { windows: values.windows } : {}),
        ...(values.budgetMin.trim() ? { budgetMinFen: yuanToFen(values.budgetMin.trim())! } : {}),
        ...(values.budgetMax.trim() ? { budgetMaxFen: yuanToFen(values.budgetMax.trim())! } : {}),
        specialNeeds: values.specialNeeds,
        notes: values.notes.trim(),
      };
      // Saved as a draft first, then published: a refused publish (no address, uncovered …) keeps the draft to fix.
      const draft = saved.current ? await requestsApi.update(saved.current, body) : await requestsApi.create(body);
      saved.current = draft.id;
      if (mode.current === 'draft') {
        Toast.show({ icon: 'success', content: t('requests.form.draftSaved') });
        navigate(`/requests/${draft.id}`, { replace: true });
        return;
      }
      const published = await requestsApi.publish(draft.id);
      Toast.show({ icon: 'success', content: t('requests.form.published') });
      navigate(`/requests/${published.id}`, { replace: true, state: { from: '/me/requests' } });
    },
    claim,
  );

  async function run(next: Mode) {
    mode.current = next;
    const values = await form.validateFields().catch(() => null);
    if (values) await submit(values);
  }

  const onlyToPublish = (message: string, empty: (value: unknown) => boolean) => ({
    validator: (_rule: unknown, value: unknown) => (mode.current === 'publish' && empty(value) ? Promise.reject(new Error(message)) : Promise.resolve()),
  });

  return (
    <div className="m-request-form-page">
      <Form
        form={form}
        layout="vertical"
        mode="card"
        requiredMarkStyle="none"
        initialValues={values0}
        className="m-request-form"
        data-testid="request-form"
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.categoryCode) {
            setCategoryCode(changed.categoryCode[0] ?? '');
            form.setFieldValue('itemCode', [ANY_ITEM]);
          }
          // A field the API refused is fine again once edited (until the next answer says otherwise).
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })));
        }}
      >
        <Form.Item name="categoryCode" label={t('requests.form.category')} rules={[{ required: true, type: 'array', min: 1, message: t('requests.form.categoryRequired') }]}>
          <SingleSelector
            columns={3}
            showCheckMark={false}
            options={categories.map((c) => ({ value: c.code, label: `${c.icon} ${localName(lang, c)}` }))}
            data-testid="request-categories"
          />
        </Form.Item>
        {items.length > 0 && (
          <Form.Item name="itemCode" label={t('requests.form.item')} description={t('requests.form.itemHint')}>
            <SingleSelector
              columns={2}
              showCheckMark={false}
              options={[{ value: ANY_ITEM, label: t('requests.form.itemAny') }, ...items.map((item) => ({ value: item.code, label: localName(lang, item) }))]}
              data-testid="request-items"
            />
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label={t('requests.form.description')}
          rules={[{ required: true, whitespace: true, min: 5, message: t('requests.form.descriptionRequired') }]}
        >
          <TextArea id="request-description" placeholder={t('requests.form.descriptionPlaceholder')} maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="photos" label={t('requests.form.photos')}>
          <PhotoField
            testId="request-photos"
            endpoint="/api/orders/photos"
            max={MAX_REQUEST_PHOTOS}
            tooManyText={t('requests.form.photosTooMany')}
            tooLargeText={t('requests.form.photoTooLarge')}
            onBusyChange={setUploading}
          />
        </Form.Item>
        <Form.Item name="addressId" label={t('requests.form.address')} rules={[onlyToPublish(t('requests.form.addressRequired'), (v) => !v)]}>
          <AddressChoice addresses={addresses} onAdded={(address) => setAddresses((list) => [...list, address])} />
        </Form.Item>
        <Form.Item
          name="windows"
          label={t('requests.form.windows')}
          rules={[onlyToPublish(t('requests.form.windowsRequired'), (v) => !Array.isArray(v) || v.length === 0)]}
        >
          <WindowField />
        </Form.Item>
        <Form.Item name="budgetMin" label={t('requests.form.budgetMin')} layout="horizontal" childElementPosition="right">
          <Input id="request-budget-min" type="number" inputMode="decimal" placeholder={t('requests.form.budgetOptional')} min={0} className="m-request-yuan" />
        </Form.Item>
        <Form.Item
          name="budgetMax"
          label={t('requests.form.budgetMax')}
          layout="horizontal"
          childElementPosition="right"
          dependencies={['budgetMin']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, max: string | undefined) => {
                const min = String(getFieldValue('budgetMin') ?? '').trim();
                return min && max?.trim() && Number(min) > Number(max) ? Promise.reject(new Error(t('requests.form.budgetOrder'))) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input id="request-budget-max" type="number" inputMode="decimal" placeholder={t('requests.form.budgetOptional')} min={0} className="m-request-yuan" />
        </Form.Item>
        <Form.Item name="specialNeeds" label={t('requests.form.specialNeeds')}>
          <Selector multiple columns={2} options={SPECIAL_NEEDS.map((need) => ({ value: need, label: t(`request.need.${need}`) }))} data-testid="request-needs" />
        </Form.Item>
        <Form.Item name="notes" label={t('requests.form.notes')}>
          <TextArea id="request-notes" placeholder={t('requests.form.notesPlaceholder')} maxLength={300} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
      <footer className="m-bottom-bar m-request-footer">
        <Button block fill="outline" color="primary" size="large" loading={submitting && mode.current === 'draft'} disabled={submitting || uploading} onClick={() => run('draft')} data-testid="request-save-draft">
          {t('requests.form.saveDraft')}
        </Button>
        <Button block color="primary" size="large" loading={submitting && mode.current === 'publish'} disabled={submitting || uploading} onClick={() => run('publish')} data-testid="request-publish">
          {t('requests.form.publish')}
        </Button>
      </footer>
    </div>
  );
}
