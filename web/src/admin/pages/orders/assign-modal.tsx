import { Alert, App, Button, Form, Input, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { pick } from '../../../shared/catalog-types';
import type { AdminOrderView } from '../../../shared/order-types';
import { useLoad } from '../../../shared/use-load';
import { scoreText, type ScoredCandidate } from './dispatch-types';
import { orderErrorText, ratingText } from './order-format';

/**
 * 人工派单: the qualified, covering, free workers (`GET …/candidates`), pick one, give a reason →
 * `POST …/assign`. SCHEDULE_CONFLICT / WORKER_NOT_QUALIFIED are explained in the dialog and the list is refreshed.
 */
export function AssignModal({ order, onClose }: { order: AdminOrderView; onClose: (updated: AdminOrderView | null) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const candidates = useLoad((signal) => api<ScoredCandidate[]>(`/api/admin/orders/${order.id}/candidates`, { signal }), [order.id]);
  const [picked, setPicked] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pickMissing, setPickMissing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [nameFilter, setNameFilter] = useState('');
  // The ranked list is long (up to 50); ops who phoned a particular worker find them by name.
  const rows = (candidates.data ?? []).filter((worker) => worker.id !== order.worker?.id && (!nameFilter.trim() || worker.name.includes(nameFilter.trim())));

  async function submit() {
    const values = await form.validateFields().catch(() => null);
    setPickMissing(!picked);
    if (!values || !picked) return;
    setSubmitting(true);
    setFailure(null);
    try {
      const updated = await api<AdminOrderView>(`/api/admin/orders/${order.id}/assign`, { body: { workerId: picked, reason: values.reason.trim() } });
      message.success(t('order.assigned', { name: updated.worker?.name ?? rows.find((row) => row.id === picked)?.name ?? '' }));
      onClose(updated);
    } catch (error) {
      setFailure(orderErrorText(t, error));
      if (error instanceof ApiError && (error.code === 'SCHEDULE_CONFLICT' || error.code === 'WORKER_NOT_QUALIFIED' || error.code === 'REST_RULE')) {
        setPicked(null);
        candidates.reload(true);
      }
    } finally {
      setSubmitting(false);
    }
  }

  const columns: TableColumnsType<ScoredCandidate> = [
    { title: t('order.candidate.name'), dataIndex: 'name', render: (name: string, row) => <span data-testid={`candidate-${row.id}`}>{name}</span> },
    { title: t('order.candidate.distance'), dataIndex: 'distanceKm', align: 'right', render: (km: number) => t('order.candidate.km', { km: km.toFixed(1) }) },
    { title: t('order.candidate.rating'), dataIndex: 'ratingAvg', align: 'right', render: (avg: number) => ratingText(t, avg) },
    { title: t('order.candidate.ordersDone'), dataIndex: 'ordersDone', align: 'right' },
    { title: t('order.candidate.score'), dataIndex: 'score', align: 'right', render: (score?: number) => <span data-testid="candidate-score">{scoreText(score)}</span> },
    {
      title: t('order.candidate.explanation'),
      key: 'explanation',
      width: 340,
      render: (_value, row) => (row.explanation ? <div className="a-dispatch-explanation" data-testid="candidate-explanation">{pick(lang, row.explanation)}</div> : '—'),
    },
  ];

  return (
    <Modal
      open
      width={960}
      title={order.worker ? t('order.action.reassign') : t('order.assignTitle')}
      okText={t('order.assignSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'order-assign-ok', disabled: rows.length === 0 }}
      confirmLoading={submitting}
      onOk={submit}
      onCancel={() => onClose(null)}
      destroyOnHidden
    >
      <div className="a-toolbar">
        <Typography.Text type="secondary">{t('order.assignHint')}</Typography.Text>
        <span className="a-toolbar-spacer" />
        <Input.Search size="small" allowClear placeholder={t('order.candidateSearch')} style={{ width: 200 }} onChange={(event) => setNameFilter(event.target.value)} data-testid="order-candidates-search" />
        <Button size="small" onClick={() => candidates.reload()} data-testid="order-candidates-refresh">
          {t('order.refreshCandidates')}
        </Button>
      </div>
      {failure && <Alert type="error" showIcon title={failure} className="a-toolbar" data-testid="order-assign-error" />}
      {candidates.error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={orderErrorText(t, candidates.error)} action={<Button onClick={() => candidates.reload()}>{t('common.retry')}</Button>} />
      )}
      <Table<ScoredCandidate>
        size="small"
        rowKey="id"
        data-testid="order-candidates"
        loading={candidates.loading}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
        locale={{ emptyText: t('order.noCandidates') }}
        rowSelection={{ type: 'radio', selectedRowKeys: picked ? [picked] : [], onChange: (keys) => { setPicked(String(keys[0])); setPickMissing(false); } }}
        onRow={(row) => ({ onClick: () => { setPicked(row.id); setPickMissing(false); } })}
      />
      {pickMissing && <Typography.Text type="danger">{t('order.pickCandidate')}</Typography.Text>}
      <Form form={form} layout="vertical" requiredMark={false} style={{ marginTop: 16 }}>
        <Form.Item name="reason" label={t('order.reason')} extra={t('order.reasonAudited')} rules={[{ required: true, whitespace: true, min: 2, message: t('order.reasonRequired') }]}>
          <Input.TextArea id="order-assign-reason" rows={2} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
