import { Tabs } from 'antd-mobile';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { AuthHeader } from './auth-header';
import { PasswordLoginForm } from './password-login-form';
import { SmsLoginForm } from './sms-login-form';

export function LoginPage() {
  const { t } = useI18n();
  return (
    <div className="m-auth-page">
      <AuthHeader />
      <div className="m-auth-card">
        <Tabs defaultActiveKey="sms" stretch>
          <Tabs.Tab title={t('auth.tabSms')} key="sms">
            <SmsLoginForm />
          </Tabs.Tab>
          <Tabs.Tab title={t('auth.tabPassword')} key="password">
            <PasswordLoginForm />
          </Tabs.Tab>
        </Tabs>
      </div>
      <Link className="m-auth-link" to="/signup" data-testid="to-signup">
        {t('auth.noAccount')}
      </Link>
    </div>
  );
}
