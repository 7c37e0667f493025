import { App, Button, Form, InputNumber, Modal } from 'antd';
import { api, ApiError, errorText } from '../../../shared/api';
import type { AdminItem } from '../../../shared/catalog-types';
import { unitLabel } from '../../../shared/catalog-units';
import { fenToYuan, formatFen, yuanToFen } from '../../../shared/format';
import { localName, useI18n } from '../../../shared/i18n';
import { useFormModal } from '../../use-form-modal';
import { basePriceFen } from './catalog-format';

interface CityPriceForm {
  basePrice: number | null;
  referenceMin: number | null;
  referenceMax: number | null;
}

/** `PUT /api/admin/catalog/items/:id/city-price`: the city's base price (empty = catalogue price) and reference range. */
export function CityPriceModal({ item, onClose }: { item: AdminItem; onClose: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CityPriceForm>();
  const unit = unitLabel(t, item.unit);
  const modalProps = useFormModal(form, ['basePriceFen', 'referenceMinFen', 'referenceMaxFen'], onClose, async (values) => {
    try {
      await api(`/api/admin/catalog/items/${item.id}/city-price`, {
        method: 'PUT',
        body: { basePriceFen: yuanToFen(values.basePrice), referenceMinFen: yuanToFen(values.referenceMin) ?? 0, referenceMaxFen: yuanToFen(values.referenceMax) ?? 0 },
      });
    } catch (error) {
      // The API names the fields in fen; the form has them in 元.
      if (error instanceof ApiError && error.errors.length > 0) {
        const names: Record<string, keyof CityPriceForm> = { basePriceFen: 'basePrice', referenceMinFen: 'referenceMin', referenceMaxFen: 'referenceMax' };
        const fields = error.errors.filter((entry) => names[entry.field]).map((entry) => ({ name: names[entry.field], errors: [entry.message] }));
        if (fields.length > 0) {
          form.setFields(fields);
          return;
        }
      }
      throw error;
    }
    message.success(t('common.saved'));
    onClose(true);
  });
  async function reset() {
    await api(`/api/admin/catalog/items/${item.id}/city-price`, { method: 'DELETE' });
    message.success(t('common.saved'));
    onClose(true);
  }
  const initialValues: CityPriceForm = {
    basePrice: fenToYuan(item.cityPrice?.basePriceFen ?? null),
    referenceMin: fenToYuan(item.referenceMinFen),
    referenceMax: fenToYuan(item.referenceMaxFen),
  };

  return (
    <Modal title={t('city.title', { name: localName(lang, item) })} {...modalProps} data-testid="city-price-modal">
      <Form form={form} layout="vertical" initialValues={initialValues} requiredMark={false}>
        <Form.Item name="basePrice" label={t('city.basePrice', { unit })} extra={t('city.basePriceHint', { price: formatFen(basePriceFen(item.pricing)) })}>
          <InputNumber id="city-base-price" min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="referenceMin" label={t('city.referenceMin')} rules={[{ required: true, message: t('form.required', { field: t('city.referenceMin') }) }]}>
          <InputNumber id="city-reference-min" min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="referenceMax" label={t('city.referenceMax')} rules={[{ required: true, message: t('form.required', { field: t('city.referenceMax') }) }]}>
          <InputNumber id="city-reference-max" min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        {item.cityPrice && (
          <Button danger onClick={() => void reset().catch((error) => message.error(errorText(error, t('common.failed'))))} data-testid="city-price-reset">
            {t('city.reset')}
          </Button>
        )}
      </Form>
    </Modal>
  );
}

/** `PUT /api/admin/catalog/city-multiplier`, edited as a percentage (100 % = unchanged). */
export function MultiplierModal({ multiplierBp, onClose }: { multiplierBp: number; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ percent: number }>();
  const modalProps = useFormModal(form, ['multiplierBp'], onClose, async (values) => {
    await api('/api/admin/catalog/city-multiplier', { method: 'PUT', body: { multiplierBp: Math.round(values.percent * 100) } });
    message.success(t('common.saved'));
    onClose(true);
  });
  return (
    <Modal title={t('catalog.multiplier')} {...modalProps}>
      <Form form={form} layout="vertical" initialValues={{ percent: multiplierBp / 100 }} requiredMark={false}>
        <Form.Item name="percent" label={t('city.multiplierPercent')} extra={t('catalog.multiplierHint')} rules={[{ required: true, type: 'number', min: 10, max: 1000 }]}>
          <InputNumber id="city-multiplier" min={10} max={1000} precision={2} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
