import { Button, Form, Input, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { SubPage } from '../layout/sub-page';
import { useSession, useUser } from '../session';
import { useFormSubmit } from '../use-form-submit';

interface PasswordValues {
  currentPassword?: string;
  newPassword: string;
  confirm: string;
}

/** Changes the password, or sets a first one for accounts that signed up by SMS. */
export function PasswordPage() {
  const { t } = useI18n();
  const user = useUser();
  const { setUser } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const { submitting: saving, submit: save } = useFormSubmit(form, ['currentPassword', 'newPassword'], async (values: PasswordValues) => {
    await api('/api/me/password', {
      body: { ...(user.hasPassword ? { currentPassword: values.currentPassword } : {}), newPassword: values.newPassword },
    });
    setUser({ ...user, hasPassword: true });
    Toast.show({ icon: 'success', content: t('password.changed'), duration: 3000 });
    navigate('/me', { replace: true });
  });

  return (
    <SubPage title={user.hasPassword ? t('me.password') : t('me.setPassword')}>
      {!user.hasPassword && <p className="m-intro">{t('password.noneYet')}</p>}
      <Form
        form={form}
        layout="horizontal"
        mode="card"
        onFinish={save}
        footer={
          <Button block type="submit" color="primary" size="large" loading={saving} data-testid="password-save">
            {t('common.save')}
          </Button>
        }
      >
        {user.hasPassword && (
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}>
            <Input id="password-current" type="password" autoComplete="current-password" placeholder={t('password.current')} />
          </Form.Item>
        )}
        <Form.Item name="newPassword" label={t('password.new')} help={t('field.passwordHint')} rules={[{ required: true, min: 8, message: t('field.passwordHint') }]}>
          <Input id="password-new" type="password" autoComplete="new-password" placeholder={t('field.passwordHint')} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('password.confirm') }) },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input id="password-confirm" type="password" autoComplete="new-password" placeholder={t('password.confirm')} />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
