import { Alert, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { api, errorText } from '../../../shared/api';
import { choiceLabel, pick, surchargeText, type CategoryWithItems, type ItemDetail, type OptionDefinition, type PricingModel } from '../../../shared/catalog-types';
import { unitLabel } from '../../../shared/catalog-units';
import { formatFen, formatFenRange } from '../../../shared/format';
import { localName, useI18n, type Translate } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';

export interface QuantityRule {
  label: string;
  min: number;
  max: number;
  step: number;
}

/** What `quantity` means for the pricing model (hours, units or a count); null when there is nothing to choose. */
export function quantityRule(t: Translate, pricing: PricingModel, unit: string): QuantityRule | null {
  switch (pricing.kind) {
    case 'hourly':
      return { label: t('book.hours'), min: pricing.minHours, max: pricing.maxHours ?? 12, step: pricing.stepHours ?? 1 };
    case 'per_unit':
      return { label: t('book.units', { unit: unitLabel(t, unit) }), min: pricing.minQuantity, max: pricing.maxQuantity, step: pricing.step ?? 1 };
    case 'fixed':
    case 'package':
      return (pricing.maxQuantity ?? 1) > 1 ? { label: t('book.count'), min: 1, max: pricing.maxQuantity ?? 1, step: 1 } : null;
    case 'on_site_quote':
      return null;
  }
}

/** One required option as an antd control. */
function OptionControl({ option }: { option: OptionDefinition }) {
  const { t, lang } = useI18n();
  const label = pick(lang, option.label);
  const name = ['options', option.key];
  const rules = [{ required: true, message: t('book.choose', { field: label }) }];
  const choices = 'choices' in option ? option.choices.map((choice) => ({ value: choice.value, label: choiceLabel(lang, choice) })) : [];
  switch (option.kind) {
    case 'select':
      return <Form.Item name={name} label={label} rules={rules}><Select options={choices} data-testid={`book-option-${option.key}`} /></Form.Item>;
    case 'multi_select':
      return (
        <Form.Item name={name} label={label} rules={[{ required: true, type: 'array', min: option.minSelected ?? 1, message: t('book.choose', { field: label }) }]} extra={t('book.optionRange', { min: option.minSelected ?? 1, max: option.maxSelected ?? option.choices.length })}>
          <Checkbox.Group options={choices} data-testid={`book-option-${option.key}`} />
        </Form.Item>
      );
    case 'boolean':
      return <Form.Item name={name} label={label} valuePropName="checked" extra={surchargeText(option.surcharge) || undefined}><Switch data-testid={`book-option-${option.key}`} /></Form.Item>;
    case 'integer':
      return (
        <Form.Item name={name} label={label} rules={rules} extra={option.perUnitFen ? t('book.optionPerUnit', { included: option.includedUnits ?? 0, price: formatFen(option.perUnitFen) }) : undefined}>
          <InputNumber min={option.min} max={option.max} precision={0} data-testid={`book-option-${option.key}`} />
        </Form.Item>
      );
    case 'text':
      return <Form.Item name={name} label={label} rules={[{ required: true, whitespace: true, message: t('book.required', { field: label }) }]}><Input maxLength={option.maxLength} showCount data-testid={`book-option-${option.key}`} /></Form.Item>;
  }
}

/** The service item (published catalogue), its quantity and its required options. `onItem` receives the loaded detail. */
export function BookServiceFields({ categories, itemCode, onItem }: { categories: CategoryWithItems[]; itemCode: string | undefined; onItem: (item: ItemDetail) => void }) {
  const { t, lang } = useI18n();
  const detail = useLoad(
    async (signal) => {
      if (!itemCode) return undefined;
      const item = await api<ItemDetail>(`/api/catalog/items/${encodeURIComponent(itemCode)}`, { signal });
      onItem(item);
      return item;
    },
    [itemCode],
  );
  const item = detail.data && detail.data.code === itemCode ? detail.data : undefined;
  const rule = item ? quantityRule(t, item.pricing, item.unit) : null;
  const required = item ? item.options.filter((option) => option.required) : [];

  return (
    <>
      <Form.Item name="itemCode" label={t('book.item')} rules={[{ required: true, message: t('book.choose', { field: t('book.item') }) }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('book.itemPlaceholder')}
          data-testid="book-item"
          id="book-item"
          options={categories.map((category) => ({
            label: `${category.icon} ${localName(lang, category)}`,
            title: category.code,
            options: category.items.map((entry) => ({ value: entry.code, label: localName(lang, entry) })),
          }))}
        />
      </Form.Item>
      {detail.error !== undefined && <Alert type="error" showIcon title={t('book.itemLoadFailed')} description={errorText(detail.error, '')} className="a-toolbar" />}
      {item && (
        <Typography.Paragraph type="secondary" className="a-small" data-testid="book-item-reference">
          {t('book.reference', { range: formatFenRange(item.referenceMinFen, item.referenceMaxFen), unit: unitLabel(t, item.unit), minutes: item.durationMinutes })}
        </Typography.Paragraph>
      )}
      <Row gutter={16}>
        {rule && (
          <Col span={8}>
            <Form.Item name="quantity" label={rule.label} rules={[{ required: true, message: t('book.required', { field: rule.label }) }]}>
              <InputNumber min={rule.min} max={rule.max} step={rule.step} style={{ width: '100%' }} id="book-quantity" data-testid="book-quantity" />
            </Form.Item>
          </Col>
        )}
        {required.map((option) => (
          <Col span={option.kind === 'multi_select' || option.kind === 'text' ? 24 : 8} key={option.key}>
            <OptionControl option={option} />
          </Col>
        ))}
      </Row>
      {item && item.options.length > required.length && <Typography.Paragraph type="secondary" className="a-small">{t('book.optionsHint')}</Typography.Paragraph>}
    </>
  );
}
