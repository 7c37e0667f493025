import { Alert, Button, Collapse, Empty, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useRef, type HTMLAttributes } from 'react';
import { api } from '../../../shared/api';
import { pick } from '../../../shared/catalog-types';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { AdminOrderView } from '../../../shared/order-types';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { scoreText, type DispatchDecision, type RankedWorker, type RejectedWorker, type ScoredCandidate } from './dispatch-types';
import { orderErrorText } from './order-format';
import './dispatch.css';

const MODE_COLORS = { chosen: 'green', grab: 'orange', assign: 'blue' } as const;

/**
 * Display names for worker ids. The decisions carry ids only (API gap), so names come from what the console may
 * read anyway: the order's own worker, the manual-assignment candidates (orders:write) and the workers of the
 * order's district (workers:read). Unknown ids are shown shortened.
 */
function useWorkerNames(order: AdminOrderView): Map<string, string> {
  const { can } = useAdminSession();
  const mayAssign = can('orders:write');
  const mayReadWorkers = can('workers:read');
  const districtCode = order.address.districtCode;
  // Loaded once per order (the candidates are only asked for while it waits for a worker).
  const loaded = useLoad(
    async (signal) => {
      const names = new Map<string, string>();
      const [candidates, district] = await Promise.all([
        mayAssign && order.status === 'paid' ? api<ScoredCandidate[]>(`/api/admin/orders/${order.id}/candidates`, { signal }).catch(() => []) : Promise.resolve([]),
        mayReadWorkers && districtCode
          ? api<{ items: { id: string; name: string }[] }>('/api/admin/workers', { query: { districtCode, pageSize: 100 }, signal }).catch(() => ({ items: [] }))
          : Promise.resolve({ items: [] }),
      ]);
      for (const worker of district.items) names.set(worker.id, worker.name);
      for (const worker of candidates) if (worker.name) names.set(worker.id, worker.name);
      return names;
    },
    [order.id, districtCode, mayAssign, mayReadWorkers],
  );
  const names = new Map(loaded.data);
  if (order.worker) names.set(order.worker.id, order.worker.name);
  return names;
}

function WorkerName({ id, names }: { id: string; names: Map<string, string> }) {
  const name = names.get(id);
  return (
    <Tooltip title={id}>
      <span data-testid="dispatch-worker-name">{name || <Typography.Text code>{id.slice(0, 8)}</Typography.Text>}</span>
    </Tooltip>
  );
}

