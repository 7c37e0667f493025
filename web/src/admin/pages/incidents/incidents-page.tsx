import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { formatLocation, type DeskIncident, type IncidentStatus } from './incident-types';
import { useIncidents } from './incidents-context';
import { ResolveIncidentModal } from './resolve-modal';
import { TrailSection } from '../orders/trail-section';
import './incidents.css';
import { useUrlState } from '../../use-url-state';

type Filter = 'active' | IncidentStatus | 'all';
const FILTERS: Filter[] = ['active', 'open', 'acknowledged', 'resolved', 'all'];
const STATUS_COLORS: Record<IncidentStatus, string> = { open: 'red', acknowledged: 'orange', resolved: 'green' };

/**
 * 紧急求助 (`orders:read`; 确认 and 处理完毕 need `orders:write`): the SOS incidents, by default those not yet
 * resolved (waiting first, then being handled), with who pressed (name, masked phone, customer or worker), when,
 * where (coordinates as text), the note, the linked order and the state. New incidents appear live and are marked
 * 新; `?incident=<id>` focuses one (the bell's `incident` links and the banner lead here).
 */
export function IncidentsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const navigate = useNavigate();
  const { params, update } = useUrlState();
  const incidents = useIncidents();
  const { active, fresh, version, seen } = incidents;
  const filter = (FILTERS as string[]).includes(params.get('status') ?? '') ? (params.get('status') as Filter) : 'active';
  const focus = params.get('incident');
  const mayHandle = can('orders:write');
  const withResolved = filter === 'resolved' || filter === 'all';
  const resolved = useLoad(
    (signal) => (withResolved ? api<{ items: DeskIncident[] }>('/api/admin/incidents', { query: { status: 'resolved' }, signal }).then((answer) => answer.items) : Promise.resolve(null)),
    [withResolved, version],
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [resolving, setResolving] = useState<DeskIncident | null>(null);

  const rows: DeskIncident[] | undefined = (() => {
    if (filter === 'active') return active;
    if (filter === 'open' || filter === 'acknowledged') return active?.filter((incident) => incident.status === filter);
    if (!resolved.data) return undefined; // kept while it reloads, so a live event does not blank the list
    return filter === 'resolved' ? resolved.data : active && [...active, ...resolved.data];
  })();
  const loading = rows === undefined && incidents.error === undefined && resolved.error === undefined;
  const focusMissing = Boolean(focus && rows && !rows.some((incident) => incident.id === focus));


  // A focused incident not in this list (e.g. already resolved): look for it among all of them.
  useEffect(() => {
    if (focusMissing && filter !== 'all') update({ status: 'all' });
    // `update` reads the current params; only a change of what is missing matters.
  }, [focusMissing, filter]);

  // The focused incident scrolls into view once listed, and is no longer new.
  const focusListed = Boolean(focus && rows?.some((incident) => incident.id === focus));
  useEffect(() => {
    if (!focus || !focusListed) return;
    seen(focus);
    document.querySelector(`[data-incident-id="${CSS.escape(focus)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focus, focusListed, seen]);

  function select(incident: DeskIncident) {
    update({ incident: incident.id });
    seen(incident.id);
  }

  function refused(error: unknown) {
    message.error(errorText(error, t('common.failed')));
    if (error instanceof ApiError && error.code === 'INCIDENT_STATE') incidents.reload();
  }

  async function acknowledge(incident: DeskIncident) {
    setBusy(incident.id);
    try {
      await api<DeskIncident>(`/api/admin/incidents/${incident.id}/acknowledge`, { body: {} });
      message.success(t('incident.acknowledged'));
      seen(incident.id);
      incidents.reload();
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<DeskIncident> = [
    {
      title: t('incident.col.no'),
      key: 'no',
      width: 190,
      render: (_value, row) => (
        <>
          <Space size={4} wrap>
            <Typography.Text strong className="a-mono">{row.incidentNo}</Typography.Text>
            {fresh.has(row.id) && (
              <Tag color="red" data-testid={`incident-fresh-${row.incidentNo}`}>
                {t('incident.fresh')}
              </Tag>
            )}
          </Space>
          <div className="a-small a-incident-trail" data-testid="incident-time">{formatDateTime(row.createdAt, lang)}</div>
        </>
      ),
    },
    {
      title: t('incident.col.who'),
      key: 'who',
      width: 150,
      render: (_value, row) => (
        <>
          <div>
            {row.userName || <Typography.Text type="secondary">{t('incident.unnamed')}</Typography.Text>}{' '}
            <Tag className="a-small" color={row.role === 'worker' ? 'blue' : 'purple'} data-testid="incident-role" data-role={row.role}>
              {t(`incident.role.${row.role}`)}
            </Tag>
          </div>
          <Typography.Text type="secondary" className="a-small">{row.userPhone ?? '—'}</Typography.Text>
        </>
      ),
    },
    {
      title: t('incident.col.location'),
      key: 'location',
      width: 230,
      render: (_value, row) => {
        const where = formatLocation(row.location);
        return (
          <>
            {where ? (
              <Typography.Text className="a-mono" copyable={{ text: where }} data-testid="incident-location">
                {where}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary" data-testid="incident-location">{t('incident.noLocation')}</Typography.Text>
            )}
            {row.orderId && (
              <div>
                <Button
                  type="link"
                  size="small"
                  className="a-link-inline"
                  onClick={(event) => {
                    event.stopPropagation();
                    navigate(`/orders?open=${encodeURIComponent(row.orderId!)}`);
                  }}
                  data-testid={`incident-order-${row.incidentNo}`}
                >
                  {t('incident.openOrder')}
                </Button>
              </div>
            )}
          </>
        );
      },
    },
    { title: t('incident.col.note'), dataIndex: 'note', render: (note: string) => (note ? <span className="a-pre" data-testid="incident-note">{note}</span> : '—') },
    {
      title: t('incident.col.status'),
      key: 'status',
      width: 190,
      render: (_value, row) => (
        <>
          <Tag color={STATUS_COLORS[row.status]} data-testid="incident-status" data-status={row.status}>
            {t(`incident.status.${row.status}`)}
          </Tag>
          {row.acknowledgedBy && (
            <div className="a-small a-incident-trail">{t('incident.ackBy', { name: row.acknowledgedBy, time: formatDateTime(row.acknowledgedAt, lang) })}</div>
          )}
          {row.resolvedBy && (
            <div className="a-small a-incident-trail">{t('incident.resolvedBy', { name: row.resolvedBy, time: formatDateTime(row.resolvedAt, lang) })}</div>
          )}
          {row.resolution && (
            <div className="a-pre a-small" data-testid="incident-resolution">
              {row.resolution}
            </div>
          )}
        </>
      ),
    },
    ...(mayHandle
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_value: unknown, row: DeskIncident) =>
              row.status === 'resolved' ? null : (
                <Space size={8} onClick={(event) => event.stopPropagation()}>
                  {row.status === 'open' && (
                    <Button type="primary" danger size="small" loading={busy === row.id} onClick={() => void acknowledge(row)} data-testid={`incident-ack-${row.incidentNo}`}>
                      {t('incident.acknowledge')}
                    </Button>
                  )}
                  <Button size="small" disabled={busy === row.id} onClick={() => setResolving(row)} data-testid={`incident-resolve-${row.incidentNo}`}>
                    {t('incident.resolve')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  const error = incidents.error ?? resolved.error;
  return (
    <div data-testid="incidents-page">
      <Typography.Paragraph type="secondary">{t('incident.intro')}</Typography.Paragraph>
      {!mayHandle && <Alert type="info" showIcon className="a-toolbar" title={t('incident.readOnly')} data-testid="incidents-read-only" />}
      <div className="a-toolbar">
        <Segmented<Filter>
          value={filter}
          onChange={(value) => update({ status: value === 'active' ? '' : value })}
          options={FILTERS.map((value) => ({
            value,
            label: (
              <span data-testid={`incidents-filter-${value}`}>
                {value === 'active' ? t('incident.filter.active') : value === 'all' ? t('incident.filter.all') : t(`incident.status.${value}`)}
              </span>
            ),
          }))}
        />
        <span className="a-toolbar-spacer" />
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            incidents.reload();
            resolved.reload();
          }}
          data-testid="incidents-refresh"
        >
          {t('incident.refresh')}
        </Button>
      </div>
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          className="a-toolbar"
          title={t('common.loadFailed')}
          description={errorText(error, '')}
          action={<Button onClick={() => (incidents.reload(), resolved.reload())}>{t('common.retry')}</Button>}
        />
      )}
      {focusMissing && filter === 'all' && <Alert type="warning" showIcon className="a-toolbar" title={t('incident.notFound')} data-testid="incident-not-found" />}
      <Table<DeskIncident>
        rowKey="id"
        size="middle"
        data-testid="incidents-table"
        columns={columns}
        dataSource={rows ?? []}
        loading={loading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filter === 'active' ? t('incident.emptyActive') : t('incident.empty')} /> }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        // The selected incident about an order shows the order's location trail (where the worker went, the address, the check-in).
        expandable={{
          showExpandColumn: false,
          expandedRowKeys: focus && rows?.some((row) => row.id === focus && row.orderId) ? [focus] : [],
          rowExpandable: (row) => Boolean(row.orderId),
          expandedRowRender: (row) => (row.orderId ? <TrailSection orderId={row.orderId} sos={row.location} testId="incident-trail" /> : null),
        }}
        rowClassName={(row) =>
          ['a-incident-row', `a-incident-${row.status}`, fresh.has(row.id) ? 'a-incident-fresh' : '', row.id === focus ? 'a-incident-focus' : ''].filter(Boolean).join(' ')
        }
        onRow={(row) =>
          ({
            onClick: () => select(row),
            'data-testid': `incident-${row.incidentNo}`,
            'data-incident-id': row.id,
            'data-status': row.status,
            'data-fresh': fresh.has(row.id) ? 'true' : 'false',
            'data-focused': row.id === focus ? 'true' : 'false',
          }) as HTMLAttributes<HTMLElement>
        }
      />
      {resolving && (
        <ResolveIncidentModal
          incident={resolving}
          onClose={(done) => {
            setResolving(null);
            if (done) {
              seen(resolving.id);
              incidents.reload();
              resolved.reload(true);
            }
          }}
          onRefused={refused}
        />
      )}
    </div>
  );
}
