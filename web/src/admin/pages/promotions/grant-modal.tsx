import { Alert, App, Input, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { AdminUserRow } from '../../../shared/types';
import { labelOr } from '../finance/finance-format';
import { PAGE_SIZE, usePaged } from '../../use-paged';
import type { Campaign, GrantResult } from './promotion-types';

const MAX_CUSTOMERS = 500;

/** 定向发放: pick customers from the user list (search by name, phone or e-mail; selections kept across pages), then one coupon each. */
export function GrantModal({ campaign, onClose }: { campaign: Campaign; onClose: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const paged = usePaged<AdminUserRow>('/api/admin/users', { q, role: 'customer' });
  const [selected, setSelected] = useState<AdminUserRow[]>([]);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<GrantResult | null>(null);

  async function grant() {
    setSending(true);
    try {
      const result = await api<GrantResult>(`/api/admin/coupon-campaigns/${campaign.id}/grant`, { body: { customerIds: selected.map((row) => row.id) } });
      setOutcome(result);
      const issued = result.results.filter((r) => r.couponId).length;
      const failed = result.results.length - issued;
      (failed ? message.warning : message.success)(t('promo.grant.done', { issued, failed }));
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    } finally {
      setSending(false);
    }
  }

  const columns: TableColumnsType<AdminUserRow> = [
    { title: t('users.name'), dataIndex: 'name', render: (name: string) => name || t('users.unnamed') },
    { title: t('users.phone'), dataIndex: 'phoneMasked', render: (value: string | null) => value ?? '—' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value, lang) },
    { title: t('users.status'), dataIndex: 'deletedAt', render: (value: string | null) => (value ? <Tag>{t('users.deleted')}</Tag> : <Tag color="green">{t('users.active')}</Tag>) },
  ];
  const nameOf = (id: string) => selected.find((row) => row.id === id)?.name || id.slice(0, 8);

  return (
    <Modal
      open
      width={760}
      title={t('promo.grant.title', { name: campaign.name })}
      okText={outcome ? t('promo.grant.finish') : t('promo.grant.submit', { count: selected.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'grant-ok', disabled: !outcome && (selected.length === 0 || selected.length > MAX_CUSTOMERS) }}
      cancelButtonProps={{ style: outcome ? { display: 'none' } : undefined }}
      confirmLoading={sending}
      onOk={() => (outcome ? onClose(true) : grant())}
      onCancel={() => onClose(Boolean(outcome))}
      destroyOnHidden
    >
      {outcome ? (
        <GrantOutcome outcome={outcome} nameOf={nameOf} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('promo.grant.intro', { rule: lang === 'en' ? campaign.rule.en : campaign.rule.zh })}</Typography.Paragraph>
          <Input.Search allowClear className="a-toolbar" placeholder={t('users.searchPlaceholder')} enterButton={t('common.search')} onSearch={(value) => setQ(value.trim())} data-testid="grant-search" />
          <Table<AdminUserRow>
            rowKey="id"
            size="small"
            data-testid="grant-customers"
            columns={columns}
            dataSource={paged.data?.items ?? []}
            loading={paged.loading}
            rowSelection={{
              preserveSelectedRowKeys: true,
              selectedRowKeys: selected.map((row) => row.id),
              onChange: (_keys, rows) => setSelected((before) => {
                const visible = new Set((paged.data?.items ?? []).map((row) => row.id));
                const kept = before.filter((row) => !visible.has(row.id));
                return [...kept, ...rows.filter((row): row is AdminUserRow => Boolean(row) && visible.has(row.id))];
              }),
              getCheckboxProps: (row) => ({ disabled: Boolean(row.deletedAt) }),
            }}
            pagination={{ current: paged.page, pageSize: PAGE_SIZE, total: paged.data?.total ?? 0, showSizeChanger: false, onChange: paged.setPage }}
          />
          {selected.length > MAX_CUSTOMERS && <Alert type="warning" showIcon title={t('promo.grant.tooMany', { max: MAX_CUSTOMERS })} />}
        </>
      )}
    </Modal>
  );
}

function GrantOutcome({ outcome, nameOf }: { outcome: GrantResult; nameOf: (id: string) => string }) {
  const { t } = useI18n();
  const issued = outcome.results.filter((r) => r.couponId).length;
  const failed = outcome.results.filter((r) => !r.couponId);
  return (
    <div data-testid="grant-outcome" data-issued={issued} data-failed={failed.length}>
      <Alert type={failed.length ? 'warning' : 'success'} showIcon title={t('promo.grant.done', { issued, failed: failed.length })} className="a-toolbar" />
      {failed.length > 0 && (
        <ul>
          {failed.map((r) => (
            <li key={r.customerId}>
              {nameOf(r.customerId)}: {labelOr(t, `promo.grant.error.${r.error}`, r.error ?? '')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
