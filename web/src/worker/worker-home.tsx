import './worker-home.css';
import { Button, Card, List, NoticeBar, Switch, Tag, Toast } from 'antd-mobile';
import { CheckCircleFill, ExclamationCircleFill } from 'antd-mobile-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../shared/api';
import { formatDateTime } from '../shared/format';
import { useI18n, type Translate } from '../shared/i18n';
import type { Application } from '../shared/worker-types';
import { HomeHeader } from '../mobile/layout/home-header';
import { LoadState } from '../mobile/layout/load-state';
import { useFailureToast } from '../mobile/use-form-submit';
import { PenaltyList } from './penalty-list';
import { TeamSection } from './team-section';
import { useApplication } from './use-application';

type StepKey = 'profile' | 'identity' | 'certificates' | 'schedule' | 'portfolio';
const STEPS: { key: StepKey; requires: string[] }[] = [
  { key: 'profile', requires: ['profile', 'skills', 'location'] },
  { key: 'identity', requires: ['identity'] },
  { key: 'certificates', requires: [] },
  { key: 'schedule', requires: ['hours'] },
  { key: 'portfolio', requires: [] },
];

const STATUS_COLORS = { draft: 'default', submitted: 'primary', approved: 'success', rejected: 'danger', removed: 'default' } as const;

function statusText(t: Translate, app: Application): string {
  if (app.status === 'approved' && app.suspendedUntil) return t('status.suspended');
  if (app.status === 'draft') return t(app.missing.includes('identity') ? 'worker.statusNotSubmitted' : 'status.draftReady');
  return t(`status.${app.status}`);
}

/** Worker home: the application status, the onboarding checklist, submit / go online, certificate expiry, 我的团队 and penalties. */
export function WorkerHome() {
  const { t } = useI18n();
  const loaded = useApplication();
  return (
    <div className="m-home">
      <HomeHeader greeting={['worker.hello', 'worker.helloAnonymous']} className="m-home-header-worker">
        <Tag color="#ffffff" fill="outline" className="m-home-tag">
          {t('worker.accountType')}
        </Tag>
      </HomeHeader>
      <LoadState loaded={loaded}>{(app) => <ApplicationView app={app} reload={() => loaded.reload(true)} />}</LoadState>
    </div>
  );
}

function ApplicationView({ app, reload }: { app: Application; reload: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const showFailure = useFailureToast();
  const [busy, setBusy] = useState(false);
  const canSubmit = (app.status === 'draft' || app.status === 'rejected') && app.missing.length === 0;
  const expiring = app.certificates.filter((c) => c.expiringSoon || c.expired);

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      Toast.show({ icon: 'success', content: done });
      reload();
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Card
        className="m-status-card"
        title={t('worker.statusTitle')}
        extra={
          <Tag color={app.status === 'approved' && app.suspendedUntil ? 'warning' : STATUS_COLORS[app.status]} data-testid="worker-status" data-status={app.status}>
            {statusText(t, app)}
          </Tag>
        }
      >
        <p className="m-status-note">{t(`statusNote.${app.status}`)}</p>
        {app.status === 'rejected' && (
          <div className="m-review-note" data-testid="worker-review-note">
            <strong>{t('status.rejectReason')}</strong>
            {app.reviewNote || app.lastDecision?.reason}
          </div>
        )}
        {app.suspendedUntil && <div className="m-review-note">{t('status.suspendedUntil', { time: formatDateTime(app.suspendedUntil, lang) })}</div>}
        {canSubmit && (
          <Button block color="primary" loading={busy} onClick={() => run(() => api('/api/worker/submit', { body: {} }), t('status.submitted'))} data-testid="worker-submit">
            {t('worker.submit')}
          </Button>
        )}
        {app.status === 'approved' && (
          <div className="m-online-row">
            <span>{t(app.online ? 'worker.online' : 'worker.offline')}</span>
            <Switch
              checked={app.online}
              loading={busy}
              disabled={Boolean(app.suspendedUntil)}
              onChange={(online) => run(() => api('/api/worker/online', { method: 'PUT', body: { online } }), t(online ? 'worker.wentOnline' : 'worker.wentOffline'))}
              data-testid="worker-online"
            />
          </div>
        )}
      </Card>

      {expiring.length > 0 && (
        <NoticeBar
          className="m-notice"
          color="alert"
          wrap
          data-testid="worker-cert-expiring"
          content={expiring.map((c) => t(c.expired ? 'cert.expiredNamed' : 'cert.expiringNamed', { name: lang === 'en' ? c.label.en : c.label.zh, days: c.daysLeft ?? 0 })).join('；')}
        />
      )}

      <List mode="card" header={t('worker.checklist')} data-testid="worker-checklist">
        {STEPS.map(({ key, requires }) => {
          const missing = requires.some((part) => app.missing.includes(part as never));
          const optional = requires.length === 0;
          // 实名认证 says what the check found: 已认证 once it passed (an approved worker is never shown a red to-do for it).
          const verified = key === 'identity' && app.identity?.verified === true;
          const settled = app.status === 'approved' && missing;
          return (
            <List.Item
              key={key}
              onClick={() => navigate(`/onboarding/${key}`)}
              description={t(`step.${key}Desc`)}
              extra={<StepMark missing={missing} settled={settled} verified={verified} optional={optional} count={key === 'certificates' ? app.certificates.length : key === 'portfolio' ? app.portfolio.length : undefined} />}
              data-testid={`step-${key}`}
              data-done={missing ? 'no' : 'yes'}
              data-verified={verified ? 'yes' : undefined}
            >
              {t(`step.${key}`)}
            </List.Item>
          );
        })}
      </List>

      <TeamSection team={app.profile.team} onChanged={reload} />

      <PenaltyList penalties={app.penalties} onChanged={reload} />
    </>
  );
}

function StepMark({ missing, settled, verified, optional, count }: { missing: boolean; settled: boolean; verified: boolean; optional: boolean; count?: number }) {
  const { t } = useI18n();
  if (optional) return <span className="m-step-optional">{count ? t('step.count', { count }) : t('step.optional')}</span>;
  if (verified) {
    return (
      <span className="m-step-done">
        <CheckCircleFill /> {t('step.verified')}
      </span>
    );
  }
  // Approved by the platform while this part is not on file here: nothing blocks taking orders, so no red alarm.
  if (settled) return <span className="m-step-optional">{t('step.notOnFile')}</span>;
  if (missing) {
    return (
      <span className="m-step-missing">
        <ExclamationCircleFill /> {t('step.missing')}
      </span>
    );
  }
  return (
    <span className="m-step-done">
      <CheckCircleFill /> {t('step.done')}
    </span>
  );
}
