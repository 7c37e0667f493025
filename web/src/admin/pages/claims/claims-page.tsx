import { PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Form, Image, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatFen, yuanToFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { useFormModal } from '../../use-form-modal';
import { useUrlState } from '../../use-url-state';

/** A short stable hash of a text (FNV-1a): the same decision retried is one request, a corrected one a new one. */
function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

type Status = 'submitted' | 'reviewing' | 'paid' | 'rejected';
const STATUS_COLORS: Record<Status, string> = { submitted: 'blue', reviewing: 'orange', paid: 'green', rejected: 'red' };
const FILTERS = ['open', 'all', 'submitted', 'reviewing', 'paid', 'rejected'] as const;

export interface Claim {
  id: string; claimNo: string; orderId: string; orderNo: string; itemName: string; source: 'incident' | 'dispute'; incidentId: string | null;
  amountFen: number; coverFen: number; status: Status; description: string; documentUrls: string[]; filedBy: 'customer' | 'admin'; filedByName?: string;
  createdAt: string; decidedAt: string | null; decisionReason: string; decidedBy?: string | null; reviewingBy?: string | null;
  customer?: { id: string; name: string; phoneMasked: string | null };
  payout: { entryKey: string; entryId: string; postedAt: string; amountFen: number; lines: { account: string; amountFen: number }[] } | null;
}
interface Options {
  orderId: string; orderNo: string; itemName: string; coverFen: number; remainingFen: number; disputed: boolean; canFile: boolean; reasons: string[];
  incidents: { id: string; incidentNo: string; role: string; status: string; note: string; createdAt: string }[];
}

/**
 * 保险理赔 (`orders:read`): claims against orders' accident cover, open ones first; ops file one for an order
 * (`orders:write`) from its SOS incident or dispute with documents, start the review; finance (`finance:write`) pays —
 * a ledger payout, once — or rejects, each with a written reason both sides of the order see.
 */
export function ClaimsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { can } = useAdminSession();
  const { params, update } = useUrlState();
  const filter = (FILTERS as readonly string[]).includes(params.get('status') ?? '') ? params.get('status')! : 'open';
  const list = useLoad((signal) => api<{ items: Claim[]; total: number }>('/api/admin/claims', { query: { ...(filter !== 'open' && filter !== 'all' ? { status: filter } : {}), pageSize: 100 }, signal }), [filter]);
  const [filing, setFiling] = useState(false);
  const [deciding, setDeciding] = useState<{ claim: Claim; decision: 'pay' | 'reject' } | null>(null);
  const items = (list.data?.items ?? []).filter((c) => filter !== 'open' || c.status === 'submitted' || c.status === 'reviewing');

  async function startReview(c: Claim) {
    try {
      await api(`/api/admin/claims/${encodeURIComponent(c.id)}/review`, { body: {} });
      message.success(t('claims.reviewStarted'));
      list.reload(true);
    } catch (error) { message.error(errorText(error, t('common.failed'))); list.reload(true); }
  }

  const columns: TableColumnsType<Claim> = [
    {
      title: t('claims.col.claim'), key: 'claim', width: 190,
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{c.claimNo}</Typography.Text>
          <Tag>{t(`claims.source.${c.source}`)}</Tag>
          <Typography.Text type="secondary">{c.filedBy === 'admin' ? t('claims.filedBy.admin', { name: c.filedByName ?? '' }) : t('claims.filedBy.customer')}</Typography.Text>
          <Typography.Text type="secondary">{formatDateTime(c.createdAt, lang)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('claims.col.order'), key: 'order', width: 200,
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => navigate(`/orders?open=${encodeURIComponent(c.orderId)}`)}>{c.orderNo}</Button>
          <span>{c.itemName}</span>
          <span>{c.customer?.name || '—'} {c.customer?.phoneMasked ?? ''}</span>
        </Space>
      ),
    },
    {
      title: t('claims.col.amount'), key: 'amount', width: 150,
      render: (_, c) => <span data-testid="claim-amount"><Typography.Text strong>{formatFen(c.amountFen)}</Typography.Text> / {formatFen(c.coverFen)}</span>,
    },
    {
      title: t('claims.col.detail'), key: 'detail',
      render: (_, c) => (
        <div>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>
          {c.documentUrls.length > 0 && (
            <Image.PreviewGroup>
              <Space size={6} wrap style={{ marginTop: 6 }} data-testid="claim-documents" data-count={c.documentUrls.length}>
                {c.documentUrls.map((url) => <Image key={url} src={url} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} />)}
              </Space>
            </Image.PreviewGroup>
          )}
        </div>
      ),
    },
    {
      title: t('claims.col.status'), key: 'status', width: 260,
      render: (_, c) => (
        <div data-testid="claim-status" data-status={c.status}>
          <Tag color={STATUS_COLORS[c.status]}>{t(`claims.status.${c.status}`)}</Tag>
          {c.decisionReason && <div>{t('claims.decisionBy', { by: c.decidedBy ?? '', reason: c.decisionReason })}</div>}
          {c.payout && <Typography.Text type="secondary" data-testid="claim-payout">{t('claims.payout', { key: c.payout.entryKey, at: formatDateTime(c.payout.postedAt, lang) })}</Typography.Text>}
        </div>
      ),
    },
    {
      title: t('common.actions'), key: 'actions', width: 170,
      render: (_, c) => (
        <Space size={4} wrap>
          {c.status === 'submitted' && can('orders:write') && <Button size="small" onClick={() => startReview(c)} data-testid="claim-review">{t('claims.review')}</Button>}
          {c.status === 'reviewing' && can('finance:write') && (
            <>
              <Button size="small" type="primary" onClick={() => setDeciding({ claim: c, decision: 'pay' })} data-testid="claim-pay">{t('claims.pay')}</Button>
              <Button size="small" danger onClick={() => setDeciding({ claim: c, decision: 'reject' })} data-testid="claim-reject">{t('claims.reject')}</Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="claims-page">
      <Space className="a-toolbar" style={{ marginBottom: 16 }} wrap>
        <Select style={{ width: 140 }} value={filter} onChange={(v) => update({ status: v === 'open' ? '' : v })} data-testid="claims-filter"
          options={FILTERS.map((f) => ({ value: f, label: f === 'open' ? t('claims.filter.open') : f === 'all' ? t('claims.filter.all') : t(`claims.status.${f}`) }))} />
        <Button icon={<ReloadOutlined />} onClick={() => list.reload(true)}>{t('claims.refresh')}</Button>
        {can('orders:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)} data-testid="claim-file">{t('claims.file')}</Button>}
      </Space>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error, t('common.loadFailed'))} style={{ marginBottom: 12 }} />}
      <Table<Claim>
        rowKey="id" columns={columns} dataSource={items} loading={!list.data && !list.error} pagination={false}
        onRow={(c) => ({ 'data-testid': 'claim-row', 'data-claim-id': c.id, 'data-order-no': c.orderNo }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty description={t('claims.empty')} /> }}
      />
      {filing && <FileClaimModal onClose={(done) => { setFiling(false); if (done) list.reload(true); }} />}
      {deciding && <DecideModal {...deciding} onClose={(done) => { setDeciding(null); list.reload(true); if (done) message.success(t('claims.decided')); }} />}
    </div>
  );
}

function DecideModal({ claim, decision, onClose }: { claim: Claim; decision: 'pay' | 'reject'; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const props = useFormModal(form, ['reason'], () => onClose(false), async (v) => {
    await api(`/api/admin/claims/${encodeURIComponent(claim.id)}/decision`, { body: { decision, reason: v.reason.trim() }, headers: { 'Idempotency-Key': `claim-${claim.id}-${decision}-${hashOf(v.reason.trim())}` } });
    onClose(true);
  });
  return (
    <Modal title={decision === 'pay' ? t('claims.decideTitle.pay', { amount: formatFen(claim.amountFen) }) : t('claims.decideTitle.reject')} {...props}
      okText={decision === 'pay' ? t('claims.pay') : t('claims.reject')} okButtonProps={{ id: 'claim-decide-ok', danger: decision === 'reject' }}>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[
        { key: 'no', label: t('claims.col.claim'), children: claim.claimNo },
        { key: 'amount', label: t('claims.col.amount'), children: `${formatFen(claim.amountFen)} / ${formatFen(claim.coverFen)}` },
        { key: 'desc', label: t('claims.col.detail'), children: claim.description },
      ]} />
      {decision === 'pay' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('claims.payHint')} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reason" label={t('claims.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('claims.reasonRequired') }]}>
          <Input.TextArea id="claim-reason" rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface FileValues { source: 'incident' | 'dispute'; incidentId?: string; amountYuan: number; description: string }

function FileClaimModal({ onClose }: { onClose: (done: boolean) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FileValues>();
  const [orderNo, setOrderNo] = useState('');
  const [options, setOptions] = useState<Options | null>(null);
  const [docs, setDocs] = useState<{ id: string; name: string }[]>([]);
  const source = Form.useWatch('source', form);
  const props = useFormModal(form, ['source', 'incidentId', 'amountFen', 'description', 'documentFileIds', 'orderNo', 'orderId'], () => onClose(false), async (v) => {
    await api('/api/admin/claims', { body: {
      orderNo: options?.orderNo ?? orderNo.trim(), source: v.source, ...(v.source === 'incident' ? { incidentId: v.incidentId } : {}),
      amountFen: yuanToFen(v.amountYuan) ?? 0, description: v.description.trim(), documentFileIds: docs.map((d) => d.id),
    } });
    message.success(t('claims.form.filed'));
    onClose(true);
  });
  async function lookup() {
    try {
      const o = await api<Options>('/api/admin/claims/options', { query: { orderNo: orderNo.trim() } });
      setOptions(o);
      form.setFieldsValue({ source: o.incidents.length ? 'incident' : 'dispute', incidentId: o.incidents[0]?.id });
    } catch (error) { setOptions(null); message.error(errorText(error, t('common.failed'))); }
  }
  return (
    <Modal title={t('claims.file')} {...props} width={620} okButtonProps={{ id: 'claim-file-ok', disabled: !options || !options.coverFen }}>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input id="claim-order-no" placeholder={t('claims.form.orderNo')} value={orderNo} onChange={(e) => setOrderNo(e.target.value)} onPressEnter={lookup} />
        <Button onClick={lookup} id="claim-order-lookup">{t('claims.form.lookup')}</Button>
      </Space.Compact>
      {options && (
        <Alert style={{ marginBottom: 12 }} showIcon type={options.coverFen ? 'info' : 'warning'} data-testid="claim-options"
          title={`${options.orderNo} · ${options.itemName} · ${options.coverFen ? t('claims.form.cover', { cover: formatFen(options.coverFen), remaining: formatFen(options.remainingFen) }) : t('claims.form.noCover')} · ${t(options.disputed ? 'claims.form.disputed' : 'claims.form.notDisputed')}`} />
      )}
      {options && options.coverFen > 0 && (
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="source" label={t('claims.form.source')} rules={[{ required: true }]}>
            <Radio.Group id="claim-source" options={(['incident', 'dispute'] as const).map((s) => ({ value: s, label: t(`claims.source.${s}`) }))} />
          </Form.Item>
          {source === 'incident' && (
            <Form.Item name="incidentId" label={t('claims.form.incident')} rules={[{ required: true }]}>
              <Select id="claim-incident" options={options.incidents.map((i) => ({ value: i.id, label: `${i.incidentNo} · ${formatDateTime(i.createdAt, lang)} · ${i.note || '—'}` }))} />
            </Form.Item>
          )}
          <Form.Item name="amountYuan" label={t('claims.form.amount')} rules={[{ required: true }]}>
            <InputNumber id="claim-amount" min={0.01} max={options.remainingFen / 100} precision={2} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="description" label={t('claims.form.description')} rules={[{ required: true, whitespace: true, min: 4 }]}>
            <Input.TextArea id="claim-description" rows={3} maxLength={1000} showCount />
          </Form.Item>
          <Form.Item label={t('claims.form.documents')}>
            <Upload
              accept="image/jpeg,image/png,image/webp" showUploadList={false}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const body = new FormData();
                  body.append('file', file as Blob);
                  const r = await api<{ id: string }>('/api/admin/claims/documents', { body });
                  setDocs((d) => [...d, { id: r.id, name: (file as File).name }]);
                  onSuccess?.(r);
                } catch (error) { message.error(errorText(error, t('common.failed'))); onError?.(error as Error); }
              }}
            >
              <Button icon={<UploadOutlined />} disabled={docs.length >= 9} id="claim-upload">{t('claims.form.upload')}</Button>
            </Upload>
            <div data-testid="claim-docs" data-count={docs.length}>{docs.map((d) => <Tag key={d.id}>{d.name}</Tag>)}</div>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
