import { Empty, Image, List, Popup, Steps, Tabs, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';
import { STATUS_COLORS, type MyComplaint, type MyComplaintDetail } from './complaint-types';

/** 我的 → 我的投诉: those I filed (state, outcome, replies, after-sales ruling) and those about me once ops acted. */
export function ComplaintsPage() {
  const { t } = useI18n();
  const [role, setRole] = useState<'filed' | 'against'>('filed');
  const [openId, setOpenId] = useState<string | null>(null);
  const loaded = useLoad((signal) => api<{ items: MyComplaint[]; total: number }>('/api/complaints', { query: { role, pageSize: 50 }, signal }), [role]);
  return (
    <SubPage title={t('complaint.mine')} back="/me">
      <Tabs activeKey={role} onChange={(key) => setRole(key as 'filed' | 'against')}>
        <Tabs.Tab title={<span data-testid="complaints-tab-filed">{t('complaint.tab.filed')}</span>} key="filed" />
        <Tabs.Tab title={<span data-testid="complaints-tab-against">{t('complaint.tab.against')}</span>} key="against" />
      </Tabs>
      <LoadState loaded={loaded}>
        {(data) => data.items.length === 0 ? <Empty description={t('complaint.empty')} /> : (
          <List mode="card" data-testid="my-complaints">
            {data.items.map((c) => <ComplaintItem key={c.id} c={c} onOpen={() => setOpenId(c.id)} />)}
          </List>
        )}
      </LoadState>
      <Popup visible={openId !== null} onMaskClick={() => setOpenId(null)} onClose={() => setOpenId(null)} destroyOnClose bodyStyle={{ maxHeight: '85vh', overflowY: 'auto' }}>
        {openId && <ComplaintDetail id={openId} />}
      </Popup>
    </SubPage>
  );
}

function ComplaintItem({ c, onOpen }: { c: MyComplaint; onOpen: () => void }) {
  const { t, lang } = useI18n();
  return (
    <List.Item
      onClick={onOpen}
      data-testid="my-complaint"
      data-status={c.status}
      prefix={<Tag color={STATUS_COLORS[c.status]} fill="outline">{t(`complaint.status.${c.status}`)}</Tag>}
      title={t('complaint.order', { no: c.orderNo, item: c.itemName })}
      description={
        <>
          {c.description && <div style={{ whiteSpace: 'pre-wrap' }}>{c.description}</div>}
          {c.outcome && <div data-testid="my-complaint-outcome" style={{ color: '#333' }}>{t('complaint.outcome', { text: c.outcome })}</div>}
          {!c.outcome && c.role === 'against' && <div>{t('complaint.aboutMeHint')}</div>}
          <div>{formatDateTime(c.createdAt, lang)}</div>
        </>
      }
    >
      {t(`complaint.category.${c.category}`)}
    </List.Item>
  );
}

function ComplaintDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const loaded = useLoad((signal) => api<MyComplaintDetail>(`/api/complaints/${encodeURIComponent(id)}`, { signal }), [id]);
  return (
    <div className="m-sheet" data-testid="complaint-detail">
      <LoadState loaded={loaded}>
        {(c) => (
          <>
            <div className="m-sheet-title">
              {t('complaint.detail')} · {t(`complaint.category.${c.category}`)} <Tag color={STATUS_COLORS[c.status]} fill="outline">{t(`complaint.status.${c.status}`)}</Tag>
            </div>
            <p className="m-order-muted" onClick={() => navigate(`/orders/${c.orderId}`)} style={{ color: '#1677ff' }}>{t('complaint.order', { no: c.orderNo, item: c.itemName })} · {t('complaint.viewOrder')}</p>
            {c.description && <p style={{ whiteSpace: 'pre-wrap' }}>{c.description}</p>}
            {c.evidenceUrls.length > 0 && (
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
                {c.evidenceUrls.map((u) => <Image key={u} src={u} width={64} height={64} fit="cover" style={{ borderRadius: 6 }} />)}
              </div>
            )}
            {c.outcome && <p data-testid="complaint-detail-outcome"><strong>{t('complaint.outcome', { text: c.outcome })}</strong></p>}
            {c.afterSales && (
              <p data-testid="complaint-detail-refund">
                {c.afterSales.arbitration
                  ? (c.afterSales.arbitration.refundFen > 0 ? t('complaint.refund', { amount: formatFen(c.afterSales.arbitration.refundFen) }) : t('complaint.ruledCompleted'))
                  : t('complaint.afterSalesPending')}
              </p>
            )}
            {c.status === 'submitted' && c.firstResponseDue && <p className="m-order-muted">{t('complaint.replyDue', { time: formatDateTime(c.firstResponseDue, lang) })}</p>}
            <Steps direction="vertical" current={c.timeline.length - 1}>
              {c.timeline.map((e, i) => (
                <Steps.Step key={i} title={t(`complaint.timeline.${e.action}`)} description={<>{formatDateTime(e.at, lang)}{e.note && e.action !== 'filed' ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div> : null}</>} />
              ))}
            </Steps>
          </>
        )}
      </LoadState>
    </div>
  );
}
