import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Segmented, Space, Statistic, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { CategoryWithItems } from '../../../shared/catalog-types';
import { formatDateTime } from '../../../shared/format';
import { localName, useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { REQUEST_STATUSES, type AdminRequestRow, type RequestSummary } from '../../../shared/request-types';
import type { Page } from '../../../shared/types';
import { PagedTable } from '../../paged-table';
import { useAdminSession } from '../../session';
import { usePaged } from '../../use-paged';
import { useUrlState } from '../../use-url-state';
import { RequestDrawer } from './request-drawer';
import { RequestSettingsModal } from './settings-modal';
import { STATUS_COLORS } from './status-colors';

/** Reasons that mean nobody could or did quote: ops look at these. */
const UNANSWERED = ['none_nearby', 'all_busy', 'no_answer'];

/** `0.5` → `50%` (the API's share is 0..1). */
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * 需求单 (`orders:read`): custom requests by state with this city's figures on top (open now, the share that got a
 * quote, the median minutes to the first quote, those that expired unanswered); the detail in a drawer (`?open=<id>`)
 * with every invitation (round, distance, score, why, by whom), the quotes, and 手动邀请 (`orders:write`). The city's
 * request settings in a modal (saved with `orders:write`).
 */
export function RequestsPage() {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const { params, update } = useUrlState();
  const status = params.get('status') || 'open';
  const openId = params.get('open');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const paged = usePaged<AdminRequestRow>('/api/admin/requests', { status: status === 'all' ? undefined : status });
  const summary = (paged.data as (Page<AdminRequestRow> & { summary?: RequestSummary }) | undefined)?.summary;
  // The rows carry codes: the catalogue names them.
  const catalogue = useLoad((signal) => api<CategoryWithItems[]>('/api/catalog/categories', { signal }), []);
  const nameOf = (r: AdminRequestRow) => {
    const category = catalogue.data?.find((c) => c.code === r.categoryCode);
    const item = category?.items.find((i) => i.code === r.itemCode);
    return `${category ? localName(lang, category) : r.categoryCode} · ${item ? localName(lang, item) : r.itemCode}`;
  };

  const columns: TableColumnsType<AdminRequestRow> = [
    {
      title: t('areq.col.request'), key: 'request', render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text copyable={{ text: r.requestNo }} data-testid="areq-no">{r.requestNo}</Typography.Text>
          <Typography.Text type="secondary">{nameOf(r)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('areq.col.status'), key: 'status', width: 90, render: (_, r) => <Tag color={STATUS_COLORS[r.status]} data-testid="areq-status" data-status={r.status}>{t(`request.status.${r.status}`)}</Tag> },
    { title: t('areq.col.district'), key: 'district', width: 100, render: (_, r) => r.districtName || '—' },
    {
      title: t('areq.col.published'), key: 'published', width: 170, render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{formatDateTime(r.publishedAt, lang)}</span>
          <Typography.Text type="secondary">{formatDateTime(r.expiresAt, lang)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('areq.col.invited'), dataIndex: 'invited', width: 80, align: 'right' },
    { title: t('areq.col.answers'), dataIndex: 'answers', width: 70, align: 'right', render: (count: number) => <span data-testid="areq-answers">{count}</span> },
    { title: t('areq.col.firstAnswer'), dataIndex: 'firstAnswerMinutes', width: 100, align: 'right', render: (minutes: number | null) => (minutes === null ? '—' : t('areq.minutes', { minutes })) },
    {
      title: t('areq.col.reason'), key: 'reason', render: (_, r) => r.closedReason
        ? <Typography.Text type={UNANSWERED.includes(r.closedReason.code) ? 'warning' : 'secondary'} data-testid="areq-reason" data-code={r.closedReason.code}>{r.closedReason.text || t(`request.reason.${r.closedReason.code}`)}</Typography.Text>
        : '—',
    },
    { title: t('common.actions'), key: 'actions', width: 80, render: (_, r) => <Button size="small" type="link" data-testid="areq-open" onClick={() => update({ open: r.id })}>{t('areq.open')}</Button> },
  ];

  const figures: { key: string; value: string | number }[] = summary
    ? [
        { key: 'areq.summary.open', value: summary.open },
        { key: 'areq.summary.published', value: summary.published },
        { key: 'areq.summary.answeredShare', value: summary.answeredShare === null ? '—' : percent(summary.answeredShare) },
        { key: 'areq.summary.medianFirstAnswer', value: summary.medianFirstAnswerMinutes === null ? '—' : t('areq.minutes', { minutes: summary.medianFirstAnswerMinutes }) },
        { key: 'areq.summary.expiredNoAnswer', value: summary.expiredNoAnswer },
      ]
    : [];

  return (
    <div data-testid="requests-page">
      {figures.length > 0 && (
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="areq-summary">
          {figures.map((figure) => (
            <Col flex={1} key={figure.key}>
              <Card size="small">
                <Statistic title={t(figure.key)} value={figure.value} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Space className="a-toolbar" wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={status}
          onChange={(value) => update({ status: value === 'open' ? '' : String(value) })}
          options={[...REQUEST_STATUSES.filter((s) => s !== 'draft'), 'all'].map((s) => ({
            value: s,
            label: <span data-testid={`areq-tab-${s}`}>{t(s === 'all' ? 'areq.status.all' : `request.status.${s}`)}</span>,
          }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => paged.reload()}>{t('areq.refresh')}</Button>
        <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="areq-settings">{t('areq.settings')}</Button>
      </Space>
      <PagedTable paged={paged} columns={columns} testId="areq-table" />
      {openId && <RequestDrawer id={openId} onClose={() => update({ open: '' })} onChanged={() => paged.reload(true)} />}
      {settingsOpen && <RequestSettingsModal editable={can('orders:write')} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
