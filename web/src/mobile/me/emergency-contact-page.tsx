import { Button, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api, errorText } from '../../shared/api';
import { applyFieldErrors } from '../../shared/form-errors';
import { useI18n } from '../../shared/i18n';
import type { EmergencyContact } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import { PHONE_PATTERN } from '../../shared/phone';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';

interface ContactValues {
  name: string;
  phone: string;
  relation: string;
}

export function EmergencyContactPage() {
  const { t } = useI18n();
  const loaded = useLoad(
    (signal) => api<EmergencyContact | null>('/api/me/emergency-contact', { signal }).then((contact) => ({ contact })),
    [],
  );
  return (
    <SubPage title={t('me.emergency')}>
      <p className="m-intro">{t('emergency.intro')}</p>
      <LoadState loaded={loaded}>{({ contact }) => <ContactForm contact={contact} />}</LoadState>
    </SubPage>
  );
}

function ContactForm({ contact }: { contact: EmergencyContact | null }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ContactValues>();
  const [current, setCurrent] = useState(contact);
  const [saving, setSaving] = useState(false);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field: t(field) }) });

  async function save(values: ContactValues) {
    setSaving(true);
    try {
      const saved = await api<EmergencyContact>('/api/me/emergency-contact', {
        method: 'PUT',
        body: { name: values.name.trim(), phone: values.phone, relation: values.relation.trim() },
      });
      setCurrent(saved);
      form.setFieldValue('phone', '');
      Toast.show({ icon: 'success', content: t('common.saved') });
    } catch (error) {
      if (!applyFieldErrors(form, error, ['name', 'phone', 'relation'])) {
        Toast.show({ icon: 'fail', content: errorText(error, t('common.failed')), duration: 3000 });
      }
    } finally {
      setSaving(false);
    }
  }

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
      <Form.Item
        name="phone"
        label={t('emergency.phone')}
        description={current ? t('emergency.phoneCurrent', { phone: current.phoneMasked }) : undefined}
        rules={[{ required: true, pattern: PHONE_PATTERN, message: t('field.phoneInvalid') }]}
      >
        <Input id="emergency-phone" type="tel" inputMode="numeric" maxLength={11} placeholder={t('emergency.phone')} clearable />
      </Form.Item>
      <Form.Item name="relation" label={t('emergency.relation')} rules={[required('emergency.relation')]}>
        <Input id="emergency-relation" placeholder={t('emergency.relationPlaceholder')} maxLength={20} clearable />
      </Form.Item>
    </Form>
  );
}
