import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, ApiError } from '../../../shared/api';
import { optionDefault, type ItemDetail } from '../../../shared/catalog-types';
import { useFormSubmit } from '../../../shared/use-form-submit';
import { formatDateTime } from '../../../shared/format';
import { localName, useI18n } from '../../../shared/i18n';
import type { AdminOrderView } from '../../../shared/order-types';
import { PHONE_PATTERN } from '../../../shared/phone';
import './orders.css';
import { BookResult } from './book-result';
import { BookServiceFields, quantityRule } from './book-service-fields';
import { BookSlotPicker } from './book-slot-picker';
import { orderErrorText } from './order-format';
import { useOrderRefs } from './use-order-refs';

interface BookValues {
  customerPhone: string;
  customerName: string;
  itemCode?: string;
  quantity?: number;
  options?: Record<string, unknown>;
  districtCode?: string;
  detail: string;
  contactName?: string;
  contactPhone?: string;
  scheduledStart?: string;
  notes?: string;
}

/** Random, and available on plain http too (crypto.randomUUID needs a secure context). */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const FIELDS = ['customerPhone', 'customerName', 'itemCode', 'quantity', 'scheduledStart', 'districtCode', 'detail', 'contactName', 'contactPhone', 'notes'];

/** 代客下单: support books for a customer who phoned in → `POST /api/admin/orders`; the customer is texted a pay link. */
export function BookForCustomerPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BookValues>();
  const { city, categories } = useOrderRefs();
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [created, setCreated] = useState<AdminOrderView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [alternatives, setAlternatives] = useState<string[]>([]);
  // One Idempotency-Key per distinct booking: a retried submit of the same form cannot book twice.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const itemCode = Form.useWatch('itemCode', form);
  const quantity = Form.useWatch('quantity', form);
  const districtCode = Form.useWatch('districtCode', form);

  function itemLoaded(detail: ItemDetail) {
    setItem(detail);
    const rule = quantityRule(t, detail.pricing, detail.unit);
    form.setFieldsValue({
      quantity: rule?.min,
      options: Object.fromEntries(detail.options.filter((option) => option.required).map((option) => [option.key, optionDefault(option)])),
    });
  }

  const { submitting, submit } = useFormSubmit<BookValues>(
    form,
    FIELDS,
    async (values) => {
      setFailure(null);
      setAlternatives([]);
      const phone = values.customerPhone.trim();
      const body = {
        customerPhone: phone,
        customerName: values.customerName.trim(),
        itemCode: values.itemCode,
        quantity: item && quantityRule(t, item.pricing, item.unit) ? values.quantity : 1,
        options: values.options ?? {},
        scheduledStart: values.scheduledStart,
        address: {
          districtCode: values.districtCode,
          detail: values.detail.trim(),
          contactName: values.contactName?.trim() || values.customerName.trim(),
          contactPhone: values.contactPhone?.trim() || phone,
        },
        notes: values.notes?.trim() ?? '',
      };
      const text = JSON.stringify(body);
      if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
      const order = await api<AdminOrderView>('/api/admin/orders', { body, headers: { 'Idempotency-Key': attempt.current.key } });
      attempt.current = null;
      message.success(t('book.created'));
      setCreated(order);
    },
    (text) => setFailure(text),
    (error) => {
      // Slot taken, start out of range, district not covered…: say it above the button, keep the form.
      if (error instanceof ApiError && error.errors.length === 0) {
        setFailure(orderErrorText(t, error));
        if (error.code === 'SLOT_TAKEN') {
          form.setFieldsValue({ scheduledStart: undefined });
          const free = error.problem.alternatives;
          setAlternatives(Array.isArray(free) ? free.filter((entry): entry is string => typeof entry === 'string').slice(0, 6) : []);
        }
        return true;
      }
      return false;
    },
  );

  if (created) {
    return (
      <BookResult
        order={created}
        phone={created.customerPhoneMasked ?? form.getFieldValue('customerPhone')}
        onAnother={() => {
          setCreated(null);
          setItem(null);
          form.resetFields();
        }}
      />
    );
  }
  if (!categories.data || !city.data) return categories.error || city.error ? <Alert type="error" showIcon title={t('common.loadFailed')} /> : <Skeleton active />;

  const required = (key: string) => [{ required: true, whitespace: true, message: t('book.required', { field: t(key) }) }];
  const phoneRule = { pattern: PHONE_PATTERN, message: t('book.phoneInvalid') };
  return (
    <div className="a-book" data-testid="book-page">
      <Typography.Paragraph type="secondary">{t('book.intro')}</Typography.Paragraph>
      <Form<BookValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        onValuesChange={(changed) => {
          if ('itemCode' in changed || 'quantity' in changed || 'districtCode' in changed) form.setFieldsValue({ scheduledStart: undefined });
          if ('itemCode' in changed) setItem(null);
        }}
      >
        <Card size="small" title={t('book.section.customer')}>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="customerPhone" label={t('book.customerPhone')} extra={t('book.customerPhoneHint')} rules={[...required('book.customerPhone'), phoneRule]}>
                <Input id="book-customer-phone" maxLength={11} inputMode="numeric" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="customerName" label={t('book.customerName')} rules={required('book.customerName')}>
                <Input id="book-customer-name" maxLength={30} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('book.section.service')}>
          <BookServiceFields categories={categories.data} itemCode={itemCode} onItem={itemLoaded} />
        </Card>
        <Card size="small" title={t('book.section.address')}>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="districtCode" label={t('book.district')} rules={[{ required: true, message: t('book.choose', { field: t('book.district') }) }]}>
                <Select id="book-district" data-testid="book-district" placeholder={t('book.districtPlaceholder')} showSearch={{ optionFilterProp: 'label' }} options={city.data.districts.map((district) => ({ value: district.code, label: localName(lang, district) }))} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="detail" label={t('book.detail')} rules={required('book.detail')}>
                <Input id="book-detail" maxLength={120} placeholder={t('book.detailPlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="contactName" label={t('book.contactName')}>
                <Input id="book-contact-name" maxLength={30} placeholder={t('book.sameAsCustomer')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="contactPhone" label={t('book.contactPhone')} rules={[phoneRule]}>
                <Input id="book-contact-phone" maxLength={11} inputMode="numeric" placeholder={t('book.sameAsCustomer')} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('book.section.time')}>
          <Form.Item name="scheduledStart" rules={[{ required: true, message: t('book.slotRequired') }]}>
            <BookSlotPicker itemCode={itemCode} quantity={item && quantityRule(t, item.pricing, item.unit) ? quantity : 1} districtCode={districtCode} />
          </Form.Item>
          <Form.Item name="notes" label={t('book.notes')}>
            <Input.TextArea id="book-notes" rows={2} maxLength={500} showCount placeholder={t('book.notesPlaceholder')} />
          </Form.Item>
        </Card>
        {failure && (
          <Alert
            type="error"
            showIcon
            title={failure}
            className="a-toolbar"
            data-testid="book-error"
            description={
              alternatives.length > 0 && (
                <Space wrap>
                  {t('book.alternatives')}
                  {alternatives.map((start) => (
                    <Button key={start} size="small" onClick={() => { form.setFieldsValue({ scheduledStart: start }); setFailure(null); setAlternatives([]); }}>
                      {formatDateTime(start, lang)}
                    </Button>
                  ))}
                </Space>
              )
            }
          />
        )}
        <div className="a-book-actions">
          <Button type="primary" htmlType="submit" size="large" loading={submitting} data-testid="book-submit">
            {t('book.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
