import { Button, Checkbox, Form } from 'antd-mobile';
import { api, ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { LoginAnswer, SmsSendAnswer } from '../../shared/types';
import { PhoneItem } from '../phone-item';
import { usePortal } from '../portal';
import { useFormSubmit } from '../use-form-submit';
import { PolicyConsentItem, usePrivacyPolicy } from './policy-consent';
import { SmsCodeField } from './sms-code-field';
import { useSignedIn } from './use-sign-in';

interface SmsLoginValues {
  phone: string;
  code: string;
  rememberMe?: boolean;
  acceptedPolicy?: boolean;
}

/** Phone + SMS code; signs up new numbers with the portal's role. */
export function SmsLoginForm() {
  const { t } = useI18n();
  const { role } = usePortal();
  const [form] = Form.useForm<SmsLoginValues>();
  const signedIn = useSignedIn();
  const policy = usePrivacyPolicy();

  async function sendCode() {
    let phone: string;
    try {
      phone = (await form.validateFields(['phone'])).phone;
    } catch {
      return undefined;
    }
    return api<SmsSendAnswer>('/api/auth/sms/send', { body: { phone, purpose: 'login' } });
  }

  const { submitting, submit } = useFormSubmit(
    form,
    ['phone', 'code', 'acceptedPolicy'],
    async (values: SmsLoginValues) => {
      const answer = await api<LoginAnswer>('/api/auth/sms/login', {
        body: { phone: values.phone, code: values.code, role, rememberMe: Boolean(values.rememberMe), acceptedPolicy: policy?.version },
      });
      signedIn(answer);
    },
    (error) => {
      // A wrong or expired code belongs under the code input, whatever the problem's `errors[]` say.
      if (!(error instanceof ApiError && error.code.startsWith('SMS_CODE_'))) return false;
      form.setFields([{ name: 'code', errors: [error.detail || error.title] }]);
      return true;
    },
  );

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
      <PhoneItem name="phone" label={t('field.phone')} id="sms-phone" placeholder={t('field.phone')} autoComplete="tel" />
      <SmsCodeField send={sendCode} id="sms-code" />
      <Form.Item name="rememberMe" valuePropName="checked">
        <Checkbox data-testid="sms-remember">{t('auth.rememberMe')}</Checkbox>
      </Form.Item>
      <PolicyConsentItem policy={policy} />
    </Form>
  );
}
