import { Button, Popup, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { useSession } from '../session';
import { usePrivacyPolicy } from './policy-consent';

interface Consents { current: string; items: { version: string }[] }

/**
 * A signed-in person who has not agreed to the current privacy policy (it changed, or the account signed in by
 * password from before consent was asked) reads it and agrees before going on; declining signs out.
 */
export function PolicyUpdateGate() {
  const { t } = useI18n();
  const { user, signOut } = useSession();
  const policy = usePrivacyPolicy();
  const consents = useLoad((signal) => (user ? api<Consents>('/api/me/consents', { signal }) : Promise.resolve(null)), [user?.id]);
  const [saving, setSaving] = useState(false);
  const data = consents.data;
  const needed = Boolean(user && data && !data.items.some((i) => i.version === data.current));
  if (!needed || !policy) return null;

  const agree = async () => {
    setSaving(true);
    try {
      await api('/api/me/consents', { method: 'POST', body: { acceptedPolicy: policy.version } });
      consents.reload(true);
    } catch {
      Toast.show({ content: t('auth.policyUpdateFailed') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Popup visible bodyStyle={{ borderRadius: '12px 12px 0 0', padding: 16, boxSizing: 'border-box', maxHeight: '85vh', overflowY: 'auto' }}>
      <div data-testid="policy-update" data-version={policy.version}>
        <h3 style={{ marginTop: 0 }}>{t('auth.policyUpdateTitle')}</h3>
        <p style={{ color: 'var(--adm-color-weak)', fontSize: 13 }}>{t('auth.policyUpdateLead')}</p>
        <div style={{ whiteSpace: 'pre-wrap', fontSize: 14, lineHeight: 1.6, maxHeight: '50vh', overflowY: 'auto' }}>{policy.body}</div>
        <Button block color="primary" loading={saving} data-testid="policy-update-agree" onClick={agree} style={{ marginTop: 12 }}>{t('auth.policyUpdateAgree')}</Button>
        <Button block fill="none" data-testid="policy-update-decline" onClick={() => void signOut()} style={{ marginTop: 4 }}>{t('auth.policyUpdateDecline')}</Button>
      </div>
    </Popup>
  );
}
