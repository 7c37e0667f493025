import { Form, Input, Radio, Space, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { Sheet } from '../../mobile/sheet';
import { PopupButtons } from '../../mobile/popup-buttons';
import { useFormSubmit } from '../../mobile/use-form-submit';
import type { InvoiceRequest } from './bill-types';

interface InvoiceValues {
  titleKind: 'personal' | 'company';
  title: string;
  taxNo?: string;
  email: string;
}

const FIELDS = ['titleKind', 'title', 'taxNo', 'email'] as const;

/** 申请发票: a personal or company title (a company with its tax number) and the e-mail it is sent to; the API's field errors show under the fields. */
export function InvoiceSheet({ orderId, amountFen, visible, onClose, onDone }: { orderId: string; amountFen: number; visible: boolean; onClose: () => void; onDone: (request: InvoiceRequest) => void }) {
  return (
    <Sheet visible={visible} onClose={onClose}>
      <InvoiceForm orderId={orderId} amountFen={amountFen} onClose={onClose} onDone={onDone} />
    </Sheet>
  );
}

function InvoiceForm({ orderId, amountFen, onClose, onDone }: { orderId: string; amountFen: number; onClose: () => void; onDone: (request: InvoiceRequest) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<InvoiceValues>();
  const [kind, setKind] = useState<InvoiceValues['titleKind']>('personal');
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field: t(field) }) });

  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: InvoiceValues) => {
    const body = {
      titleKind: values.titleKind,
      title: values.title.trim(),
      email: values.email.trim(),
      ...(values.titleKind === 'company' ? { taxNo: (values.taxNo ?? '').trim().toUpperCase() } : {}),
    };
    const request = await api<InvoiceRequest>(`/api/orders/${orderId}/invoices`, { body });
    Toast.show({ icon: 'success', content: t('invoice.sent') });
    onDone(request);
  });

  return (
    <div className="m-sheet" data-testid="invoice-sheet">
      <div className="m-sheet-title">{t('invoice.apply')}</div>
      <p className="m-order-muted">{t('invoice.amount', { amount: formatFen(amountFen) })}</p>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ titleKind: 'personal', title: '', taxNo: '', email: '' }}
        onValuesChange={(changed: Partial<InvoiceValues>) => {
          if (changed.titleKind) setKind(changed.titleKind);
          // A field the API refused is fine again once edited (until the next answer says otherwise).
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof InvoiceValues, errors: [] })));
        }}
        footer={<PopupButtons submitText={t('invoice.submit')} onCancel={onClose} loading={submitting} testId="invoice-submit" />}
      >
        <Form.Item name="titleKind" label={t('invoice.titleKind')}>
          <Radio.Group>
            <Space>
              <Radio value="personal" data-testid="invoice-kind-personal">
                {t('invoice.kind.personal')}
              </Radio>
              <Radio value="company" data-testid="invoice-kind-company">
                {t('invoice.kind.company')}
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="title" label={t('invoice.title')} rules={[required('invoice.title')]}>
          <Input id="invoice-title" placeholder={t(kind === 'company' ? 'invoice.titleCompany' : 'invoice.titlePersonal')} maxLength={100} clearable />
        </Form.Item>
        {kind === 'company' && (
          <Form.Item name="taxNo" label={t('invoice.taxNo')} help={t('invoice.taxNoHint')}>
            <Input id="invoice-tax-no" placeholder={t('invoice.taxNoPlaceholder')} maxLength={20} clearable />
          </Form.Item>
        )}
        <Form.Item name="email" label={t('invoice.email')} rules={[required('invoice.email')]}>
          <Input id="invoice-email" type="email" placeholder="name@example.com" maxLength={200} clearable />
        </Form.Item>
      </Form>
    </div>
  );
}
