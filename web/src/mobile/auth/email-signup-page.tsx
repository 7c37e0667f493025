import { Button, Form, Input, Result } from 'antd-mobile';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { usePortal } from '../portal';
import { useFormSubmit } from '../use-form-submit';
import { AuthHeader } from './auth-header';
import { PolicyConsentItem, usePrivacyPolicy } from './policy-consent';

interface SignupValues {
  email: string;
  password: string;
  name?: string;
  acceptedPolicy?: boolean;
}

/** E-mail + password sign-up; the account can sign in once the mailed link has been opened. */
export function EmailSignupPage() {
  const { t } = useI18n();
  const { role } = usePortal();
  const [form] = Form.useForm<SignupValues>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const policy = usePrivacyPolicy();

  const { submitting, submit } = useFormSubmit(form, ['email', 'password', 'name', 'acceptedPolicy'], async (values: SignupValues) => {
    const email = values.email.trim();
    const name = values.name?.trim();
    await api('/api/auth/email/register', { body: { email, password: values.password, role, acceptedPolicy: policy?.version, ...(name ? { name } : {}) } });
    setSentTo(email);
  });

  return (
    <div className="m-auth-page">
      <AuthHeader />
      <div className="m-auth-card">
        {sentTo ? (
          <Result
            status="success"
            title={t('auth.signupSentTitle')}
            description={t('auth.signupSentBody', { email: sentTo })}
            data-testid="signup-sent"
          />
        ) : (
          <Form
            form={form}
            layout="horizontal"
      requiredMarkStyle="none"
            onFinish={submit}
                        footer={
              <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="signup-submit">
                {t('auth.signupSubmit')}
              </Button>
            }
          >
            <Form.Header>{t('auth.signupTitle')}</Form.Header>
            <Form.Item name="email" label={t('field.email')} rules={[{ required: true, type: 'email', message: t('field.emailInvalid') }]}>
              <Input id="signup-email" type="email" placeholder="name@example.com" autoComplete="email" clearable />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('field.password')}
              help={t('field.passwordHint')}
              rules={[{ required: true, min: 8, message: t('field.passwordHint') }]}
            >
              <Input id="signup-password" type="password" placeholder={t('field.passwordHint')} autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="name" label={t('field.name')}>
              <Input id="signup-name" placeholder={t('field.nameOptional')} autoComplete="name" maxLength={40} clearable />
            </Form.Item>
            <PolicyConsentItem policy={policy} />
          </Form>
        )}
      </div>
      <Link className="m-auth-link" to="/login" data-testid="to-login">
        {sentTo ? t('auth.backToLogin') : t('auth.haveAccount')}
      </Link>
    </div>
  );
}
