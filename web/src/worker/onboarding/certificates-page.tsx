import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { WorkerCertificate } from '../../shared/worker-types';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { useFailureToast } from '../../mobile/use-form-submit';
import { useApplication } from '../use-application';
import { CertificateForm } from './certificate-form';

const STATUS_COLORS = { pending: 'primary', verified: 'success', rejected: 'danger' } as const;

/** 资质证书: my certificates with review status and expiry flags; add and delete. */
export function CertificatesStepPage() {
  const { t, lang } = useI18n();
  const loaded = useApplication();
  const showFailure = useFailureToast();
  const [adding, setAdding] = useState(false);

  async function remove(certificate: WorkerCertificate) {
    const confirmed = await Dialog.confirm({ content: t('cert.deleteConfirm'), confirmText: t('common.delete'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    try {
      await api(`/api/worker/certificates/${certificate.id}`, { method: 'DELETE' });
      Toast.show({ icon: 'success', content: t('cert.deleted') });
      loaded.reload(true);
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <SubPage title={t('step.certificates')} back="/">
      <p className="m-intro">{t('cert.intro')}</p>
      <LoadState loaded={loaded}>
        {(app) => (
          <List mode="card" data-testid="certificate-list">
            {app.certificates.length === 0 && <List.Item>{t('cert.empty')}</List.Item>}
            {app.certificates.map((c) => (
              <List.Item
                key={c.id}
                data-testid="certificate-item"
                description={
                  <span className="m-cert-meta">
                    {t('cert.number', { number: c.number })} · {c.expiresAt ? t('cert.expiresAt', { date: c.expiresAt }) : t('cert.noExpiry')}
                  </span>
                }
                extra={
                  <Button size="mini" color="danger" fill="none" onClick={() => remove(c)} data-testid={`certificate-delete-${c.id}`}>
                    {t('common.delete')}
                  </Button>
                }
              >
                <a href={c.fileUrl} target="_blank" rel="noreferrer" className="m-cert-name">
                  {lang === 'en' ? c.label.en : c.label.zh}
                </a>{' '}
                <Tag color={STATUS_COLORS[c.status]} fill="outline">
                  {t(`cert.status.${c.status}`)}
                </Tag>{' '}
                {c.expired && <Tag color="danger">{t('cert.expired')}</Tag>}
                {c.expiringSoon && <Tag color="warning">{t('cert.expiringIn', { days: c.daysLeft ?? 0 })}</Tag>}
                {c.status === 'rejected' && c.reviewNote && <div className="m-note" data-testid={`certificate-note-${c.id}`}>{t('cert.rejectedWith', { reason: c.reviewNote })}</div>}
              </List.Item>
            ))}
          </List>
        )}
      </LoadState>
      {adding ? (
        <CertificateForm
          onDone={(added) => {
            setAdding(false);
            if (added) loaded.reload(true);
          }}
        />
      ) : (
        <div className="m-padded">
          <Button block color="primary" fill="outline" onClick={() => setAdding(true)} data-testid="certificate-add">
            {t('cert.add')}
          </Button>
        </div>
      )}
    </SubPage>
  );
}
