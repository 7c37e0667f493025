import { Button, Dialog, Form, Input, NoticeBar, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { SmsSendAnswer } from '../../shared/types';
import { SmsCodeField } from '../auth/sms-code-field';
import { SubPage } from '../layout/sub-page';
import { useSession, useUser } from '../session';
import { useFormSubmit } from '../use-form-submit';

interface DeleteValues {
  password?: string;
  code?: string;
}

/** 注销: irreversible; confirmed with the password, or with an SMS code when the account has none. */
export function DeleteAccountPage() {
  const { t } = useI18n();
  const user = useUser();
  const { setUser } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<DeleteValues>();
  const sendCode = () => api<SmsSendAnswer>('/api/me/delete/code', { body: {} });

  const { submitting: deleting, submit: deleteAccount } = useFormSubmit(form, ['password', 'code'], async (values: DeleteValues) => {
    await api('/api/me/delete', { body: user.hasPassword ? { password: values.password } : { code: values.code } });
    setUser(null);
    Toast.show({ icon: 'success', content: t('delete.done') });
    navigate('/login', { replace: true });
  });

  async function remove(values: DeleteValues) {
    const confirmed = await Dialog.confirm({
      title: t('delete.confirmTitle'),
      content: t('delete.confirmBody'),
      confirmText: <span className="m-danger-text">{t('delete.submit')}</span>,
      cancelText: t('common.cancel'),
    });
    if (confirmed) await deleteAccount(values);
  }

  return (
    <SubPage title={t('me.delete')}>
      <NoticeBar color="error" wrap content={t('delete.warning')} className="m-notice" />
      <Form
        form={form}
        layout="horizontal"
        mode="card"
        onFinish={remove}
        footer={
          <Button block type="submit" color="danger" size="large" loading={deleting} data-testid="delete-submit">
            {t('delete.submit')}
          </Button>
        }
      >
        <Form.Header>{user.hasPassword ? t('delete.byPassword') : t('delete.bySms', { phone: user.phoneMasked ?? '' })}</Form.Header>
        {user.hasPassword ? (
          <Form.Item name="password" label={t('field.password')} rules={[{ required: true, message: t('common.required', { field: t('field.password') }) }]}>
            <Input id="delete-password" type="password" autoComplete="current-password" placeholder={t('field.password')} />
          </Form.Item>
        ) : (
          <>
            <SmsCodeField send={sendCode} id="delete-code" />
          </>
        )}
      </Form>
    </SubPage>
  );
}
