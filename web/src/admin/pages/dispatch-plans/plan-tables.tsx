import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatTime } from '../../../shared/format';
import { localName, useI18n } from '../../../shared/i18n';
import type { ApplyResult, PlanRoute, PlanStop, PlanUnassigned } from './plan-types';
import { colourOf } from './route-map';

/** One worker's ETA chain: leave, travel, arrive, wait, service, for each stop in order. */
function StopTable({ route }: { route: PlanRoute }) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<PlanStop> = [
    { title: t('plans.seq'), key: 'seq', width: 44, render: (_v, _s, i) => i + 1 },
    { title: t('plans.order'), dataIndex: 'orderNo', render: (no: string) => <span className="a-order-no">{no}</span> },
    { title: t('plans.item'), key: 'item', render: (_v, s) => localName(lang, { name: s.itemName, nameEn: s.itemNameEn }) },
    { title: t('plans.district'), key: 'district', render: (_v, s) => localName(lang, { name: s.districtName, nameEn: s.districtNameEn }) },
    { title: t('plans.leave'), dataIndex: 'leave', render: (at: string) => formatTime(at) },
    { title: t('plans.travel'), key: 'travel', render: (_v, s) => t('plans.kmMinutes', { km: s.travelKm, minutes: s.travelMinutes }) },
    {
      title: t('plans.arrive'), key: 'arrive',
      render: (_v, s) => (s.lateMinutes > 0 ? <Typography.Text type="danger">{formatTime(s.arrive)} · {t('plans.late', { minutes: s.lateMinutes })}</Typography.Text> : formatTime(s.arrive)),
    },
    { title: t('plans.wait'), dataIndex: 'waitMinutes', render: (m: number) => (m ? t('plans.minutes', { minutes: m }) : '—') },
    { title: t('plans.service'), key: 'service', render: (_v, s) => <strong>{formatTime(s.start)}–{formatTime(s.end)}</strong> },
    { title: t('plans.kind'), dataIndex: 'fixed', render: (fixed: boolean) => (fixed ? <Tag>{t('plans.kind.fixed')}</Tag> : <Tag color="orange">{t('plans.kind.planned')}</Tag>) },
  ];
  return <Table<PlanStop> rowKey="orderId" size="small" pagination={false} columns={columns} dataSource={route.stops} data-testid={`plan-stops-${route.workerId}`} />;
}

/** 师傅路线: one row per worker (out, back, jobs, travel), expanding into the stop-by-stop chain. */
export function RouteTable({ routes, onHover }: { routes: PlanRoute[]; onHover: (workerId: string | null) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<PlanRoute> = [
    {
      title: t('plans.worker'), dataIndex: 'workerName',
      render: (name: string, r, i) => (
        <span data-testid={`plan-route-${r.workerId}`}>
          <span className="a-plan-swatch" style={{ background: colourOf(i) }} /> {name} <Typography.Text type="secondary" className="a-plan-id">{r.workerId.slice(0, 8)}</Typography.Text>
        </span>
      ),
    },
    { title: t('plans.leaveHome'), dataIndex: 'leaveHome', render: (at: string) => formatTime(at) },
    { title: t('plans.returnHome'), dataIndex: 'returnHome', render: (at: string) => formatTime(at) },
    { title: t('plans.stops'), key: 'stops', render: (_v, r) => t('plans.stopsValue', { total: r.stops.length, planned: r.planned }) },
    { title: t('plans.routeKm'), key: 'km', render: (_v, r) => t('plans.kmMinutes', { km: r.travelKm, minutes: r.travelMinutes }) },
    { title: t('plans.work'), dataIndex: 'workMinutes', render: (m: number) => t('plans.minutes', { minutes: m }) },
  ];
  return (
    <Table<PlanRoute>
      rowKey="workerId"
      size="small"
      columns={columns}
      dataSource={routes}
      pagination={routes.length > 20 ? { pageSize: 20 } : false}
      expandable={{ expandedRowRender: (r) => <StopTable route={r} />, defaultExpandedRowKeys: routes.slice(0, 6).map((r) => r.workerId) }}
      onRow={(r) => ({ onMouseEnter: () => onHover(r.workerId), onMouseLeave: () => onHover(null) })}
      data-testid="plan-routes"
    />
  );
}

export function UnassignedTable({ items }: { items: PlanUnassigned[] }) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<PlanUnassigned> = [
    { title: t('plans.order'), dataIndex: 'orderNo', render: (no: string) => <span className="a-order-no">{no}</span> },
    { title: t('plans.item'), key: 'item', render: (_v, u) => localName(lang, { name: u.itemName, nameEn: u.itemNameEn }) },
    { title: t('plans.district'), key: 'district', render: (_v, u) => localName(lang, { name: u.districtName, nameEn: u.districtNameEn }) },
    { title: t('plans.service'), dataIndex: 'start', render: (at: string) => formatTime(at) },
    { title: t('plans.reason'), dataIndex: 'reason', render: (reason: string) => <span data-testid="plan-unassigned-reason">{t(`plans.reason.${reason}`)}</span> },
    { title: t('plans.eligible'), dataIndex: 'eligibleWorkers' },
  ];
  return <Table<PlanUnassigned> rowKey="orderId" size="small" pagination={false} columns={columns} dataSource={items} data-testid="plan-unassigned" />;
}

export function ResultsTable({ results }: { results: ApplyResult[] }) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<ApplyResult> = [
    { title: t('plans.order'), dataIndex: 'orderNo', render: (no: string) => <span className="a-order-no">{no}</span> },
    { title: t('plans.worker'), dataIndex: 'workerName' },
    { title: t('plans.service'), dataIndex: 'start', render: (at: string) => formatTime(at) },
    {
      title: t('plans.outcome'), key: 'outcome',
      render: (_v, r) => (
        <span data-testid={`plan-result-${r.orderNo}`} data-outcome={r.outcome}>
          {r.outcome === 'assigned' ? <Tag color="green">{t('plans.outcome.assigned')}</Tag> : <Tag color="red">{t('plans.outcome.conflict')}</Tag>}
          {r.message && <Typography.Text type="secondary">{lang === 'en' ? r.message.en : r.message.zh} ({r.code})</Typography.Text>}
        </span>
      ),
    },
  ];
  return <Table<ApplyResult> rowKey="orderId" size="small" pagination={false} columns={columns} dataSource={results} data-testid="plan-results" />;
}
