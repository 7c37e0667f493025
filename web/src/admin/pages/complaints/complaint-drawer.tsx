import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Image, Input, InputNumber, Modal, Radio, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, errorText } from '../../../shared/api';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { useFormModal } from '../../use-form-modal';
import { SlaCell, useNow } from './sla-cell';
import { STATUS_COLORS, type ComplaintDetail } from './complaint-types';

type Dialog = 'assign' | 'reply' | 'resolve' | 'reject' | 'afterSales' | null;
const PENALTIES = ['none', 'warning', 'suspension', 'removal'] as const;

/** One complaint: parties, evidence, the order and its after-sales ruling, the timeline, and every console move. */
export function ComplaintDrawer({ id, onClose, onChanged }: { id: string; onClose: (changed: boolean) => void; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const navigate = useNavigate();
  const now = useNow();
  const loaded = useLoad((signal) => api<ComplaintDetail>(`/api/admin/complaints/${encodeURIComponent(id)}`, { signal }), [id]);
  const [fresh, setFresh] = useState<ComplaintDetail | null>(null);
  const [changed, setChanged] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const c = fresh && fresh.id === id ? fresh : loaded.data;
  const open = c ? c.status === 'submitted' || c.status === 'in_progress' : false;

  const done = (next: ComplaintDetail) => {
    setFresh(next);
    setChanged(true);
    setDialog(null);
    onChanged();
    message.success(t('complaints.done'));
  };
  async function claim() {
    try {
      done(await api<ComplaintDetail>(`/api/admin/complaints/${encodeURIComponent(id)}/claim`, { method: 'POST' }));
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
      loaded.reload(true);
    }
  }
  const party = (p: ComplaintDetail['filer']) => {
    const who = [p.kind !== 'qa' ? p.name : '', p.phoneMasked ? (p.name ? `（${p.phoneMasked}）` : p.phoneMasked) : ''].join('');
    return `${t(`complaints.party.${p.kind}`)}${who ? ` ${who}` : ''}`;
  };

  return (
    <Drawer open width={720} title={t('complaints.detail')} onClose={() => onClose(changed)} destroyOnHidden data-testid="complaint-drawer">
      {!c && !loaded.error && <Spin />}
      {loaded.error !== undefined && <Alert type="error" showIcon title={errorText(loaded.error, t('common.loadFailed'))} />}
      {c && (
        <div data-testid="complaint-detail" data-status={c.status}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={STATUS_COLORS[c.status]} data-testid="complaint-detail-status">{t(`complaints.status.${c.status}`)}</Tag>
            <Tag color={c.category === 'safety' ? 'red' : 'geekblue'}>{t(`complaints.category.${c.category}`)}</Tag>
            <SlaCell sla={c.sla} now={now} escalated={!!(c.escalated.response || c.escalated.resolution) && c.sla.stage !== null} />
          </Space>
          {open && (
            <Space wrap style={{ marginBottom: 16 }} data-testid="complaint-actions">
              <Button onClick={claim} data-testid="complaint-claim">{t('complaints.action.claim')}</Button>
              <Button onClick={() => setDialog('assign')} data-testid="complaint-assign">{t('complaints.action.assign')}</Button>
              <Button onClick={() => setDialog('reply')} data-testid="complaint-reply">{t('complaints.action.reply')}</Button>
              <Button type="primary" onClick={() => setDialog('resolve')} data-testid="complaint-resolve">{t('complaints.action.resolve')}</Button>
              <Button danger onClick={() => setDialog('reject')} data-testid="complaint-reject">{t('complaints.action.reject')}</Button>
              {can('orders:write') && !c.afterSales && c.filer.kind === 'customer' && (
                <Button onClick={() => setDialog('afterSales')} data-testid="complaint-after-sales">{t('complaints.action.afterSales')}</Button>
              )}
            </Space>
          )}
          <Descriptions size="small" column={1} bordered items={[
            {
              key: 'order', label: t('complaints.detail.order'), children: (
                <Space wrap>
                  <span>{c.orderNo} · {c.itemName}</span>
                  {c.orderStatus && <Tag>{t(`state.${c.orderStatus}`)}</Tag>}
                  {c.paidFen !== null && <Typography.Text type="secondary">{t('complaints.detail.paid', { amount: formatFen(c.paidFen) })}</Typography.Text>}
                  <Button size="small" type="link" data-testid="complaint-open-order" onClick={() => navigate(`/orders?open=${encodeURIComponent(c.orderId)}`)}>{t('complaints.detail.openOrder')}</Button>
                </Space>
              ),
            },
            { key: 'filer', label: t('complaints.detail.filer'), children: party(c.filer) },
            { key: 'against', label: t('complaints.detail.against'), children: party(c.against) },
            { key: 'owner', label: t('complaints.col.owner'), children: <span data-testid="complaint-owner">{c.owner?.name ?? t('complaints.noOwner')}</span> },
            {
              key: 'dues', label: t('complaints.detail.dues'), children: (
                <Space direction="vertical" size={0}>
                  <span>{t('complaints.detail.dueResponse', { time: formatDateTime(c.firstResponseDue, lang) })}{c.firstResponseAt ? ` ✓ ${formatDateTime(c.firstResponseAt, lang)}` : ''}</span>
                  <span>{t('complaints.detail.dueResolution', { time: formatDateTime(c.resolutionDue, lang) })}</span>
                </Space>
              ),
            },
            { key: 'desc', label: t('complaints.detail.description'), children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="complaint-description">{c.description}</Typography.Paragraph> },
            {
              key: 'evidence', label: t('complaints.detail.evidence', { count: c.evidence.length }), children: c.evidence.length === 0 ? <Typography.Text type="secondary">{t('complaints.detail.noEvidence')}</Typography.Text> : (
                <Image.PreviewGroup>
                  <Space wrap size={6} data-testid="complaint-evidence" data-count={c.evidence.length}>
                    {c.evidence.map((f) => (f.contentType?.startsWith('image/')
                      ? <Image key={f.id} src={f.url} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />
                      : <a key={f.id} href={f.url} target="_blank" rel="noreferrer">PDF</a>))}
                  </Space>
                </Image.PreviewGroup>
              ),
            },
            ...(c.afterSales ? [{
              key: 'afterSales', label: t('complaints.detail.afterSales'), children: (
                <div data-testid="complaint-after-sales-result" data-refund={c.afterSales.arbitration?.refundFen ?? ''}>
                  {c.afterSales.arbitration
                    ? <Typography.Text strong>{t('complaints.detail.arbitration', { outcome: t(`complaints.arbitration.${c.afterSales.arbitration.outcome ?? 'completed'}`), amount: formatFen(c.afterSales.arbitration.refundFen), reason: c.afterSales.arbitration.reason })}</Typography.Text>
                    : t('complaints.detail.afterSalesOpen', { time: formatDateTime(c.afterSales.openedAt, lang), status: c.afterSales.orderStatus ? t(`state.${c.afterSales.orderStatus}`) : '' })}
                </div>
              ),
            }] : []),
            ...(c.outcome ? [{ key: 'outcome', label: t('complaints.detail.outcome'), children: <span data-testid="complaint-outcome">{c.outcome}</span> }] : []),
            ...(c.penalty ? [{ key: 'penalty', label: t('complaints.detail.penalty'), children: <Tag color="red" data-testid="complaint-penalty">{t(`complaints.penalty.${c.penalty.kind}`)}</Tag> }] : []),
          ]} />
          <Typography.Title level={5} style={{ marginTop: 20 }}>{t('complaints.detail.timeline')}</Typography.Title>
          {c.timeline.length === 0 ? <Empty /> : (
            <Timeline items={c.timeline.map((e) => ({
              color: e.action === 'escalated' ? 'red' : e.action === 'resolved' ? 'green' : 'blue',
              children: (
                <div data-testid="complaint-event" data-action={e.action}>
                  <Typography.Text strong>{t(`complaints.timeline.${e.action}`)}</Typography.Text>
                  {' '}<Typography.Text type="secondary">{formatDateTime(e.at, lang)} · {e.actorName || t(`complaints.party.${e.actorKind === 'system' ? 'qa' : e.actorKind === 'admin' ? 'qa' : e.actorKind}`)}</Typography.Text>
                  {!e.visibleToFiler && <Tag style={{ marginLeft: 6 }}>{t('complaints.detail.hiddenFromFiler')}</Tag>}
                  {e.note && e.action !== 'escalated' && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                  {e.action === 'escalated' && <div>{t(`complaints.sla.${e.note === 'response' ? 'response' : 'resolution'}`)}</div>}
                </div>
              ),
            }))} />
          )}
          {dialog && <ActionModal complaint={c} dialog={dialog} onDone={done} onCancel={() => setDialog(null)} onRefused={() => { setDialog(null); loaded.reload(true); setFresh(null); }} />}
        </div>
      )}
    </Drawer>
  );
}

interface Values { adminId?: string; message?: string; outcome?: string; reason?: string; penalty?: (typeof PENALTIES)[number]; days?: number }

function ActionModal({ complaint, dialog, onDone, onCancel, onRefused }: { complaint: ComplaintDetail; dialog: Exclude<Dialog, null>; onDone: (c: ComplaintDetail) => void; onCancel: () => void; onRefused: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const [form] = Form.useForm<Values>();
  const penalty = Form.useWatch('penalty', form);
  const assignees = useLoad((signal) => (dialog === 'assign' ? api<{ items: { id: string; name: string }[] }>('/api/admin/complaints/assignees', { signal }) : Promise.resolve({ items: [] })), [dialog]);
  const base = `/api/admin/complaints/${encodeURIComponent(complaint.id)}`;
  const mayPenalise = complaint.against.kind === 'worker' && can('workers:review');
  const props = useFormModal(
    form,
    ['adminId', 'message', 'outcome', 'reason', 'penalty', 'days'],
    onCancel,
    async (v) => {
      const call = (path: string, body: unknown, headers?: Record<string, string>) => api<ComplaintDetail>(`${base}/${path}`, { method: 'POST', body, headers });
      if (dialog === 'assign') onDone(await call('assign', { adminId: v.adminId }));
      if (dialog === 'reply') onDone(await call('reply', { message: v.message!.trim() }));
      if (dialog === 'reject') onDone(await call('reject', { outcome: v.outcome!.trim() }));
      if (dialog === 'afterSales') onDone(await call('after-sales', { reason: v.reason!.trim() }));
      if (dialog === 'resolve') {
        const chosen = v.penalty && v.penalty !== 'none' ? { kind: v.penalty, ...(v.penalty === 'suspension' ? { days: v.days } : {}) } : undefined;
        onDone(await call('resolve', { outcome: v.outcome!.trim(), ...(chosen ? { penalty: chosen } : {}) }, { 'Idempotency-Key': `complaint-resolve-${complaint.id}-${Date.now()}` }));
      }
    },
    (error) => {
      if (!(error instanceof ApiError && (error.code === 'COMPLAINT_CLOSED' || error.code === 'FORBIDDEN'))) return false;
      message.error(errorText(error, t('common.failed')));
      onRefused();
      return true;
    },
  );
  const title = t(`complaints.action.${dialog}`);
  const required = [{ required: true, whitespace: true, message: t('complaints.required') }];
  return (
    <Modal title={title} {...props} okText={title} okButtonProps={{ id: 'complaint-dialog-ok', danger: dialog === 'reject' }}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ penalty: 'none', days: 7 }}>
        {dialog === 'assign' && (
          <Form.Item name="adminId" label={t('complaints.assignTo')} rules={[{ required: true, message: t('complaints.required') }]}>
            <Select id="complaint-assignee" loading={!assignees.data} options={(assignees.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
        )}
        {dialog === 'reply' && (
          <Form.Item name="message" label={t('complaints.replyText')} rules={required}>
            <Input.TextArea id="complaint-reply-text" rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
        {(dialog === 'resolve' || dialog === 'reject') && (
          <Form.Item name="outcome" label={t('complaints.outcomeText')} rules={required}>
            <Input.TextArea id="complaint-outcome-text" rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
        {dialog === 'resolve' && complaint.against.kind === 'worker' && (
          <>
            <Form.Item name="penalty" label={t('complaints.detail.penalty')} extra={mayPenalise ? undefined : t('complaints.penalty.needsPermission')}>
              <Radio.Group id="complaint-penalty" optionType="button" disabled={!mayPenalise} options={PENALTIES.map((p) => ({ value: p, label: <span data-testid={`complaint-penalty-${p}`}>{t(`complaints.penalty.${p}`)}</span> }))} />
            </Form.Item>
            {penalty === 'suspension' && (
              <Form.Item name="days" label={t('complaints.penalty.days')} rules={[{ required: true, message: t('complaints.required') }]}>
                <InputNumber min={1} max={365} />
              </Form.Item>
            )}
          </>
        )}
        {dialog === 'afterSales' && (
          <Form.Item name="reason" label={t('complaints.afterSalesReason')} rules={required} extra={t('complaints.afterSalesHint')}>
            <Input.TextArea id="complaint-after-sales-reason" rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
