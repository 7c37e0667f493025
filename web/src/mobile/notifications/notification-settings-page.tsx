import './notifications.css';
import { List, Switch } from 'antd-mobile';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';
import { useFailureToast } from '../use-form-submit';
import type { NotificationSettings } from './notification-types';

type Channel = 'sms' | 'email';

/** `/messages/settings` 通知设置 (from the 消息 tab or 我的): SMS and e-mail per category (in-app always on), and the quiet hours. */
export function NotificationSettingsPage() {
  const { t } = useI18n();
  const back = (useLocation().state as { from?: string } | null)?.from ?? '/messages';
  const loaded = useLoad((signal) => api<NotificationSettings>('/api/me/notification-settings', { signal }), []);
  return (
    <SubPage title={t('notify.settings')} back={back}>
      <LoadState loaded={loaded}>{(settings) => <SettingsForm initial={settings} />}</LoadState>
    </SubPage>
  );
}

function SettingsForm({ initial }: { initial: NotificationSettings }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [settings, setSettings] = useState(initial);
  const [saving, setSaving] = useState<string | null>(null);
  const { start, end } = settings.quietHours;

  async function toggle(category: string, channel: Channel, on: boolean) {
    setSaving(`${category}.${channel}`);
    try {
      setSettings(await api<NotificationSettings>('/api/me/notification-settings', { method: 'PUT', body: { categories: [{ category, [channel]: on }] } }));
    } catch (error) {
      showFailure(error);
    } finally {
      setSaving(null);
    }
  }

  return (
    <div data-testid="notify-settings-page">
      <p className="m-intro">{t('settings.intro')}</p>
      <List mode="card" header={t('settings.quietHours')}>
        <List.Item description={<span className="m-quiet-hours">{t('settings.quietHoursHint', { end })}</span>} data-testid="quiet-hours">
          {t('settings.quietHoursValue', { start, end })}
        </List.Item>
      </List>
      {settings.categories.map(({ category, sms, email }) => (
        <List
          key={category}
          mode="card"
          header={t(`notify.category.${category}`)}
          data-testid="notify-category"
          data-category={category}
        >
          {(['sms', 'email'] as const).map((channel) => (
            <List.Item
              key={channel}
              description={category === 'marketing' ? t('settings.marketingHint') : undefined}
              extra={
                <Switch
                  checked={channel === 'sms' ? sms : email}
                  loading={saving === `${category}.${channel}`}
                  onChange={(on) => void toggle(category, channel, on)}
                  data-testid={`notify-switch-${category}-${channel}`}
                />
              }
            >
              {t(`settings.${channel}`)}
            </List.Item>
          ))}
        </List>
      ))}
    </div>
  );
}
