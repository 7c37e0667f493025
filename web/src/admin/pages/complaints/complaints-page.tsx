import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Segmented, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { PagedTable } from '../../paged-table';
import { usePaged } from '../../use-paged';
import { useUrlState } from '../../use-url-state';
import { ComplaintDrawer } from './complaint-drawer';
import { SettingsModal } from './settings-modal';
import { CATEGORIES, STATUS_COLORS, STATUSES, type ComplaintRow } from './complaint-types';
import { SlaCell, useNow } from './sla-cell';
import { useAdminSession } from '../../session';

/**
 * 投诉处理 (`support:answer`): complaints by state (未结 first by deadline), category, overdue and mine, with a live SLA
 * clock per row; the detail in a drawer (`?open=<id>`) where ops claim, assign, reply, resolve (optionally with a
 * penalty), reject or hand the money question to after-sales. SLA settings for `orders:write`.
 */
export function ComplaintsPage() {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const { params, update } = useUrlState();
  const status = params.get('status') || 'open';
  const category = params.get('category') || '';
  const overdue = params.get('overdue') === '1';
  const mine = params.get('mine') === '1';
  const openId = params.get('open');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const now = useNow();
  const paged = usePaged<ComplaintRow>('/api/admin/complaints', {
    status: status === 'all' ? undefined : status, category: category || undefined, overdue: overdue || undefined, mine: mine || undefined,
  });

  const party = (p: ComplaintRow['filer']) => `${t(`complaints.party.${p.kind}`)}${p.kind !== 'qa' && p.name ? ` ${p.name}` : ''}`;
  const columns: TableColumnsType<ComplaintRow> = [
    {
      title: t('complaints.col.order'), key: 'order', render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Typography.Text copyable={{ text: c.orderNo }}>{c.orderNo}</Typography.Text>
          <Typography.Text type="secondary">{c.itemName}</Typography.Text>
        </Space>
      ),
    },
    { title: t('complaints.col.category'), key: 'category', width: 90, render: (_, c) => <Tag color={c.category === 'safety' ? 'red' : 'geekblue'} data-testid="complaint-category">{t(`complaints.category.${c.category}`)}</Tag> },
    { title: t('complaints.col.parties'), key: 'parties', render: (_, c) => <span>{party(c.filer)} → {party(c.against)}</span> },
    { title: t('complaints.col.status'), key: 'status', width: 90, render: (_, c) => <Tag color={STATUS_COLORS[c.status]} data-testid="complaint-status" data-status={c.status}>{t(`complaints.status.${c.status}`)}</Tag> },
    { title: t('complaints.col.owner'), key: 'owner', width: 110, render: (_, c) => c.owner?.name ?? <Typography.Text type="secondary">{t('complaints.noOwner')}</Typography.Text> },
    { title: t('complaints.col.sla'), key: 'sla', width: 220, render: (_, c) => <SlaCell sla={c.sla} now={now} escalated={!!(c.escalated.response || c.escalated.resolution) && c.sla.stage !== null} /> },
    { title: t('complaints.col.created'), key: 'created', width: 150, render: (_, c) => formatDateTime(c.createdAt, lang) },
    { title: t('common.actions'), key: 'actions', width: 80, render: (_, c) => <Button size="small" type="link" data-testid="complaint-open" onClick={() => update({ open: c.id })}>{t('complaints.open')}</Button> },
  ];

  return (
    <div data-testid="complaints-page">
      <Space className="a-toolbar" wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={status}
          onChange={(value) => update({ status: value === 'open' ? '' : String(value) })}
          options={['open', ...STATUSES, 'all'].map((s) => ({ value: s, label: <span data-testid={`complaints-tab-${s}`}>{t(`complaints.status.${s}`)}</span> }))}
        />
        <Select
          allowClear
          placeholder={t('complaints.filter.category')}
          style={{ width: 140 }}
          value={category || undefined}
          onChange={(value) => update({ category: value ?? '' })}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`complaints.category.${c}`) }))}
          data-testid="complaints-category"
        />
        <Checkbox checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? '1' : '' })} data-testid="complaints-overdue">
          <Badge status="error" text={t('complaints.filter.overdue')} />
        </Checkbox>
        <Checkbox checked={mine} onChange={(e) => update({ mine: e.target.checked ? '1' : '' })}>{t('complaints.filter.mine')}</Checkbox>
        <Button icon={<ReloadOutlined />} onClick={() => paged.reload()}>{t('complaints.refresh')}</Button>
        <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="complaints-settings">{t('complaints.settings')}</Button>
      </Space>
      <PagedTable paged={paged} columns={columns} testId="complaints-table" />
      {openId && <ComplaintDrawer id={openId} onClose={(changed) => { update({ open: '' }); if (changed) paged.reload(); }} onChanged={() => paged.reload()} />}
      {settingsOpen && <SettingsModal editable={can('orders:write')} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
