import { Button, Form, Input, Radio, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatDateTime, formatFen, yuanToFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { PhotoField, photoFileIds } from '../../mobile/photo-field';
import { PopupButtons } from '../../mobile/popup-buttons';
import { Sheet } from '../../mobile/sheet';
import { useFormSubmit } from '../../mobile/use-form-submit';

type Status = 'submitted' | 'reviewing' | 'paid' | 'rejected';
export interface OrderClaim {
  id: string; claimNo: string; source: 'incident' | 'dispute'; amountFen: number; coverFen: number; status: Status; description: string;
  documentUrls: string[]; createdAt: string; decidedAt: string | null; decisionReason: string;
  payout: { entryKey: string; entryId: string; postedAt: string; amountFen: number; lines: { account: string; amountFen: number }[] } | null;
}
interface ClaimsAnswer {
  coverFen: number; remainingFen: number; disputed: boolean; canFile: boolean; reasons: string[];
  incidents: { id: string; incidentNo: string; status: string; note: string; createdAt: string }[];
  items: OrderClaim[];
}

const COLORS: Record<Status, string> = { submitted: 'primary', reviewing: 'warning', paid: 'success', rejected: 'danger' };
const TEXT = {
  section: ['保险理赔', 'Insurance claim'],
  cover: ['本单意外险保额 {cover}，剩余可赔 {remaining}', 'Accident cover {cover}; {remaining} left to claim'],
  apply: ['申请理赔', 'File a claim'],
  'status.submitted': ['已提交，等待审核', 'Submitted, awaiting review'],
  'status.reviewing': ['审核中', 'Under review'],
  'status.paid': ['已赔付', 'Paid'],
  'status.rejected': ['未通过', 'Rejected'],
  amount: ['理赔金额', 'Amount'],
  reason: ['处理意见', 'Decision'],
  payout: ['赔付记账', 'Payout entry'],
  payoutText: ['{amount} 已由保险账户赔付给您 · 凭证 {key}', '{amount} paid to you from the insurance account · entry {key}'],
  filedAt: ['提交时间', 'Filed'],
  source: ['理赔依据', 'Based on'],
  'source.incident': ['紧急求助记录', 'SOS incident'],
  'source.dispute': ['售后纠纷', 'After-sales dispute'],
  incident: ['求助记录', 'Incident'],
  amountYuan: ['理赔金额（元）', 'Amount (yuan)'],
  amountHint: ['不超过 {max}', 'At most {max}'],
  description: ['事故经过与损失', 'What happened and the loss'],
  documents: ['材料照片（伤情、票据等，最多 9 张）', 'Photos (injury, receipts; up to 9)'],
  tooMany: ['最多 9 张', 'Up to 9 photos'],
  tooLarge: ['图片不能超过 8 MB', 'Photos must be at most 8 MB'],
  submit: ['提交理赔', 'Submit claim'],
  sent: ['理赔已提交', 'Claim submitted'],
  required: ['请填写{label}', 'Enter the {label}'],
} as const;

/**
 * 保险理赔 on an insured order: each claim with its status, the decision's reason and, once paid, the ledger entry of
 * the payout; 申请理赔 from an SOS incident of the order or its after-sales dispute (with photos) when one may file.
 */
export function ClaimsCard({ orderId, version }: { orderId: string; version: string }) {
  const { lang } = useI18n();
  const tx = (k: keyof typeof TEXT, vars: Record<string, string | number> = {}) => (lang === 'en' ? TEXT[k][1] : TEXT[k][0]).replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''));
  const [open, setOpen] = useState(false);
  const loaded = useLoad((signal) => api<ClaimsAnswer>(`/api/orders/${orderId}/claims`, { signal }), [orderId, version]);
  const c = loaded.data;
  if (!c || !c.coverFen) return null;
  if (!c.items.length && !c.canFile) return null;
  return (
    <section className="m-section" data-testid="order-claims">
      <div className="m-section-title">{tx('section')}</div>
      <p className="m-order-muted">{tx('cover', { cover: formatFen(c.coverFen), remaining: formatFen(c.remainingFen) })}</p>
      {c.items.map((claim) => (
        <div key={claim.id} data-testid="order-claim" data-status={claim.status} style={{ marginBottom: 8 }}>
          <dl className="m-order-rows">
            <div><dt>{claim.claimNo}</dt><dd><Tag color={COLORS[claim.status]} data-testid="claim-status">{tx(`status.${claim.status}`)}</Tag></dd></div>
            <div><dt>{tx('amount')}</dt><dd>{formatFen(claim.amountFen)}</dd></div>
            <div><dt>{tx('source')}</dt><dd>{tx(`source.${claim.source}`)}</dd></div>
            <div><dt>{tx('filedAt')}</dt><dd>{formatDateTime(claim.createdAt, lang)}</dd></div>
            {claim.decisionReason && <div><dt>{tx('reason')}</dt><dd data-testid="claim-reason">{claim.decisionReason}</dd></div>}
            {claim.payout && <div><dt>{tx('payout')}</dt><dd data-testid="claim-payout">{tx('payoutText', { amount: formatFen(claim.payout.amountFen), key: claim.payout.entryKey })}</dd></div>}
          </dl>
        </div>
      ))}
      {c.canFile && <Button block color="primary" fill="outline" onClick={() => setOpen(true)} data-testid="claim-apply">{tx('apply')}</Button>}
      <Sheet visible={open} onClose={() => setOpen(false)}>
        <ClaimSheet orderId={orderId} options={c} tx={tx} onClose={() => setOpen(false)} onDone={() => { setOpen(false); loaded.reload(true); }} />
      </Sheet>
    </section>
  );
}

