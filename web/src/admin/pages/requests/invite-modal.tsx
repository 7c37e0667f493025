import { Alert, App, Form, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import type { AdminWorkerRow } from '../../../shared/types';
import { useLoad } from '../../../shared/use-load';

/**
 * 手动邀请: pick a worker (searched by name among the console's workers, `GET /api/admin/workers`) → `POST …/invite`.
 * The API checks the worker is qualified for the item; a refusal is shown in the dialog.
 */
export function InviteModal({ requestId, invited, onClose }: { requestId: string; invited: string[]; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);
  const workers = useLoad((signal) => api<{ items: AdminWorkerRow[] }>('/api/admin/workers', { query: { q: query || undefined, pageSize: 30 }, signal }), [query]);
  const rows = (workers.data?.items ?? []).filter((w) => w.status === 'approved' && !invited.includes(w.id));

  async function submit() {
    if (!picked) {
      setFailure(t('areq.invitePick'));
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      await api(`/api/admin/requests/${encodeURIComponent(requestId)}/invite`, { body: { workerId: picked } });
      message.success(t('areq.invited', { name: rows.find((w) => w.id === picked)?.name ?? '' }));
      onClose(true);
    } catch (error) {
      setFailure(errorText(error, t('common.failed')));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      title={t('areq.inviteTitle')}
      okText={t('areq.inviteOk')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      okButtonProps={{ id: 'areq-invite-ok' }}
      onOk={submit}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('areq.inviteHint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="areq-invite-error" />}
      <Form layout="vertical">
        <Form.Item label={t('areq.inviteWorker')} required>
          <Select<string>
            showSearch
            filterOption={false}
            onSearch={setQ}
            value={picked ?? undefined}
            onChange={(value) => {
              setPicked(value);
              setFailure(null);
            }}
            loading={workers.loading}
            placeholder={t('areq.inviteSearch')}
            notFoundContent={workers.loading ? null : undefined}
            data-testid="areq-invite-worker"
            id="areq-invite-worker"
            options={rows.map((w) => ({
              value: w.id,
              label: (
                <Space size={4} data-testid="areq-invite-option" data-worker-id={w.id}>
                  <span>{w.name}</span>
                  <Typography.Text type="secondary">{w.districtName ?? '—'}</Typography.Text>
                  <Tag color={w.online ? 'green' : 'default'}>{t(w.online ? 'areq.workerOnline' : 'areq.workerOffline')}</Tag>
                  {w.skills.slice(0, 3).map((skill) => <Tag key={skill}>{skill}</Tag>)}
                </Space>
              ),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
