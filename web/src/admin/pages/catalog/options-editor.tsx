import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, type FormInstance } from 'antd';
import type { OptionKind } from '../../../shared/catalog-types';
import { useI18n } from '../../../shared/i18n';
import type { ItemForm, SurchargeType } from './item-form-values';

const OPTION_KINDS: OptionKind[] = ['select', 'multi_select', 'boolean', 'integer', 'text'];
const SURCHARGES: SurchargeType[] = ['none', 'fixed', 'percent'];

/** A surcharge: none, fixed 元 or percent of the base line. */
function SurchargeInput({ path }: { path: (string | number)[] }) {
  const { t } = useI18n();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Form.Item name={[...path, 'surchargeType']} noStyle initialValue="none">
        <Select style={{ width: 130 }} options={SURCHARGES.map((value) => ({ value, label: t(`option.surcharge.${value}`) }))} />
      </Form.Item>
      <Form.Item name={[...path, 'amount']} noStyle>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
    </Space.Compact>
  );
}

function ChoicesEditor({ optionName }: { optionName: number }) {
  const { t } = useI18n();
  return (
    <Form.List name={[optionName, 'choices']}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row gutter={8} key={field.key} align="top">
              <Col span={5}>
                <Form.Item name={[field.name, 'value']} rules={[{ required: true, message: t('option.value') }]}>
                  <Input placeholder={t('option.value')} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'labelZh']} rules={[{ required: true, message: t('option.labelZh') }]}>
                  <Input placeholder={t('option.labelZh')} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'labelEn']} rules={[{ required: true, message: t('option.labelEn') }]}>
                  <Input placeholder={t('option.labelEn')} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item>
                  <SurchargeInput path={[field.name]} />
                </Form.Item>
              </Col>
              <Col span={1}>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('option.remove')} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ surchargeType: 'none' })}>
            {t('option.addChoice')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function KindFields({ name, kind }: { name: number; kind: OptionKind }) {
  const { t } = useI18n();
  const num = (field: string, label: string, props: { min?: number; precision?: number } = {}) => (
    <Col span={6} key={field}>
      <Form.Item name={[name, field]} label={label}>
        <InputNumber min={props.min} precision={props.precision ?? 0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  switch (kind) {
    case 'select':
    case 'multi_select':
      return (
        <>
          <Row gutter={12}>
            {kind === 'select' ? (
              <Col span={8}>
                <Form.Item name={[name, 'defaultText']} label={t('option.default')}>
                  <Input placeholder={t('option.value')} />
                </Form.Item>
              </Col>
            ) : (
              [num('minSelected', t('option.minSelected'), { min: 0 }), num('maxSelected', t('option.maxSelected'), { min: 1 })]
            )}
          </Row>
          <Form.Item label={t('option.choices')}>
            <ChoicesEditor optionName={name} />
          </Form.Item>
        </>
      );
    case 'boolean':
      return (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('option.surcharge')}>
              <SurchargeInput path={[name]} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={[name, 'defaultBoolean']} label={t('option.default')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'integer':
      return (
        <Row gutter={12}>
          {num('min', t('option.min'))}
          {num('max', t('option.max'))}
          {num('includedUnits', t('option.includedUnits'), { min: 0 })}
          {num('perUnitYuan', t('option.perUnitYuan'), { min: 0, precision: 2 })}
          {num('defaultNumber', t('option.default'))}
        </Row>
      );
    case 'text':
      return <Row gutter={12}>{num('maxLength', t('option.maxLength'), { min: 1 })}</Row>;
  }
}

/** The item's options (Form.List): key, kind, labels, and the fields of each kind. */
export function OptionsEditor({ form }: { form: FormInstance<ItemForm> }) {
  const { t } = useI18n();
  const options = Form.useWatch('options', form) ?? [];
  return (
    <Form.List name="options">
      {(fields, { add, remove }) => (
        <div className="a-options" data-testid="options-editor">
          {fields.map((field) => {
            const kind = (options[field.name]?.kind ?? 'select') as OptionKind;
            return (
              <Card
                key={field.key}
                size="small"
                className="a-option-card"
                title={`${options[field.name]?.labelZh || t('form.options')} · ${t(`option.kind.${kind}`)}`}
                extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('option.remove')} />}
              >
                <Row gutter={12}>
                  <Col span={6}>
                    <Form.Item name={[field.name, 'key']} label={t('option.key')} rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, message: t('form.required', { field: t('option.key') }) }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[field.name, 'kind']} label={t('option.kind')}>
                      <Select options={OPTION_KINDS.map((value) => ({ value, label: t(`option.kind.${value}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[field.name, 'labelZh']} label={t('option.labelZh')} rules={[{ required: true, message: t('form.required', { field: t('option.labelZh') }) }]}>
                      <Input maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[field.name, 'labelEn']} label={t('option.labelEn')} rules={[{ required: true, message: t('form.required', { field: t('option.labelEn') }) }]}>
                      <Input maxLength={80} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Form.Item name={[field.name, 'required']} label={t('option.requiredFlag')} valuePropName="checked">
                      <Checkbox />
                    </Form.Item>
                  </Col>
                </Row>
                <KindFields name={field.name} kind={kind} />
              </Card>
            );
          })}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'select', choices: [], required: false })} data-testid="option-add">
            {t('option.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
