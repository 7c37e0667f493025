import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import type { WorkerCertificate } from '../../../shared/worker-types';

/** 通过 / 驳回 for one certificate; a rejection needs the reason the worker will see. */
export function CertificateActions({ workerId, certificate, onChanged }: { workerId: string; certificate: WorkerCertificate; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function decide(status: 'verified' | 'rejected') {
    setBusy(true);
    try {
      await api(`/api/admin/workers/${workerId}/certificates/${certificate.id}/decision`, { body: status === 'rejected' ? { status, reason: reason.trim() } : { status } });
      message.success(t('common.saved'));
      setRejecting(false);
      onChanged();
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space size={0}>
      {certificate.status !== 'verified' && (
        <Button type="link" size="small" loading={busy} onClick={() => void decide('verified')} data-testid={`cert-verify-${certificate.id}`}>{t('review.certVerify')}</Button>
      )}
      {certificate.status !== 'rejected' && (
        <Button type="link" size="small" danger onClick={() => setRejecting(true)} data-testid={`cert-reject-${certificate.id}`}>{t('review.certReject')}</Button>
      )}
      <Modal open={rejecting} title={t('review.certRejectTitle')} okText={t('review.certReject')} okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        cancelText={t('common.cancel')} onOk={() => void decide('rejected')} onCancel={() => setRejecting(false)} destroyOnHidden>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} showCount placeholder={t('review.certRejectReason')} />
      </Modal>
    </Space>
  );
}
