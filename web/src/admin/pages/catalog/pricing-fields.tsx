import { Col, Form, InputNumber, Row, Select, type FormInstance } from 'antd';
import type { PerUnit, PricingKind } from '../../../shared/catalog-types';
import { useI18n } from '../../../shared/i18n';
import type { ItemForm } from './item-form-values';

export const PRICING_KINDS: PricingKind[] = ['fixed', 'hourly', 'per_unit', 'package', 'on_site_quote'];
const PER_UNITS: PerUnit[] = ['sqm', 'item', 'appliance', 'bed', 'room', 'window'];

/** The pricing-model editor: the kind, then that kind's fields (money in 元). */
export function PricingFields({ form }: { form: FormInstance<ItemForm> }) {
  const { t } = useI18n();
  const kind = (Form.useWatch(['pricing', 'kind'], form) ?? 'fixed') as PricingKind;
  const required = (label: string) => [{ required: true, message: t('form.required', { field: label }) }];
  const number = (name: string, label: string, props: { min?: number; step?: number; precision?: number; optional?: boolean } = {}) => (
    <Col span={8} key={name}>
      <Form.Item name={['pricing', name]} label={label} rules={props.optional ? undefined : required(label)}>
        <InputNumber
          id={`pricing-${name}`}
          min={props.min ?? 0}
          step={props.step ?? 1}
          precision={props.precision}
          placeholder={props.optional ? t('form.optional') : undefined}
          style={{ width: '100%' }}
        />
      </Form.Item>
    </Col>
  );

  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item name={['pricing', 'kind']} label={t('form.kind')} rules={required(t('form.kind'))}>
          <Select id="pricing-kind" options={PRICING_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} />
        </Form.Item>
      </Col>
      {number('price', t(`form.price.${kind}`), { precision: 2, step: 1 })}
      {kind === 'hourly' && [
        number('minHours', t('form.minHours'), { step: 0.5, min: 0.5 }),
        number('maxHours', t('form.maxHours'), { step: 0.5, min: 0.5, optional: true }),
        number('stepHours', t('form.stepHours'), { step: 0.5, min: 0.5, optional: true }),
      ]}
      {kind === 'per_unit' && [
        <Col span={8} key="unit">
          <Form.Item name={['pricing', 'unit']} label={t('form.perUnit')} rules={required(t('form.perUnit'))}>
            <Select id="pricing-unit" options={PER_UNITS.map((value) => ({ value, label: t(`perUnit.${value}`) }))} />
          </Form.Item>
        </Col>,
        number('minQuantity', t('form.minQuantity'), { min: 0.001 }),
        number('maxQuantity', t('form.maxUnits'), { min: 1 }),
        number('step', t('form.step'), { min: 0.001, optional: true }),
      ]}
      {kind === 'package' && [
        number('visits', t('form.visits'), { min: 1, precision: 0 }),
        number('validDays', t('form.validDays'), { min: 1, precision: 0 }),
        number('maxQuantity', t('form.maxQuantity'), { min: 1, precision: 0, optional: true }),
      ]}
      {kind === 'fixed' && number('maxQuantity', t('form.maxQuantity'), { min: 1, precision: 0, optional: true })}
    </Row>
  );
}
