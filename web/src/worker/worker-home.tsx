import './worker-home.css';
import { Card, Steps, Tag } from 'antd-mobile';
import { useI18n } from '../shared/i18n';
import { useUser } from '../mobile/session';

const STEPS = ['Kyc', 'Review', 'Profile', 'Orders'] as const;

/** Worker home: the account's onboarding status (real-name verification comes first). */
export function WorkerHome() {
  const { t } = useI18n();
  const user = useUser();
  return (
    <div className="m-home">
      <header className="m-home-header m-home-header-worker">
        <div className="m-home-greeting" data-testid="home-greeting">
          {user.name ? t('worker.hello', { name: user.name }) : t('worker.helloAnonymous')}
        </div>
        <Tag color="#ffffff" fill="outline" className="m-home-tag">
          {t('worker.accountType')}
        </Tag>
      </header>
      <Card
        className="m-status-card"
        title={t('worker.statusTitle')}
        extra={
          <Tag color="warning" data-testid="worker-status">
            {t('worker.statusNotSubmitted')}
          </Tag>
        }
      >
        <p className="m-status-note">{t('worker.statusNote')}</p>
        <Steps direction="vertical" current={0}>
          {STEPS.map((step, index) => (
            <Steps.Step
              key={step}
              title={t(`worker.step${step}`)}
              description={t(`worker.step${step}Desc`)}
              status={index === 0 ? 'process' : 'wait'}
            />
          ))}
        </Steps>
      </Card>
    </div>
  );
}
