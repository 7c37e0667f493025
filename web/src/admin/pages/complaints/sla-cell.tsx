import { Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../shared/i18n';
import type { Sla } from './complaint-types';

/** The current time, ticking every `ms` (the SLA column counts down live). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/** "3 小时 12 分" / "2 天 4 小时" / "45 分钟" of a positive duration. */
export function useDuration() {
  const { t } = useI18n();
  return (ms: number) => {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    if (d > 0) return t('complaints.duration.dh', { d, h });
    if (h > 0) return t('complaints.duration.hm', { h, m });
    return t('complaints.duration.m', { m });
  };
}

/** The SLA cell: time left on the running clock, red once overdue; for closed ones whether they were in time. */
export function SlaCell({ sla, escalated, now }: { sla: Sla; escalated?: boolean; now: number }) {
  const { t } = useI18n();
  const duration = useDuration();
  if (!sla.stage || !sla.due) {
    const met = sla.metResolution !== false && sla.metResponse !== false;
    return <Typography.Text type={met ? 'success' : 'danger'} data-testid="complaint-sla" data-overdue="false">{t(met ? 'complaints.sla.met' : 'complaints.sla.missed')}</Typography.Text>;
  }
  const left = new Date(sla.due).getTime() - now;
  const stage = t(`complaints.sla.${sla.stage}`);
  const overdue = left < 0;
  return (
    <Space direction="vertical" size={0} data-testid="complaint-sla" data-overdue={String(overdue)}>
      <Typography.Text type={overdue ? 'danger' : left < 3_600_000 ? 'warning' : undefined} strong={overdue}>
        {t(overdue ? 'complaints.sla.overdue' : 'complaints.sla.left', { stage, time: duration(Math.abs(left)) })}
      </Typography.Text>
      {escalated && <Tag color="red" style={{ marginTop: 2 }}>{t('complaints.sla.escalated')}</Tag>}
    </Space>
  );
}

