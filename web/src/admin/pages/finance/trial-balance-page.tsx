import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { api, errorText } from '../../../shared/api';
import { formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { accountLabel, labelOr } from './finance-format';
import type { TrialBalance } from './finance-types';

/** 试算平衡: balances by account kind and by account; the total must be 0, accounts whose cache differs from the journal in red. */
export function FinanceTrialBalancePage() {
  const { t } = useI18n();
  const loaded = useLoad((signal) => api<TrialBalance>('/api/admin/finance/trial-balance', { signal }), []);
  const tb = loaded.data;
  const bad = new Set([...(tb?.mismatches ?? []), ...(tb?.negative ?? [])]);
  return (
    <div data-testid="finance-trial-balance">
      <div className="a-toolbar">
        <Typography.Text type="secondary">{t('fin.tb.intro')}</Typography.Text>
        <span className="a-toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={() => loaded.reload()}>
          {t('fin.refresh')}
        </Button>
      </div>
      {loaded.error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      {tb && (
        <>
          <Row gutter={16} className="a-block">
            <Col span={8}>
              <Card size="small">
                <Statistic title={t('fin.tb.total')} value={formatFen(tb.totalFen)} data-testid="trial-total" data-fen={tb.totalFen} />
                <Tag color={tb.totalFen === 0 ? 'green' : 'red'}>{t(tb.totalFen === 0 ? 'fin.tb.balanced' : 'fin.tb.unbalanced')}</Tag>
              </Card>
            </Col>
            <Col span={16}>
              <Alert
                type={bad.size ? 'error' : 'success'}
                showIcon
                title={bad.size ? t('fin.tb.mismatches', { count: bad.size }) : t('fin.tb.noMismatch')}
                description={bad.size ? [...bad].join(', ') : undefined}
                data-testid="trial-mismatches"
                data-count={bad.size}
              />
            </Col>
          </Row>
          <Card size="small" title={t('fin.tb.byKind')} className="a-block">
            <Table
              rowKey="kind"
              size="small"
              pagination={false}
              dataSource={tb.byKind}
              data-testid="trial-by-kind"
              columns={[
                { title: t('fin.kind'), dataIndex: 'kind', render: (kind: string) => `${labelOr(t, `fin.acct.${kind}`, kind)} (${kind})` },
                { title: t('fin.tb.balance'), dataIndex: 'balanceFen', align: 'right', render: (fen: number) => formatFen(fen) },
              ]}
            />
          </Card>
          <Card size="small" title={t('fin.tb.byAccount')}>
            <Table
              rowKey="code"
              size="small"
              dataSource={tb.accounts}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              rowClassName={(a) => (bad.has(a.code) ? 'a-row-danger' : '')}
              data-testid="trial-accounts"
              columns={[
                { title: t('fin.tb.account'), dataIndex: 'code', render: (code: string) => <span title={code}>{accountLabel(t, code)}</span> },
                { title: t('fin.tb.balance'), dataIndex: 'balanceFen', align: 'right', render: (fen: number) => formatFen(fen) },
                { title: t('fin.tb.derived'), dataIndex: 'derivedFen', align: 'right', render: (fen: number) => formatFen(fen) },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