/** 派单记录: every dispatch round (`GET …/dispatch`) — who was offered the order and why, and who was not and why. */
export function DispatchSection({ order }: { order: AdminOrderView }) {
  const { t, lang } = useI18n();
  // New rounds only happen while the order waits for a worker: look again when its timeline grows then (not on other changes).
  const revision = useRef(0);
  if (order.status === 'paid') revision.current = order.timeline.length;
  const decisions = useLoad((signal) => api<DispatchDecision[]>(`/api/admin/orders/${order.id}/dispatch`, { signal }), [order.id, revision.current]);
  const names = useWorkerNames(order);

  const rankedColumns = (round: DispatchDecision): TableColumnsType<RankedWorker> => [
    { title: t('dispatch.col.rank'), dataIndex: 'rank', width: 56, align: 'right' },
    {
      title: t('dispatch.col.worker'),
      key: 'worker',
      width: 150,
      render: (_value, row) => (
        <Space size={4} wrap>
          <WorkerName id={row.workerId} names={names} />
          {round.offered.includes(row.workerId) && <Tag color={MODE_COLORS[round.mode]}>{t('dispatch.offered')}</Tag>}
          {row.workerId === order.worker?.id && <Tag color="success">{t('dispatch.took')}</Tag>}
        </Space>
      ),
    },
    { title: t('dispatch.col.score'), dataIndex: 'score', width: 70, align: 'right', render: (score: number) => <span data-testid="dispatch-score">{scoreText(score)}</span> },
    {
      title: t('dispatch.col.distance'),
      key: 'distance',
      width: 110,
      render: (_value, row) => (
        <>
          <div>{t('order.candidate.km', { km: row.facts.distanceKm.toFixed(1) })}</div>
          <Typography.Text type="secondary" className="a-small">{t('dispatch.eta', { minutes: Math.round(row.facts.etaMinutes) })}</Typography.Text>
        </>
      ),
    },
    {
      title: t('dispatch.col.explanation'),
      key: 'explanation',
      render: (_value, row) => (
        <>
          <Space size={[4, 4]} wrap>
            {row.facts.isRegular && <Tag color="gold">{t('dispatch.regular')}</Tag>}
            {row.facts.isNewcomer && <Tag color="cyan">{t('dispatch.newcomer')}</Tag>}
            {row.facts.peak && <Tag>{t('dispatch.peak')}</Tag>}
          </Space>
          <div className="a-dispatch-explanation" data-testid="dispatch-explanation">
            {pick(lang, row.explanation)}
          </div>
        </>
      ),
    },
  ];

  const rejectedColumns: TableColumnsType<RejectedWorker> = [
    { title: t('dispatch.col.worker'), key: 'worker', width: 150, render: (_value, row) => <WorkerName id={row.workerId} names={names} /> },
    {
      title: t('dispatch.col.reasons'),
      key: 'reasons',
      render: (_value, row) => (
        <span data-testid="dispatch-rejected-reasons">{row.reasons.map((reason) => pick(lang, reason.message)).join('；')}</span>
      ),
    },
  ];

  const rounds = decisions.data ?? [];
  return (
    <section data-testid="order-dispatch">
      <div className="a-dispatch-head">
        <Typography.Title level={5}>{t('dispatch.section')}</Typography.Title>
        <Button size="small" type="link" onClick={() => decisions.reload()} data-testid="order-dispatch-refresh">
          {t('dispatch.refresh')}
        </Button>
      </div>
      {decisions.error !== undefined && (
        <Alert type="error" showIcon title={t('common.loadFailed')} description={orderErrorText(t, decisions.error)} action={<Button onClick={() => decisions.reload()}>{t('common.retry')}</Button>} />
      )}
      {decisions.data && rounds.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.none')} />}
      {rounds.length > 0 && (
        <Collapse
          size="small"
          defaultActiveKey={[String(rounds[rounds.length - 1]!.round)]}
          items={rounds.map((round) => ({
            key: String(round.round),
            label: (
              <Space wrap data-testid="dispatch-round" data-round={round.round} data-mode={round.mode}>
                <Typography.Text strong>{t('dispatch.round', { round: round.round })}</Typography.Text>
                <Tag color={MODE_COLORS[round.mode]}>{t(`dispatch.mode.${round.mode}`)}</Tag>
                <Typography.Text type="secondary">
                  {t('dispatch.roundSummary', { offered: round.offered.length, candidates: round.candidates, rejected: round.rejected.length })}
                </Typography.Text>
                <Typography.Text type="secondary" className="a-small">{formatDateTime(round.at, lang)}</Typography.Text>
              </Space>
            ),
            children: (
              <div data-testid={`dispatch-round-${round.round}`}>
                <Table<RankedWorker>
                  size="small"
                  rowKey="workerId"
                  data-testid="dispatch-ranked"
                  columns={rankedColumns(round)}
                  dataSource={round.ranked}
                  pagination={round.ranked.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
                  locale={{ emptyText: t('dispatch.noneRanked') }}
                  onRow={(row) => ({ 'data-worker-id': row.workerId, 'data-offered': round.offered.includes(row.workerId) ? 'yes' : 'no' }) as HTMLAttributes<HTMLElement>}
                />
                {round.rejected.length > 0 && (
                  <Collapse
                    ghost
                    size="small"
                    className="a-dispatch-rejected"
                    items={[
                      {
                        key: 'rejected',
                        label: t('dispatch.rejected', { count: round.rejected.length }),
                        children: (
                          <Table<RejectedWorker>
                            size="small"
                            rowKey="workerId"
                            data-testid="dispatch-rejected"
                            columns={rejectedColumns}
                            dataSource={round.rejected}
                            pagination={round.rejected.length > 8 ? { pageSize: 8, showSizeChanger: false, size: 'small' } : false}
                          />
                        ),
                      },
                    ]}
                  />
                )}
              </div>
            ),
          }))}
        />
      )}
    </section>
  );
}
