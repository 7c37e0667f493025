import { Button, Checkbox, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api, ApiError, errorText } from '../../shared/api';
import { applyFieldErrors } from '../../shared/form-errors';
import { useI18n } from '../../shared/i18n';
import type { LoginAnswer, SmsSendAnswer } from '../../shared/types';
import { usePortal } from '../portal';
import { PHONE_PATTERN } from '../../shared/phone';
import { SmsCodeField } from './sms-code-field';
import { useSignedIn } from './use-sign-in';

interface SmsLoginValues {
  phone: string;
  code: string;
  rememberMe?: boolean;
}

/** Phone + SMS code; signs up new numbers with the portal's role. */
export function SmsLoginForm() {
  const { t } = useI18n();
  const { role } = usePortal();
  const [form] = Form.useForm<SmsLoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const signedIn = useSignedIn();

  async function sendCode() {
    let phone: string;
    try {
      phone = (await form.validateFields(['phone'])).phone;
    } catch {
      return undefined;
    }
    return api<SmsSendAnswer>('/api/auth/sms/send', { body: { phone, purpose: 'login' } });
  }

  async function submit(values: SmsLoginValues) {
    setSubmitting(true);
    try {
      const answer = await api<LoginAnswer>('/api/auth/sms/login', {
        body: { phone: values.phone, code: values.code, role, rememberMe: Boolean(values.rememberMe) },
      });
      signedIn(answer);
    } catch (error) {
      if (error instanceof ApiError && error.code.startsWith('SMS_CODE_')) {
        form.setFields([{ name: 'code', errors: [error.detail || error.title] }]);
      } else if (!applyFieldErrors(form, error, ['phone', 'code'])) {
        Toast.show({ icon: 'fail', content: errorText(error, t('common.failed')), duration: 3000 });
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Form
      form={form}
      layout="horizontal"
      requiredMarkStyle="none"
      onFinish={submit}
      footer={
        <>
          <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="sms-login-submit">
            {t('auth.smsSubmit')}
          </Button>
          <p className="m-note">{t('auth.smsNote')}</p>
        </>
      }
    >
      <Form.Item name="phone" label={t('field.phone')} rules={[{ required: true, pattern: PHONE_PATTERN, message: t('field.phoneInvalid') }]}>
        <Input id="sms-phone" placeholder={t('field.phone')} type="tel" inputMode="numeric" maxLength={11} autoComplete="tel" clearable />
      </Form.Item>
      <SmsCodeField send={sendCode} id="sms-code" />
      <Form.Item name="rememberMe" valuePropName="checked">
        <Checkbox data-testid="sms-remember">{t('auth.rememberMe')}</Checkbox>
      </Form.Item>
    </Form>
  );
}