interface ClaimValues { source: 'incident' | 'dispute'; incidentId?: string; /** yuan as typed; the API's `amountFen` errors show here. */ amountFen: string; description: string; photos?: { key: string | number; url: string }[] }
/** A short stable hash of a text (FNV-1a), for Idempotency-Keys that follow the request body. */
export function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const FIELDS = ['source', 'incidentId', 'amountFen', 'description', 'photos'] as const;

function ClaimSheet({ orderId, options, tx, onClose, onDone }: {
  orderId: string; options: ClaimsAnswer; tx: (k: keyof typeof TEXT, vars?: Record<string, string | number>) => string; onClose: () => void; onDone: () => void;
}) {
  const [form] = Form.useForm<ClaimValues>();
  const [source, setSource] = useState<'incident' | 'dispute'>(options.incidents.length ? 'incident' : 'dispute');
  const [busy, setBusy] = useState(false);
  const { submitting, submit } = useFormSubmit(form, FIELDS, async (v: ClaimValues) => {
    const body = {
      source: v.source, ...(v.source === 'incident' ? { incidentId: v.incidentId } : {}),
      amountFen: yuanToFen(v.amountFen) ?? 0, description: (v.description ?? '').trim(), documentFileIds: photoFileIds(v.photos as never),
    };
    // The same claim sent twice (a double tap, a retry) is filed once; a corrected one is a new request.
    await api(`/api/orders/${orderId}/claims`, { body, headers: { 'Idempotency-Key': `claim-${orderId}-${hashOf(JSON.stringify(body))}` } });
    Toast.show({ icon: 'success', content: tx('sent') });
    onDone();
  });
  return (
    <div className="m-sheet" data-testid="claim-sheet">
      <div className="m-sheet-title">{tx('apply')}</div>
      <p className="m-order-muted">{tx('cover', { cover: formatFen(options.coverFen), remaining: formatFen(options.remainingFen) })}</p>
      <Form
        form={form} layout="vertical" onFinish={submit}
        initialValues={{ source, incidentId: options.incidents[0]?.id, amountFen: '', description: '', photos: [] }}
        onValuesChange={(changed: Partial<ClaimValues>) => {
          if (changed.source) setSource(changed.source);
          form.setFields(Object.keys(changed).map((name) => ({ name: name as never, errors: [] })));
        }}
        footer={<PopupButtons submitText={tx('submit')} onCancel={onClose} loading={submitting || busy} testId="claim-submit" />}
      >
        <Form.Item name="source" label={tx('source')}>
          <Radio.Group>
            <Space>
              {options.incidents.length > 0 && <Radio value="incident" data-testid="claim-source-incident">{tx('source.incident')}</Radio>}
              {options.disputed && <Radio value="dispute" data-testid="claim-source-dispute">{tx('source.dispute')}</Radio>}
            </Space>
          </Radio.Group>
        </Form.Item>
        {source === 'incident' && (
          <Form.Item name="incidentId" label={tx('incident')}>
            <Radio.Group>
              <Space direction="vertical">
                {options.incidents.map((i) => <Radio key={i.id} value={i.id}>{i.incidentNo} · {formatDateTime(i.createdAt, 'zh-CN')}{i.note ? ` · ${i.note}` : ''}</Radio>)}
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item name="amountFen" label={tx('amountYuan')} help={tx('amountHint', { max: formatFen(options.remainingFen) })} rules={[{ required: true, message: tx('required', { label: tx('amount') }) }]}>
          <Input id="claim-amount" type="number" inputMode="decimal" placeholder="0.00" />
        </Form.Item>
        <Form.Item name="description" label={tx('description')} rules={[{ required: true, message: tx('required', { label: tx('description') }) }]}>
          <TextArea id="claim-description" rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="photos" label={tx('documents')}>
          <PhotoField testId="claim-photos" endpoint="/api/claims/documents" max={9} tooManyText={tx('tooMany')} tooLargeText={tx('tooLarge')} onBusyChange={setBusy} />
        </Form.Item>
      </Form>
    </div>
  );
}
