import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../shared/api';
import { useI18n, type Lang } from '../shared/i18n';
import { useFormSubmit } from '../shared/use-form-submit';
import { useAdminSession } from './session';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const { admin, refresh } = useAdminSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from;
  const { submitting, submit } = useFormSubmit(
    form,
    ['username', 'password'],
    async (values: LoginValues) => {
      setError(null);
      await api('/api/admin/auth/login', { body: { username: values.username.trim(), password: values.password } });
      await refresh();
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    },
    setError,
  );

  if (admin) return <Navigate to={from && from !== '/login' ? from : '/'} replace />;

  const required = (field: string) => [{ required: true, message: t('login.required', { field: t(field) }) }];
  return (
    <div className="a-login">
      <Segmented<Lang>
        className="a-login-lang"
        value={lang}
        onChange={setLang}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'English', value: 'en' },
        ]}
      />
      <Card className="a-login-card">
        <div className="a-login-brand">
          <span className="a-brand-logo">家</span>
          <h1>{t('app.title')}</h1>
        </div>
        <p className="a-login-subtitle">{t('login.title')}</p>
        {error && <Alert type="error" showIcon title={error} className="a-login-error" data-testid="admin-login-error" />}
        <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={required('login.username')}>
            <Input id="admin-username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={required('login.password')}>
            <Input.Password id="admin-password" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="admin-login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
