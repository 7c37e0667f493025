import { Button, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { ComplaintSheet } from './complaint-sheet';
import { STATUS_COLORS, type OrderComplaints } from './complaint-types';

/**
 * The order page's 投诉 card: my complaints about this order with their state and outcome, and 投诉师傅 (customer) /
 * 投诉客户 (worker) while one may be filed. Shown once the order has a worker.
 */
export function ComplaintCard({ orderId, party }: { orderId: string; party: 'customer' | 'worker' }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const path = party === 'customer' ? `/api/orders/${encodeURIComponent(orderId)}/complaints` : `/api/worker/orders/${encodeURIComponent(orderId)}/complaints`;
  const loaded = useLoad((signal) => api<OrderComplaints>(path, { signal }), [path]);
  const [open, setOpen] = useState(false);
  const data = loaded.data;
  if (!data || (!data.canFile && data.items.length === 0 && data.reason !== 'open_complaint')) return null;
  const title = t(party === 'customer' ? 'complaint.fileAboutWorker' : 'complaint.fileAboutCustomer');
  return (
    <section className="m-section" data-testid="complaint-card">
      <div className="m-section-title">{t('complaint.cardTitle')}</div>
      {data.items.map((c) => (
        <div key={c.id} className="m-complaint-item" data-testid="order-complaint" data-status={c.status} onClick={() => navigate('/me/complaints')} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Tag color={STATUS_COLORS[c.status]} fill="outline">{t(`complaint.status.${c.status}`)}</Tag>{' '}
          <span>{t(`complaint.category.${c.category}`)}</span>
          {c.outcome && <div className="m-order-muted" data-testid="order-complaint-outcome">{t('complaint.outcome', { text: c.outcome })}</div>}
        </div>
      ))}
      {data.canFile ? (
        <>
          <p className="m-order-muted" style={{ fontSize: 12 }}>{t('complaint.cardHint')}</p>
          <Button block fill="outline" color="danger" onClick={() => setOpen(true)} data-testid="complaint-file">{title}</Button>
        </>
      ) : data.reason === 'open_complaint' ? null : data.reason === 'window_closed' ? <p className="m-order-muted">{t('complaint.windowClosed')}</p> : null}
      <ComplaintSheet endpoint={path} title={title} visible={open} onClose={() => setOpen(false)} onDone={() => { setOpen(false); loaded.reload(true); }} />
    </section>
  );
}
