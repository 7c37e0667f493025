import { EyeOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Radio, Rate, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { useFormModal } from '../../use-form-modal';
import { useUrlState } from '../../use-url-state';

type Status = 'pending' | 'pass' | 'issue' | 'unreachable';
type Outcome = Exclude<Status, 'pending'>;
const STATUS_COLORS: Record<Status, string> = { pending: 'default', pass: 'green', issue: 'red', unreachable: 'orange' };
const CATEGORIES = ['late', 'attitude', 'damage', 'loss', 'safety', 'overcharge', 'other'] as const;

interface Answers { onTime: boolean; asDescribed: boolean; attitude: number; extraCharges: boolean; satisfaction: number }
interface Sample {
  id: string; orderId: string; orderNo: string; categoryCode: string; itemName: string; completedAt: string;
  worker: { id: string; name: string }; customer: { id: string; name: string; phoneMasked: string | null };
  status: Status; answers: Answers | null; notes: string; attempts: number; calledBy: string | null; calledAt: string | null; complaintId: string | null;
}
interface WeekPage {
  week: string; currentWeek: string; timeZone: string;
  draw: { ordersInWeek: number; sampled: number; rateBp: number; drawnBy: string; drawnAt: string } | null;
  counts: Record<Status, number>; items: Sample[];
}

const percent = (bp: number) => `${(bp / 100).toFixed(bp % 100 ? 2 : 0)}%`;

/**
 * 抽检回访 (`orders:read`; calls need `support:answer`): the week's random sample of completed orders per category,
 * the customer's phone masked with an audited 查看号码, the call questionnaire and its outcome (合格 / 有问题 / 未接通),
 * 转投诉 from a failed call, the weekly draw (automatic, or now for a chosen ended week) and the sampling rate.
 */
export function QualityPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { can } = useAdminSession();
  const { params, update } = useUrlState();
  const week = params.get('week') ?? '';
  const page = useLoad((signal) => api<WeekPage>('/api/admin/quality/samples', { query: week ? { week } : {}, signal }), [week]);
  const settings = useLoad((signal) => api<{ rateBp: number }>('/api/admin/quality/settings', { signal }), []);
  const [rate, setRate] = useState<number | null>(null);
  const [phones, setPhones] = useState<Record<string, string>>({});
  const [recording, setRecording] = useState<Sample | null>(null);
  const [complaining, setComplaining] = useState<Sample | null>(null);
  const data = page.data;
  const yesNo = (v: boolean) => t(v ? 'qa.yes' : 'qa.no');

  const weeks = data ? Array.from({ length: 8 }, (_, i) => dayjs(data.currentWeek).subtract(i + 1, 'week').format('YYYY-MM-DD')) : [];
  if (data && !weeks.includes(data.week)) weeks.unshift(data.week);

  async function draw() {
    if (!data) return;
    try {
      const r = await api<{ sampled: number }>('/api/admin/quality/draws', { body: { week: data.week } });
      message.success(t('qa.drawDone', { sampled: r.sampled }));
      page.reload(true);
    } catch (error) { message.error(errorText(error, t('common.failed'))); }
  }
  async function saveRate() {
    if (rate === null) return;
    try {
      await api('/api/admin/quality/settings', { method: 'PUT', body: { rateBp: Math.round(rate * 100) } });
      message.success(t('qa.rateSaved'));
      settings.reload(true);
    } catch (error) { message.error(errorText(error, t('common.failed'))); }
  }
  async function reveal(s: Sample) {
    try {
      const r = await api<{ phone: string }>(`/api/admin/quality/samples/${encodeURIComponent(s.id)}/reveal-phone`, { body: {} });
      setPhones((p) => ({ ...p, [s.id]: r.phone }));
    } catch (error) { message.error(errorText(error, t('common.failed'))); }
  }

  const columns: TableColumnsType<Sample> = [
    {
      title: t('qa.col.order'), key: 'order', width: 230,
      render: (_, s) => (
        <Space direction="vertical" size={0}>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => navigate(`/orders?open=${encodeURIComponent(s.orderId)}`)}>{s.orderNo}</Button>
          <span>{s.itemName} <Tag style={{ marginInlineStart: 4 }}>{s.categoryCode}</Tag></span>
          <Typography.Text type="secondary">{t('qa.completedAt', { at: formatDateTime(s.completedAt, lang) })}</Typography.Text>
        </Space>
      ),
    },
    { title: t('qa.col.worker'), key: 'worker', width: 110, render: (_, s) => s.worker.name || '—' },
    {
      title: t('qa.col.customer'), key: 'customer', width: 210,
      render: (_, s) => (
        <Space direction="vertical" size={0} data-testid="qa-customer">
          <span>{s.customer.name || '—'}</span>
          <Space size={4}>
            <span data-testid="qa-phone">{phones[s.id] ?? s.customer.phoneMasked ?? '—'}</span>
            {!phones[s.id] && can('support:answer') && s.customer.phoneMasked && (
              <Tooltip title={t('qa.revealHint')}>
                <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => reveal(s)} data-testid="qa-reveal">{t('qa.reveal')}</Button>
              </Tooltip>
            )}
          </Space>
        </Space>
      ),
    },
    {
      title: t('qa.col.result'), key: 'result',
      render: (_, s) => (
        <div data-testid="qa-result" data-status={s.status}>
          <Tag color={STATUS_COLORS[s.status]}>{t(`qa.status.${s.status}`)}</Tag>
          {s.complaintId && <Tag color="volcano">{t('qa.complaintLinked')}</Tag>}
          {s.answers && <div>{t('qa.answers', { onTime: yesNo(s.answers.onTime), asDescribed: yesNo(s.answers.asDescribed), attitude: s.answers.attitude, extraCharges: yesNo(s.answers.extraCharges), satisfaction: s.answers.satisfaction })}</div>}
          {s.notes && <Typography.Text>{s.notes}</Typography.Text>}
          {s.calledAt && <div><Typography.Text type="secondary">{t('qa.calledBy', { by: s.calledBy ?? '', at: formatDateTime(s.calledAt, lang), attempts: s.attempts })}</Typography.Text></div>}
        </div>
      ),
    },
    {
      title: t('common.actions'), key: 'actions', width: 170,
      render: (_, s) => can('support:answer') && (
        <Space size={4} wrap>
          {(s.status === 'pending' || s.status === 'unreachable') && (
            <Button size="small" type="primary" onClick={() => setRecording(s)} data-testid="qa-record">{t(s.status === 'pending' ? 'qa.record' : 'qa.recordAgain')}</Button>
          )}
          {s.status === 'issue' && !s.complaintId && (
            <Button size="small" danger onClick={() => setComplaining(s)} data-testid="qa-complaint">{t('qa.complaint')}</Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="quality-page">
      <Space className="a-toolbar" style={{ marginBottom: 12 }} wrap>
        <span>{t('qa.week')}</span>
        <Select
          style={{ width: 230 }}
          value={data?.week}
          onChange={(value) => update({ week: value })}
          options={weeks.map((w) => ({ value: w, label: t('qa.weekOption', { from: w, to: dayjs(w).add(6, 'day').format('YYYY-MM-DD') }) }))}
          data-testid="qa-week"
        />
        <Button icon={<ReloadOutlined />} onClick={() => page.reload(true)}>{t('qa.refresh')}</Button>
        {settings.data && (
          <Space size={4}>
            <span>{t('qa.rate')}</span>
            <InputNumber
              min={0.01} max={100} step={1} addonAfter="%" style={{ width: 120 }} disabled={!can('orders:write')}
              value={rate ?? settings.data.rateBp / 100} onChange={(v) => setRate(v)} data-testid="qa-rate"
            />
            {can('orders:write') && rate !== null && <Button onClick={saveRate}>{t('common.save')}</Button>}
          </Space>
        )}
      </Space>
      {page.error !== undefined && <Alert type="error" showIcon title={errorText(page.error, t('common.loadFailed'))} style={{ marginBottom: 12 }} />}
      {data && (data.draw ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="qa-draw"
          title={t('qa.drawn', { orders: data.draw.ordersInWeek, rate: percent(data.draw.rateBp), sampled: data.draw.sampled, by: data.draw.drawnBy === 'system' ? '系统' : data.draw.drawnBy, at: formatDateTime(data.draw.drawnAt, lang) })}
        />
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="qa-not-drawn" title={t('qa.notDrawn')}
          action={can('orders:write') ? <Button size="small" type="primary" onClick={draw} data-testid="qa-draw-now">{t('qa.draw')}</Button> : undefined}
        />
      ))}
      {data && (
        <Space style={{ marginBottom: 12 }} data-testid="qa-counts">
          {(['pending', 'pass', 'issue', 'unreachable'] as const).map((k) => <Tag key={k} color={STATUS_COLORS[k]}>{t(`qa.count.${k}`, { n: data.counts[k] })}</Tag>)}
        </Space>
      )}
      <Table<Sample>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={!data && !page.error}
        pagination={false}
        onRow={(s) => ({ 'data-testid': 'qa-row', 'data-order-id': s.orderId, 'data-sample-id': s.id }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty description={t('qa.empty')} /> }}
      />
      {recording && <RecordModal sample={recording} onClose={(done) => { setRecording(null); if (done) page.reload(true); }} />}
      {complaining && <ComplaintModal sample={complaining} onClose={(done) => { setComplaining(null); if (done) page.reload(true); }} />}
    </div>
  );
}

interface RecordValues { outcome: Outcome; onTime?: boolean; asDescribed?: boolean; attitude?: number; extraCharges?: boolean; satisfaction?: number; notes?: string }

function RecordModal({ sample, onClose }: { sample: Sample; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const outcome = Form.useWatch('outcome', form) ?? 'pass';
  const answered = outcome !== 'unreachable';
  const props = useFormModal(form, ['outcome', 'onTime', 'asDescribed', 'attitude', 'extraCharges', 'satisfaction', 'notes'], () => onClose(false), async (v) => {
    const body = answered
      ? { outcome: v.outcome, onTime: v.onTime, asDescribed: v.asDescribed, attitude: v.attitude, extraCharges: v.extraCharges, satisfaction: v.satisfaction, notes: (v.notes ?? '').trim() }
      : { outcome: v.outcome, notes: (v.notes ?? '').trim() };
    await api(`/api/admin/quality/samples/${encodeURIComponent(sample.id)}/result`, { body });
    message.success(t('qa.recorded'));
    onClose(true);
  });
  const required = answered ? [{ required: true, message: t('qa.answerRequired') }] : [];
  const yesNo = [{ value: true, label: t('qa.yes') }, { value: false, label: t('qa.no') }];
  return (
    <Modal title={t('qa.recordTitle', { orderNo: sample.orderNo })} {...props} okButtonProps={{ id: 'qa-record-ok' }}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ outcome: 'pass' }}>
        <Form.Item name="outcome" label={t('qa.outcome')}>
          <Radio.Group id="qa-outcome" optionType="button" buttonStyle="solid" options={(['pass', 'issue', 'unreachable'] as const).map((o) => ({ value: o, label: t(`qa.status.${o}`) }))} />
        </Form.Item>
        {answered && (
          <>
            <Form.Item name="onTime" label={t('qa.q.onTime')} rules={required}><Radio.Group id="qa-onTime" options={yesNo} /></Form.Item>
            <Form.Item name="asDescribed" label={t('qa.q.asDescribed')} rules={required}><Radio.Group id="qa-asDescribed" options={yesNo} /></Form.Item>
            <Form.Item name="attitude" label={t('qa.q.attitude')} rules={required}><Rate id="qa-attitude" /></Form.Item>
            <Form.Item name="extraCharges" label={t('qa.q.extraCharges')} rules={required}><Radio.Group id="qa-extraCharges" options={yesNo} /></Form.Item>
            <Form.Item name="satisfaction" label={t('qa.q.satisfaction')} rules={required}><Rate id="qa-satisfaction" /></Form.Item>
          </>
        )}
        <Form.Item name="notes" label={t('qa.q.notes')}><Input.TextArea id="qa-notes" rows={2} maxLength={500} showCount /></Form.Item>
      </Form>
    </Modal>
  );
}

function ComplaintModal({ sample, onClose }: { sample: Sample; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ category: string; description: string }>();
  const props = useFormModal(form, ['category', 'description'], () => onClose(false), async (v) => {
    await api(`/api/admin/quality/samples/${encodeURIComponent(sample.id)}/complaint`, { body: { category: v.category, description: v.description.trim() } });
    message.success(t('qa.complaintOpened'));
    onClose(true);
  });
  return (
    <Modal title={t('qa.complaintTitle')} {...props} okButtonProps={{ id: 'qa-complaint-ok' }}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ category: sample.answers?.extraCharges ? 'overcharge' : 'other', description: sample.notes }}>
        <Form.Item name="category" label={t('qa.complaintCategory')}>
          <Select id="qa-complaint-category" options={CATEGORIES.map((c) => ({ value: c, label: t(`qa.cat.${c}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('qa.complaintDescription')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea id="qa-complaint-description" rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
