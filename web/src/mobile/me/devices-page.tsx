import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import { api } from '../../shared/api';
import { describeUserAgent } from '../../shared/user-agent';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { Session } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';
import { useFailureToast } from '../use-form-submit';

/** "My devices": every signed-in session, with a way to sign the others out. */
export function DevicesPage() {
  const { t, lang } = useI18n();
  const showFailure = useFailureToast();
  const loaded = useLoad((signal) => api<Session[]>('/api/me/sessions', { signal }), []);

  async function signOutDevice(session: Session) {
    const confirmed = await Dialog.confirm({ content: t('devices.signOutConfirm'), confirmText: t('devices.signOut'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    try {
      await api(`/api/me/sessions/${session.id}`, { method: 'DELETE' });
      Toast.show({ icon: 'success', content: t('devices.signedOut') });
      loaded.reload();
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <SubPage title={t('me.devices')}>
      <LoadState loaded={loaded}>
        {(sessions) => (
          <List mode="card" data-testid="device-list">
            {sessions.map((session) => (
              <List.Item
                key={session.id}
                title={session.ip ?? undefined}
                description={
                  <>
                    <div>{t('devices.lastSeen', { time: formatDateTime(session.lastSeenAt, lang) })}</div>
                    <div>{t('devices.signedInAt', { time: formatDateTime(session.createdAt, lang) })}</div>
                  </>
                }
                extra={
                  session.current ? (
                    <Tag color="success">{t('devices.current')}</Tag>
                  ) : (
                    <Button size="mini" color="danger" fill="outline" onClick={() => signOutDevice(session)}>
                      {t('devices.signOut')}
                    </Button>
                  )
                }
              >
                {describeUserAgent(session.userAgent) ?? t('devices.unknown')}
              </List.Item>
            ))}
          </List>
        )}
      </LoadState>
    </SubPage>
  );
}
