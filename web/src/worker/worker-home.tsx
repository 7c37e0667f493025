import './worker-home.css';
import { Card, Steps, Tag } from 'antd-mobile';
import { useI18n } from '../shared/i18n';
import { HomeHeader } from '../mobile/layout/home-header';

const STEPS = ['Kyc', 'Review', 'Profile', 'Orders'] as const;

/** Worker home: the account's onboarding status (real-name verification comes first). */
export function WorkerHome() {
  const { t } = useI18n();
  return (
    <div className="m-home">
      <HomeHeader greeting={['worker.hello', 'worker.helloAnonymous']} className="m-home-header-worker">
        <Tag color="#ffffff" fill="outline" className="m-home-tag">
          {t('worker.accountType')}
        </Tag>
      </HomeHeader>
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
