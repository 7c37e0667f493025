import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../shared/api';
import { formatDateTime, formatTime } from '../../../shared/format';
import { translate, useI18n, type Messages } from '../../../shared/i18n';
import type { AdminTrail } from '../../../shared/tracking-types';
import { TrailMap } from '../../../shared/trail-map';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { orderErrorText } from './order-format';
import { TrailRetentionButton } from './trail-retention';

const TEXT: Messages = {
  title: ['位置轨迹', 'Location trail'],
  live: ['记录中', 'Recording'],
  empty: ['暂无轨迹：师傅出发后（上门中、服务中）才会记录位置', 'No trail: positions are recorded only after the worker sets off (on the way, in service)'],
  points: ['轨迹点', 'Fixes'],
  span: ['时间', 'Time'],
  travelled: ['轨迹长度', 'Path length'],
  departed: ['出发', 'Set off'],
  checkIn: ['签到', 'Checked in'],
  checkInAt: ['{time}，距服务地址 {distance} 米', '{time}, {distance} m from the address'],
  farReason: ['原因：{reason}', 'Reason: {reason}'],
  noCheckIn: ['未签到', 'Not checked in'],
  latest: ['最新位置', 'Latest'],
  latestAt: ['{time}（精度 ±{accuracy} 米）', '{time} (±{accuracy} m)'],
  address: ['服务地址', 'Address'],
  retention: ['轨迹保留 {days} 天后自动删除；查看记录写入审计日志', 'Kept {days} days, then deleted; each view is audited'],
  refresh: ['刷新', 'Refresh'],
  sos: ['求助位置', 'SOS here'],
};

/** While the order is recorded, the console looks again every minute (the phone reports about once a minute). */
const REFRESH_MS = 60_000;

/**
 * 位置轨迹 of an order (`GET /api/admin/orders/:id/trail`) for the dispute desk (order drawer) and the SOS desk:
 * the trail's polyline with times, the service address and the check-in point, drawn without map tiles.
 */
export function TrailSection({ orderId, sos = null, testId = 'order-trail' }: { orderId: string; sos?: { lat: number; lng: number } | null; testId?: string }) {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const tr = (key: string, vars?: Record<string, string | number>) => translate(TEXT, lang, key, vars);
  const loaded = useLoad((signal) => api<AdminTrail>(`/api/admin/orders/${encodeURIComponent(orderId)}/trail`, { signal }), [orderId]);
  const trail = loaded.data?.orderId === orderId ? loaded.data : undefined;
  const tracked = trail?.tracked ?? false;
  useEffect(() => {
    if (!tracked) return;
    const timer = window.setInterval(() => loaded.reload(true), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [tracked, loaded.reload]);

  return (
    <section data-testid={testId} data-points={trail?.points.length ?? ''}>
      <div className="a-toolbar" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {tr('title')}
        </Typography.Title>
        {tracked && <Tag color="blue">{tr('live')}</Tag>}
        <Tooltip title={tr('refresh')}>
          <Button size="small" icon={<ReloadOutlined />} onClick={() => loaded.reload(true)} aria-label={tr('refresh')} data-testid={`${testId}-refresh`} />
        </Tooltip>
      </div>
      {loaded.error !== undefined && !trail && <Alert type="error" showIcon title={t('common.loadFailed')} description={orderErrorText(t, loaded.error)} />}
      {!trail && loaded.error === undefined && <Skeleton active paragraph={{ rows: 3 }} />}
      {trail && (
        <>
          {trail.points.length === 0 && !trail.checkIn ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tr('empty')} />
          ) : (
            <div style={{ maxWidth: 640 }}>
              <TrailMap
                points={trail.points}
                address={trail.address}
                checkIn={trail.checkIn}
                sos={sos}
                labels={{ address: tr('address'), checkIn: tr('checkIn'), latest: tr('latest'), sos: tr('sos') }}
                testId={`${testId}-map`}
              />
            </div>
          )}
          <Descriptions size="small" column={2} style={{ marginTop: 12 }} data-testid={`${testId}-facts`}>
            <Descriptions.Item label={tr('points')}>
              <span data-testid={`${testId}-count`}>{trail.points.length}</span>
            </Descriptions.Item>
            <Descriptions.Item label={tr('travelled')}>{trail.travelledKm.toFixed(2)} km</Descriptions.Item>
            <Descriptions.Item label={tr('departed')}>{trail.departedAt ? formatDateTime(trail.departedAt, lang) : '—'}</Descriptions.Item>
            <Descriptions.Item label={tr('span')}>
              {trail.points.length ? `${formatTime(trail.points[0].recordedAt)} – ${formatTime(trail.points[trail.points.length - 1].recordedAt)}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={tr('checkIn')}>
              {trail.checkIn
                ? `${tr('checkInAt', { time: trail.checkIn.at ? formatDateTime(trail.checkIn.at, lang) : '—', distance: trail.checkIn.distanceM })}${trail.checkIn.farReason ? ` · ${tr('farReason', { reason: trail.checkIn.farReason })}` : ''}`
                : tr('noCheckIn')}
            </Descriptions.Item>
            <Descriptions.Item label={tr('latest')}>
              {trail.latest ? tr('latestAt', { time: formatDateTime(trail.latest.recordedAt, lang), accuracy: Math.round(trail.latest.accuracyM) }) : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-retention`}>
            {tr('retention', { days: trail.retentionDays })}
          </Typography.Text>
          {can('orders:write') && <TrailRetentionButton days={trail.retentionDays} onSaved={() => loaded.reload(true)} />}
        </>
      )}
    </section>
  );
}
