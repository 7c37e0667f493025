import { Button, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { EmergencyContact } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';
import { PhoneItem } from '../phone-item';
import { useFormSubmit } from '../use-form-submit';

interface ContactValues {
  name: string;
  phone: string;
  relation: string;
}

export function EmergencyContactPage() {
  const { t } = useI18n();
  // Opened from an SOS confirmation: back goes to where SOS was pressed.
  const back = (useLocation().state as { from?: string } | null)?.from ?? '/me';
  const loaded = useLoad(
    (signal) => api<EmergencyContact | null>('/api/me/emergency-contact', { signal }).then((contact) => ({ contact })),
    [],
  );
  return (
    <SubPage title={t('me.emergency')} back={back}>
      <p className="m-intro">{t('emergency.intro')}</p>
      <LoadState loaded={loaded}>{({ contact }) => <ContactForm contact={contact} />}</LoadState>
    </SubPage>
  );
}

function ContactForm({ contact }: { contact: EmergencyContact | null }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ContactValues>();
  const [current, setCurrent] = useState(contact);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field: t(field) }) });

  const { submitting: saving, submit: save } = useFormSubmit(form, ['name', 'phone', 'relation'], async (values: ContactValues) => {
    const saved = await api<EmergencyContact>('/api/me/emergency-contact', {
      method: 'PUT',
      body: { name: values.name.trim(), phone: values.phone, relation: values.relation.trim() },
    });
    setCurrent(saved);
    form.setFieldValue('phone', '');
    Toast.show({ icon: 'success', content: t('common.saved') });
  });

  return (
    <Form
      form={form}
      layout="horizontal"
      mode="card"
      onFinish={save}
      initialValues={{ name: contact?.name ?? '', phone: '', relation: contact?.relation ?? '' }}
      footer={
        <Button block type="submit" color="primary" size="large" loading={saving} data-testid="emergency-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form.Item name="name" label={t('emergency.name')} rules={[required('emergency.name')]}>
        <Input id="emergency-name" placeholder={t('emergency.name')} maxLength={40} clearable />
      </Form.Item>
      <PhoneItem
        name="phone"
        label={t('emergency.phone')}
        id="emergency-phone"
        placeholder={t('emergency.phone')}
        description={current ? t('emergency.phoneCurrent', { phone: current.phoneMasked }) : undefined}
      />
      <Form.Item name="relation" label={t('emergency.relation')} rules={[required('emergency.relation')]}>
        <Input id="emergency-relation" placeholder={t('emergency.relationPlaceholder')} maxLength={20} clearable />
      </Form.Item>
    </Form>
  );
}
