import { Tag } from 'antd-mobile';
import { api } from '../../shared/api';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';

type Status = 'submitted' | 'reviewing' | 'paid' | 'rejected';
interface Claim { id: string; claimNo: string; amountFen: number; status: Status; decisionReason: string }

const COLORS: Record<Status, string> = { submitted: 'primary', reviewing: 'warning', paid: 'success', rejected: 'danger' };
const TEXT = {
  section: ['保险理赔', 'Insurance claim'],
  note: ['客户就本单申请了意外险理赔，由平台与保险公司处理，不从您的收入中扣除。', 'The customer claimed on this order\'s accident insurance; the platform and the insurer handle it, nothing comes out of your income.'],
  'status.submitted': ['已提交', 'Submitted'],
  'status.reviewing': ['审核中', 'Under review'],
  'status.paid': ['已赔付', 'Paid'],
  'status.rejected': ['未通过', 'Rejected'],
} as const;

/** 保险理赔 on the worker's order page: the claims on the order, their amount, status and the decision's reason. */
export function WorkerClaimsStatus({ orderId, version }: { orderId: string; version: string }) {
  const { lang } = useI18n();
  const tx = (k: keyof typeof TEXT) => (lang === 'en' ? TEXT[k][1] : TEXT[k][0]);
  const loaded = useLoad((signal) => api<{ items: Claim[] }>(`/api/worker/orders/${orderId}/claims`, { signal }), [orderId, version]);
  const items = loaded.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section className="m-section" data-testid="worker-order-claims">
      <div className="m-section-title">{tx('section')}</div>
      <p className="m-order-muted">{tx('note')}</p>
      {items.map((c) => (
        <div key={c.id} data-testid="worker-claim" data-status={c.status} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8, padding: '4px 0' }}>
          <span>{c.claimNo} · {formatFen(c.amountFen)}{c.decisionReason ? ` · ${c.decisionReason}` : ''}</span>
          <Tag color={COLORS[c.status]} style={{ flexShrink: 0, alignSelf: 'flex-start' }}>{tx(`status.${c.status}`)}</Tag>
        </div>
      ))}
    </section>
  );
}
