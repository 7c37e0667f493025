import './support.css';
import { Button, Form, Input, TextArea, Toast } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { SubPage } from '../layout/sub-page';
import { usePortal } from '../portal';
import { useFormSubmit } from '../use-form-submit';
import { OrderChoice } from './order-choice';
import type { Ticket } from './support-types';

interface TicketValues {
  subject: string;
  body: string;
  orderId?: string;
}

/** `/me/support/new` 新建工单: subject, message and optionally one of my orders (`?order=` preselects one). */
export function NewTicketPage() {
  const { t } = useI18n();
  const { role } = usePortal();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<TicketValues>();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field: t(field) }) });

  const { submitting, submit } = useFormSubmit(form, ['subject', 'body', 'orderId'], async (values: TicketValues) => {
    const ticket = await api<Ticket>('/api/support/tickets', {
      query: { audience: role },
      body: { subject: values.subject.trim(), body: values.body, ...(values.orderId ? { orderId: values.orderId } : {}) },
    });
    Toast.show({ icon: 'success', content: t('support.sent') });
    navigate(`/me/support/${ticket.id}`, { replace: true });
  });

  return (
    <SubPage title={t('support.new')} back="/me/support">
      <p className="m-intro">{t('support.privacy')}</p>
      <Form
        form={form}
        layout="vertical"
        mode="card"
        onFinish={submit}
        initialValues={{ subject: '', body: '', orderId: params.get('order') ?? undefined }}
        footer={
          <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="ticket-submit">
            {t('support.submit')}
          </Button>
        }
      >
        <Form.Item name="subject" label={t('support.subject')} rules={[required('support.subject')]}>
          <Input id="ticket-subject" placeholder={t('support.subjectPlaceholder')} maxLength={80} clearable />
        </Form.Item>
        <Form.Item name="body" label={t('support.body')} rules={[required('support.body')]}>
          <TextArea id="ticket-body" placeholder={t('support.bodyPlaceholder')} autoSize={{ minRows: 4, maxRows: 10 }} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="orderId" label={t('support.order')}>
          <OrderChoice />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
