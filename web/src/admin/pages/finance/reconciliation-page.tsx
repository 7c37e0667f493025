import { Alert, App, Button, DatePicker, Form, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { addDays, cityDate } from '../../../shared/city-days';
import { useI18n } from '../../../shared/i18n';
import { useAdminSession } from '../../session';
import type { Reconciliation } from './finance-types';

const PROVIDERS = ['wechat', 'alipay', 'card'] as const;

/** 对账: fetch a provider's statement of a local day and list where it differs from our payments. */
export function FinanceReconciliationPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const [provider, setProvider] = useState<(typeof PROVIDERS)[number]>('wechat');
  const [date, setDate] = useState(() => addDays(cityDate(new Date()), -1));
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<Reconciliation | null>(null);

  async function run() {
    setRunning(true);
    try {
      setResult(await api<Reconciliation>('/api/admin/finance/reconciliation', { body: { provider, date } }));
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    } finally {
      setRunning(false);
    }
  }

  return (
    <div data-testid="finance-reconciliation">
      <Typography.Paragraph type="secondary">{t('fin.rec.intro')}</Typography.Paragraph>
      {!can('finance:write') && <Alert type="info" showIcon title={t('fin.readOnly')} className="a-toolbar" />}
      <Form layout="inline" className="a-toolbar" disabled={!can('finance:write')}>
        <Form.Item label={t('fin.rec.provider')}>
          <Select value={provider} onChange={setProvider} style={{ width: 140 }} options={PROVIDERS.map((p) => ({ value: p, label: t(`fin.method.${p}`) }))} data-testid="rec-provider" />
        </Form.Item>
        <Form.Item label={t('fin.rec.date')}>
          <DatePicker id="rec-date" allowClear={false} value={dayjs(date)} onChange={(d: Dayjs | null) => d && setDate(d.format('YYYY-MM-DD'))} data-testid="rec-date" />
        </Form.Item>
        <Button type="primary" loading={running} onClick={run} data-testid="rec-run">
          {t('fin.rec.run')}
        </Button>
      </Form>
      {result && <ReconciliationResult result={result} />}
    </div>
  );
}

function ReconciliationResult({ result }: { result: Reconciliation }) {
  const { t } = useI18n();
  const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return (
    <div data-testid="rec-result" data-matched={result.matched} data-mismatches={result.mismatches.length}>
      <Space className="a-toolbar">
        <Tag color="green">{t('fin.rec.matched', { count: result.matched })}</Tag>
        <Tag color={result.mismatches.length ? 'red' : 'default'}>{t('fin.rec.mismatchCount', { count: result.mismatches.length })}</Tag>
      </Space>
      <Table
        rowKey={(m) => `${m.outTradeNo}-${m.kind}`}
        size="small"
        dataSource={result.mismatches}
        locale={{ emptyText: t('fin.rec.none') }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="rec-mismatches"
        columns={[
          { title: t('fin.payments.outTradeNo'), dataIndex: 'outTradeNo' },
          { title: t('fin.kind'), dataIndex: 'kind', render: (kind: string) => <Tag color="red">{t(`fin.rec.kind.${kind}`)}</Tag> },
          { title: t('fin.rec.ours'), dataIndex: 'ours', render: show },
          { title: t('fin.rec.theirs'), dataIndex: 'theirs', render: show },
        ]}
      />
    </div>
  );
}
