import { Button, Checkbox, Form, Input } from 'antd-mobile';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { LoginAnswer } from '../../shared/types';
import { usePortal } from '../portal';
import { useFormSubmit } from '../use-form-submit';
import { useSignedIn } from './use-sign-in';

interface PasswordLoginValues {
  identifier: string;
  password: string;
  rememberMe?: boolean;
}

/** Phone or e-mail + password. */
export function PasswordLoginForm() {
  const { t } = useI18n();
  const { role } = usePortal();
  const [form] = Form.useForm<PasswordLoginValues>();
  const signedIn = useSignedIn();

  const { submitting, submit } = useFormSubmit(form, ['identifier', 'password'], async (values: PasswordLoginValues) => {
    const answer = await api<LoginAnswer>('/api/auth/password/login', {
      body: { identifier: values.identifier.trim(), password: values.password, role, rememberMe: Boolean(values.rememberMe) },
    });
    signedIn(answer);
  });

  return (
    <Form
      form={form}
      layout="horizontal"
      requiredMarkStyle="none"
      onFinish={submit}
      footer={
        <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="password-login-submit">
          {t('auth.passwordSubmit')}
        </Button>
      }
    >
      <Form.Item name="identifier" label={t('field.identifier')} rules={[{ required: true, message: t('common.required', { field: t('field.identifier') }) }]}>
        <Input id="login-identifier" placeholder={t('field.identifier')} autoComplete="username" clearable />
      </Form.Item>
      <Form.Item name="password" label={t('field.password')} rules={[{ required: true, message: t('common.required', { field: t('field.password') }) }]}>
        <Input id="login-password" type="password" placeholder={t('field.password')} autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="rememberMe" valuePropName="checked">
        <Checkbox data-testid="password-remember">{t('auth.rememberMe')}</Checkbox>
      </Form.Item>
    </Form>
  );
}
