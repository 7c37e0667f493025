import { CarOutlined, CheckOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Popconfirm, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { addDays, cityDate } from '../../../shared/city-days';
import { formatDateTime } from '../../../shared/format';
import { localName, useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useOrderRefs } from '../orders/use-order-refs';
import './day-plans.css';
import type { DayPlan, PlanSummary } from './plan-types';
import { ResultsTable, RouteTable, UnassignedTable } from './plan-tables';
import { RouteMap } from './route-map';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUS_COLOUR = { proposed: 'orange', applied: 'green', discarded: 'default' } as const;

function Totals({ plan }: { plan: DayPlan }) {
  const { t } = useI18n();
  const items: [string, number][] = [
    ['plans.totals.orders', plan.totals.orders], ['plans.totals.planned', plan.totals.planned], ['plans.totals.fixed', plan.totals.fixed],
    ['plans.totals.unassigned', plan.totals.unassigned], ['plans.totals.workers', plan.totals.workersUsed], ['plans.totals.km', plan.totals.travelKm], ['plans.totals.minutes', plan.totals.travelMinutes],
  ];
  return (
    <Row gutter={[16, 8]} data-testid="plan-totals">
      {items.map(([key, value]) => (
        <Col key={key} xs={12} sm={8} md={6} lg={3}>
          <Statistic title={t(key)} value={value} />
        </Col>
      ))}
    </Row>
  );
}

/** 日程规划: pick a day → 生成方案 → review routes, map, totals and unassigned orders → 应用方案 with per-order results. */
export function DayPlansPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tomorrow = addDays(cityDate(new Date()), 1);
  const date = DAY.test(params.get('date') ?? '') ? params.get('date')! : tomorrow;
  const [categoryCode, setCategoryCode] = useState('');
  const [plan, setPlan] = useState<DayPlan | null>(null);
  const [busy, setBusy] = useState<'generate' | 'apply' | 'discard' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const { categories } = useOrderRefs();
  const history = useLoad((signal) => api<{ items: PlanSummary[] }>('/api/admin/dispatch/plans', { query: { date }, signal }), [date]);

  // Opening a day shows its newest plan, if any.
  useEffect(() => {
    setPlan(null);
    const latest = history.data?.items[0];
    if (!latest) return;
    const controller = new AbortController();
    api<DayPlan>(`/api/admin/dispatch/plans/${latest.id}`, { signal: controller.signal }).then(setPlan, () => undefined);
    return () => controller.abort();
  }, [history.data]);

  const run = async (kind: 'generate' | 'apply' | 'discard', call: () => Promise<DayPlan>) => {
    setBusy(kind);
    setError(null);
    try {
      setPlan(await call());
      history.reload(true);
    } catch (err) {
      setError(err);
      message.error(errorText(err, t('common.failed')));
    } finally {
      setBusy(null);
    }
  };
  const generate = () => run('generate', () => api<DayPlan>('/api/admin/dispatch/plans', { method: 'POST', body: { date, ...(categoryCode ? { categoryCode } : {}) } }));
  const apply = () => run('apply', () => api<DayPlan>(`/api/admin/dispatch/plans/${plan!.id}/apply`, { method: 'POST', body: {} }));
  const discard = () => run('discard', () => api<DayPlan>(`/api/admin/dispatch/plans/${plan!.id}/discard`, { method: 'POST', body: {} }));
  const assigned = plan?.applyResults?.filter((r) => r.outcome === 'assigned').length ?? 0;

  return (
    <div data-testid="day-plans-page" data-date={date} className="a-plan">
      <Typography.Paragraph type="secondary">{t('plans.intro')}</Typography.Paragraph>
      <div className="a-toolbar">
        <DatePicker
          value={dayjs(date)}
          allowClear={false}
          onChange={(value) => value && setParams({ date: value.format('YYYY-MM-DD') }, { replace: true })}
          aria-label={t('plans.date')}
          data-testid="plan-date"
        />
        <Select<string>
          value={categoryCode}
          onChange={setCategoryCode}
          style={{ width: 170 }}
          aria-label={t('plans.category')}
          data-testid="plan-category"
          options={[{ value: '', label: t('plans.allCategories') }, ...(categories.data ?? []).map((c) => ({ value: c.code, label: `${c.icon} ${localName(lang, c)}` }))]}
        />
        <Button type="primary" icon={<CarOutlined />} loading={busy === 'generate'} onClick={generate} data-testid="plan-generate">
          {t('plans.generate')}
        </Button>
        <span className="a-toolbar-spacer" />
        {plan?.status === 'proposed' && (
          <Space>
            <Button icon={<DeleteOutlined />} loading={busy === 'discard'} onClick={discard} data-testid="plan-discard">
              {t('plans.discard')}
            </Button>
            <Popconfirm title={t('plans.applyConfirm', { count: plan.totals.planned })} onConfirm={apply} okButtonProps={{ id: 'plan-apply-ok' }}>
              <Button type="primary" icon={<CheckOutlined />} loading={busy === 'apply'} disabled={!plan.totals.planned} data-testid="plan-apply">
                {t('plans.apply')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      {error !== null && <Alert type="error" showIcon className="a-toolbar" title={errorText(error, t('common.failed'))} />}
      {!plan && !history.loading && <Empty description={t('plans.none')} data-testid="plan-empty" />}
      {plan && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="plan" data-plan-id={plan.id} data-status={plan.status}>
          <Card size="small">
            <Space wrap className="a-plan-head">
              <Tag color={STATUS_COLOUR[plan.status]} data-testid="plan-status">{t(`plans.status.${plan.status}`)}</Tag>
              <Typography.Text type="secondary">{t('plans.createdBy', { name: plan.createdByName, at: formatDateTime(plan.createdAt, lang) })}</Typography.Text>
              {plan.appliedAt && <Typography.Text type="secondary">{t('plans.appliedBy', { name: plan.appliedByName ?? '', at: formatDateTime(plan.appliedAt, lang) })}</Typography.Text>}
              <Typography.Text type="secondary">{t('plans.solved', { ms: plan.stats.solveMs ?? 0, iterations: plan.stats.iterations ?? 0, workers: plan.stats.workersConsidered ?? 0 })}</Typography.Text>
            </Space>
            <Totals plan={plan} />
          </Card>
          {plan.applyResults && (
            <Card size="small" title={`${t('plans.results')} · ${t('plans.resultsSummary', { assigned, conflicts: plan.applyResults.length - assigned })}`}>
              <ResultsTable results={plan.applyResults} />
            </Card>
          )}
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              <Card size="small" title={t('plans.map')} extra={<Typography.Text type="secondary" className="a-plan-hint">{t('plans.mapHint')}</Typography.Text>}>
                <RouteMap routes={plan.routes} unassigned={plan.unassigned} highlight={highlight} />
              </Card>
            </Col>
            <Col xs={24} xl={11}>
              <Card size="small" title={`${t('plans.unassignedTitle')} (${plan.unassigned.length})`}>
                <UnassignedTable items={plan.unassigned} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('plans.routes')}>
            <RouteTable routes={plan.routes} onHover={setHighlight} />
          </Card>
        </Space>
      )}
    </div>
  );
}
