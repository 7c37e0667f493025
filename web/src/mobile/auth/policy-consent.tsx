import { Button, Checkbox, Form, Popup } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';

interface PrivacyPolicy { version: string; title: string; body: string }

/** The current privacy policy (its version goes with sign-up and SMS sign-in as `acceptedPolicy`). */
export function usePrivacyPolicy() {
  const { lang } = useI18n();
  return useLoad((signal) => api<PrivacyPolicy>('/api/legal/privacy', { signal, query: { lang: lang === 'en' ? 'en' : 'zh' } }), [lang]).data;
}

/** 「我已阅读并同意《隐私政策》」: a checkbox the form requires, the policy one tap away (PIPL: consent before collection). */
export function PolicyConsentItem({ policy }: { policy: PrivacyPolicy | undefined }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Form.Item
        name="acceptedPolicy"
        valuePropName="checked"
        rules={[{ validator: (_rule, value) => (value ? Promise.resolve() : Promise.reject(new Error(t('auth.policyRequired')))) }]}
      >
        <Checkbox data-testid="accept-policy">
          {t('auth.policyAgree')}
          <a className="m-link" data-testid="policy-open" onClick={(e) => { e.preventDefault(); e.stopPropagation(); setOpen(true); }}>{t('auth.policyLink')}</a>
        </Checkbox>
      </Form.Item>
      <Popup visible={open} onMaskClick={() => setOpen(false)} bodyStyle={{ borderRadius: '12px 12px 0 0', padding: 16, boxSizing: 'border-box', maxHeight: '80vh', overflowY: 'auto' }}>
        <div data-testid="policy-text" data-version={policy?.version ?? ''}>
          <h3>{policy?.title}</h3>
          <div style={{ whiteSpace: 'pre-wrap', fontSize: 14, lineHeight: 1.6 }}>{policy?.body}</div>
          <Button block color="primary" onClick={() => setOpen(false)} style={{ marginTop: 12 }}>{t('auth.policyClose')}</Button>
        </div>
      </Popup>
    </>
  );
}
