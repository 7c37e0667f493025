import { App, Button, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { api, ApiError, errorText } from '../../../shared/api';
import type { AdminCategory, AdminItem } from '../../../shared/catalog-types';
import { unitMessages } from '../../../shared/catalog-units';
import { localName, useI18n } from '../../../shared/i18n';
import { useFormSubmit } from '../../../shared/use-form-submit';
import { applyMappedErrors, isVersionConflict } from './catalog-errors';
import { formPath, itemBody, itemToForm, NEW_ITEM, type ItemForm } from './item-form-values';
import { OptionsEditor } from './options-editor';
import { PricingFields } from './pricing-fields';

const UNITS = Object.keys(unitMessages).map((key) => key.slice('unit.'.length));
const CERTIFICATES = ['electrician', 'housekeeping', 'infant_care', 'maternity', 'elder_care'];

/** Creates (no `item`) or edits a service item: basics, pricing model, options, reference range. */
export function ItemDrawer({ item, categories, onClose }: { item?: AdminItem; categories: AdminCategory[]; onClose: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ItemForm>();

  function claim(error: unknown): boolean {
    if (isVersionConflict(error)) {
      modal.warning({ title: t('catalog.conflict'), okText: t('catalog.reload'), onOk: () => onClose(true) });
      return true;
    }
    if (!(error instanceof ApiError) || error.errors.length === 0) return false;
    const rest = applyMappedErrors(form, error, formPath);
    message.error(rest.length > 0 ? rest.join('；') : errorText(error, t('common.failed')));
    return true;
  }

  const { submitting, submit } = useFormSubmit(
    form,
    [],
    async (values: ItemForm) => {
      if (item) {
        await api(`/api/admin/catalog/items/${item.id}`, { method: 'PATCH', body: { ...itemBody(values), version: item.version } });
        message.success(t('common.saved'));
      } else {
        await api('/api/admin/catalog/items', { body: { code: values.code?.trim(), ...itemBody(values) } });
        message.success(t('catalog.created'));
      }
      onClose(true);
    },
    (text) => message.error(text),
    claim,
  );

  async function save() {
    const values = await form.validateFields().catch(() => null);
    if (values) await submit(form.getFieldsValue(true) as ItemForm);
  }

  const required = (key: string) => [{ required: true, whitespace: true, message: t('form.required', { field: t(key) }) }];
  const tags = (placeholder: string) => <Select mode="tags" open={false} suffixIcon={null} placeholder={placeholder} tokenSeparators={['，', ',']} />;

  return (
    <Drawer
      open
      size={860}
      title={item ? t('catalog.editTitle', { name: localName(lang, item) }) : t('catalog.createTitle')}
      onClose={() => onClose(false)}
      destroyOnHidden
      data-testid="item-drawer"
      extra={
        <Space>
          <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={save} data-testid="item-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={item ? itemToForm(item) : { ...NEW_ITEM, categoryCode: categories[0]?.code }} requiredMark={false}>
        <Divider titlePlacement="start">{t('form.basic')}</Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="code" label={t('form.code')} extra={item ? undefined : t('form.codeHint')} rules={item ? undefined : [{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('form.codeHint') }]}>
              <Input id="item-code" disabled={Boolean(item)} maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="categoryCode" label={t('form.category')} rules={required('form.category')}>
              <Select id="item-category" options={categories.map((category) => ({ value: category.code, label: `${category.icon} ${localName(lang, category)}` }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="published" label={t('form.published')} valuePropName="checked">
              <Switch id="item-published" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('form.name')} rules={required('form.name')}>
              <Input id="item-name" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('form.nameEn')} rules={required('form.nameEn')}>
              <Input id="item-name-en" maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('form.description')}>
              <Input.TextArea id="item-description" maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="unit" label={t('form.unit')} rules={required('form.unit')}>
              <Select id="item-unit" options={UNITS.map((unit) => ({ value: unit, label: `${t(`unit.${unit}`)} (${unit})` }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="durationMinutes" label={t('form.duration')} rules={[{ required: true, message: t('form.required', { field: t('form.duration') }) }]}>
              <InputNumber id="item-duration" min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="requiredCertificate" label={t('form.certificate')}>
              <Select id="item-certificate" allowClear placeholder={t('form.certificateNone')} options={CERTIFICATES.map((code) => ({ value: code, label: t(`cert.${code}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="included" label={t('form.included')}>
              {tags(t('form.tagsPlaceholder'))}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="excluded" label={t('form.excluded')}>
              {tags(t('form.tagsPlaceholder'))}
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('form.pricing')}</Divider>
        <PricingFields form={form} />
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="referenceMin" label={t('form.referenceMin')} rules={[{ required: true, message: t('form.required', { field: t('form.referenceMin') }) }]}>
              <InputNumber id="item-reference-min" min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="referenceMax" label={t('form.referenceMax')} rules={[{ required: true, message: t('form.required', { field: t('form.referenceMax') }) }]}>
              <InputNumber id="item-reference-max" min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('form.options')}</Divider>
        <OptionsEditor form={form} />
      </Form>
    </Drawer>
  );
}
