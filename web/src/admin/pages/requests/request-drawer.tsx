import { UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Image, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { durationText, visitText } from '../../../shared/city-days';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { budgetText, explanationOf, localized, windowText, type AdminRequestDetail, type Answer, type Invitation } from '../../../shared/request-types';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { scoreText } from '../orders/dispatch-types';
import { InviteModal } from './invite-modal';
import { STATUS_COLORS } from './status-colors';

/** One request (`GET /api/admin/requests/:id`, the district only): what was asked, every invitation and why, the quotes; 手动邀请 with `orders:write`. */
export function RequestDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const navigate = useNavigate();
  const loaded = useLoad((signal) => api<AdminRequestDetail>(`/api/admin/requests/${encodeURIComponent(id)}`, { signal }), [id]);
  const [inviting, setInviting] = useState(false);
  const r = loaded.data;

  const invitationColumns: TableColumnsType<Invitation> = [
    {
      title: t('areq.inv.worker'), key: 'worker', width: 130, render: (_, i) => (
        <Space size={4}>
          <span data-testid="areq-invitation-worker" data-worker-id={i.worker.id}>{i.worker.name || i.worker.id.slice(0, 8)}</span>
          {i.answered && <Tag color="green">{t('areq.inv.answered')}</Tag>}
        </Space>
      ),
    },
    { title: t('areq.inv.round'), dataIndex: 'round', width: 70, render: (round: number) => t('areq.inv.roundN', { round }) },
    { title: t('areq.inv.distance'), dataIndex: 'distanceKm', width: 80, align: 'right', render: (km: number | null) => (km === null ? '—' : t('areq.km', { km: km.toFixed(1) })) },
    { title: t('areq.inv.score'), dataIndex: 'score', width: 70, align: 'right', render: (score: number | null) => scoreText(score) },
    { title: t('areq.inv.explanation'), key: 'explanation', render: (_, i) => { const text = explanationOf(i.explanation); return text ? <div className="a-dispatch-explanation">{localized(lang, text)}</div> : '—'; } },
    {
      title: t('areq.inv.by'), key: 'by', width: 130, render: (_, i) => (
        <Space direction="vertical" size={0}>
          <span data-testid="areq-invitation-by" data-manual={i.invitedBy ? 'true' : 'false'}>{i.invitedBy ? t('areq.inv.byAdmin', { name: i.invitedBy }) : t('areq.inv.byMatching')}</span>
          <Typography.Text type="secondary">{formatDateTime(i.createdAt, lang)}</Typography.Text>
        </Space>
      ),
    },
  ];

  const answerColumns: TableColumnsType<Answer> = [
    {
      title: t('areq.ans.worker'), key: 'worker', width: 140, render: (_, a) => (
        <Space direction="vertical" size={0}>
          <span data-testid="areq-answer-worker" data-worker-id={a.worker?.id ?? ''}>{a.worker?.name ?? '—'}</span>
          {a.worker?.distanceKm != null && <Typography.Text type="secondary">{t('areq.km', { km: a.worker.distanceKm.toFixed(1) })}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('areq.ans.lines'), key: 'lines', render: (_, a) => (
        <div>
          {a.lines.map((line, index) => (
            <div key={index}>
              <Tag color={line.kind === 'material' || line.kind === 'parts' ? 'orange' : 'blue'}>{t(`request.line.${line.kind}`)}</Tag>
              {line.description} · {line.quantity} × {formatFen(line.unitPriceFen)} = {formatFen(line.amountFen)}
            </div>
          ))}
          {a.message && <Typography.Text type="secondary">{t('areq.ans.message')}：{a.message}</Typography.Text>}
        </div>
      ),
    },
    { title: t('areq.ans.total'), dataIndex: 'totalFen', width: 90, align: 'right', render: (fen: number) => <strong data-testid="areq-answer-total">{formatFen(fen)}</strong> },
    { title: t('areq.ans.start'), key: 'start', width: 170, render: (_, a) => `${visitText(a.start, a.durationMinutes, lang)} · ${durationText(a.durationMinutes, lang)}` },
    { title: t('areq.ans.status'), dataIndex: 'status', width: 80, render: (status: string) => <Tag color={status === 'chosen' ? 'green' : status === 'open' ? 'blue' : 'default'}>{t(`request.answer.${status}`)}</Tag> },
  ];

  return (
    <Drawer open width={960} title={t('areq.detail')} onClose={onClose} destroyOnHidden data-testid="areq-drawer">
      {!r && !loaded.error && <Spin />}
      {loaded.error !== undefined && <Alert type="error" showIcon title={errorText(loaded.error, t('common.loadFailed'))} />}
      {r && (
        <div data-testid="areq-detail" data-status={r.status} data-id={r.id}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text strong copyable={{ text: r.requestNo }}>{r.requestNo}</Typography.Text>
            <Tag color={STATUS_COLORS[r.status]} data-testid="areq-detail-status">{t(`request.status.${r.status}`)}</Tag>
            {can('orders:write') && r.status === 'open' && (
              <Button icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="areq-invite">{t('areq.invite')}</Button>
            )}
          </Space>
          <Descriptions size="small" column={2} bordered items={[
            { key: 'category', label: t('areq.detail.category'), children: `${localized(lang, r.categoryName)} · ${localized(lang, r.itemName)}` },
            { key: 'district', label: t('areq.detail.district'), children: r.districtName || '—' },
            { key: 'description', label: t('areq.detail.description'), span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span> },
            ...(r.photoUrls.length > 0 ? [{
              key: 'photos', label: t('areq.detail.photos'), span: 2, children: (
                <Image.PreviewGroup>
                  <Space wrap>{r.photoUrls.map((url) => <Image key={url} src={url} width={64} height={64} style={{ objectFit: 'cover' }} />)}</Space>
                </Image.PreviewGroup>
              ),
            }] : []),
            { key: 'windows', label: t('areq.detail.windows'), children: r.windows.length ? r.windows.map((w) => <div key={w.start}>{windowText(w, lang)}</div>) : '—' },
            { key: 'budget', label: t('areq.detail.budget'), children: budgetText(r.budgetMinFen, r.budgetMaxFen, formatFen, t) ?? '—' },
            { key: 'needs', label: t('areq.detail.needs'), children: r.specialNeeds.length ? r.specialNeeds.map((need) => <Tag key={need}>{t(`request.need.${need}`)}</Tag>) : '—' },
            { key: 'notes', label: t('areq.detail.notes'), children: r.notes || '—' },
            { key: 'times', label: t('areq.detail.times'), children: `${formatDateTime(r.publishedAt, lang)} / ${formatDateTime(r.expiresAt, lang)}` },
            { key: 'first', label: t('areq.col.firstAnswer'), children: r.firstAnswerMinutes === null ? '—' : t('areq.minutes', { minutes: r.firstAnswerMinutes }) },
            r.orderId
              ? { key: 'order', label: t('areq.detail.order'), children: <Button size="small" type="link" style={{ padding: 0 }} onClick={() => navigate(`/orders?open=${encodeURIComponent(r.orderId!)}`)} data-testid="areq-order">{t('areq.detail.openOrder')}</Button> }
              : { key: 'reason', label: t('areq.detail.reason'), children: r.closedReason ? <span data-testid="areq-detail-reason">{r.closedReason.text || t(`request.reason.${r.closedReason.code}`)}</span> : '—' },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 20 }}>{t('areq.answers', { count: r.answers.length })}</Typography.Title>
          <Table<Answer>
            size="small"
            rowKey="id"
            columns={answerColumns}
            dataSource={r.answers}
            pagination={false}
            locale={{ emptyText: t('areq.noAnswers') }}
            data-testid="areq-answers-table"
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>{t('areq.invitations', { count: r.invitations.length })}</Typography.Title>
          <Table<Invitation>
            size="small"
            rowKey={(i) => i.worker.id}
            columns={invitationColumns}
            dataSource={r.invitations}
            pagination={false}
            locale={{ emptyText: t('areq.noInvitations') }}
            data-testid="areq-invitations"
          />
        </div>
      )}
      {inviting && r && (
        <InviteModal
          requestId={r.id}
          invited={r.invitations.map((i) => i.worker.id)}
          onClose={(done) => {
            setInviting(false);
            if (done) {
              loaded.reload(true);
              onChanged();
            }
          }}
        />
      )}
    </Drawer>
  );
}
