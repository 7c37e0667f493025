import { Avatar, Button, Dialog, List, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { downloadJson } from '../../shared/download';
import { useI18n } from '../../shared/i18n';
import { LanguageSwitch } from '../layout/language-switch';
import { SosPanel } from '../safety/sos-panel';
import { usePortal } from '../portal';
import { useSession, useUser } from '../session';
import { useFailureToast } from '../use-form-submit';

/** The "我的" tab: who I am and everything I can manage about my account. */
export function MePage() {
  const { t } = useI18n();
  const user = useUser();
  const { signOut } = useSession();
  const { hasAddresses, meLinks = [] } = usePortal();
  const navigate = useNavigate();
  const showFailure = useFailureToast();

  async function confirmSignOut() {
    const confirmed = await Dialog.confirm({ content: t('me.signOutConfirm'), confirmText: t('me.signOut'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    await signOut().catch(() => undefined);
    Toast.show({ content: t('auth.signedOut') });
    navigate('/login', { replace: true });
  }

  async function exportMyData() {
    try {
      const data = await api<unknown>('/api/me/export');
      downloadJson(data, `daojia-my-data-${new Date().toISOString().slice(0, 10)}.json`);
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <div className="m-me">
      <section className="m-me-header" onClick={() => navigate('/me/profile')} data-testid="me-header">
        <Avatar src={user.avatarUrl ?? ''} className="m-me-avatar" />
        <div>
          <div className="m-me-name" data-testid="me-name">
            {user.name || t('me.unnamed')}
          </div>
          <div className="m-me-contact">{user.phoneMasked ?? user.email ?? ''}</div>
        </div>
      </section>

      <List mode="card">
        <List.Item onClick={() => navigate('/me/profile')} data-testid="me-profile">
          {t('me.profile')}
        </List.Item>
        {hasAddresses && (
          <List.Item onClick={() => navigate('/me/addresses')} data-testid="me-addresses">
            {t('me.addresses')}
          </List.Item>
        )}
        <List.Item onClick={() => navigate('/me/emergency-contact')} data-testid="me-emergency">
          {t('me.emergency')}
        </List.Item>
        {meLinks.map((link) => (
          <List.Item key={link.path} onClick={() => navigate(`/${link.path}`)} data-testid={`me-${link.path.split('/').pop()}`}>
            {t(link.titleKey)}
          </List.Item>
        ))}
      </List>

      <SosPanel />

      <List mode="card">
        <List.Item onClick={() => navigate('/messages/settings', { state: { from: '/me' } })} data-testid="me-notify-settings">
          {t('notify.settings')}
        </List.Item>
        <List.Item onClick={() => navigate('/me/help')} data-testid="me-help">
          {t('help.title')}
        </List.Item>
        <List.Item onClick={() => navigate('/me/support')} data-testid="me-support">
          {t('support.title')}
        </List.Item>
        <List.Item onClick={() => navigate('/me/complaints')} data-testid="me-complaints">
          {t('complaint.mine')}
        </List.Item>
      </List>

      <List mode="card">
        <List.Item onClick={() => navigate('/me/password')} data-testid="me-password">
          {user.hasPassword ? t('me.password') : t('me.setPassword')}
        </List.Item>
        <List.Item onClick={() => navigate('/me/devices')} data-testid="me-devices">
          {t('me.devices')}
        </List.Item>
        <List.Item description={t('me.exportHint')} onClick={exportMyData} data-testid="me-export">
          {t('me.export')}
        </List.Item>
        <List.Item extra={<LanguageSwitch />}>{t('lang.title')}</List.Item>
        <List.Item onClick={() => navigate('/me/delete')} data-testid="me-delete">
          <span className="m-danger-text">{t('me.delete')}</span>
        </List.Item>
      </List>

      <div className="m-padded">
        <Button block color="danger" fill="outline" onClick={confirmSignOut} data-testid="sign-out">
          {t('me.signOut')}
        </Button>
      </div>
    </div>
  );
}
