import { StarFill } from 'antd-mobile-icons';
import { api } from '../../shared/api';
import { cityDate, dayText } from '../../shared/city-days';
import { useI18n, type Messages } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { RatingBreakdown } from './worker-rate';

interface Rate { rateBp: number | null }
export interface Reputation {
  windowDays: number;
  rating: { average: number | null; score: number; count: number; defaultCount: number; histogram: { stars: number; count: number }[] };
  dimensions: { key: string; label: { zh: string; en: string }; average: number | null; count: number }[];
  onTime: Rate & { checkedIn: number };
  completion: Rate & { completed: number; failed: number };
  repeatCustomers: Rate & { customers: number; repeatCustomers: number };
  complaints: Rate & { completed: number; complainedOrders: number };
  recentJobs: { item: { name: string; nameEn: string }; district: { name: string; nameEn: string }; completedAt: string; stars: number | null }[];
}

export const reputationMessages: Messages = {
  'reputation.title': ['口碑', 'Reputation'],
  'reputation.score': ['综合评分 {score}（{count} 条评价平滑后）', 'Score {score} (smoothed over {count} reviews)'],
  'reputation.noReviews': ['暂无评价，综合评分按平台均值 {score} 计', 'No reviews yet; scored at the city mean {score}'],
  'reputation.onTime': ['准时率', 'On time'],
  'reputation.completion': ['履约率', 'Completion'],
  'reputation.repeat': ['回头客', 'Repeat customers'],
  'reputation.complaints': ['投诉率', 'Complaints'],
  'reputation.of': ['{n} 单', '{n} orders'],
  'reputation.ofCustomers': ['{n} 位客户', '{n} customers'],
  'reputation.none': ['暂无', 'None yet'],
  'reputation.recent': ['最近服务', 'Recent jobs'],
  'reputation.window': ['近 {days} 天订单；评分来自全部有效评价（不含系统默认好评）', 'Orders of the last {days} days; ratings from every counted review (default marks excluded)'],
};

const percent = (bp: number | null) => (bp === null ? null : `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 1)}%`);

/** 口碑 on the worker profile: the smoothed score, dimensions, 5★…1★ bars and the rates, each with what it counts (抽检合格率 has its own card). */
export function ReputationCard({ workerId }: { workerId: string }) {
  const { t, lang } = useI18n();
  const loaded = useLoad((signal) => api<Reputation>(`/api/workers/${workerId}/reputation`, { signal }), [workerId]);
  const r = loaded.data;
  if (!r) return null;
  const figures: { key: string; label: string; value: string | null; basis: string }[] = [
    { key: 'on-time', label: t('reputation.onTime'), value: percent(r.onTime.rateBp), basis: t('reputation.of', { n: r.onTime.checkedIn }) },
    { key: 'completion', label: t('reputation.completion'), value: percent(r.completion.rateBp), basis: t('reputation.of', { n: r.completion.completed + r.completion.failed }) },
    { key: 'repeat', label: t('reputation.repeat'), value: percent(r.repeatCustomers.rateBp), basis: t('reputation.ofCustomers', { n: r.repeatCustomers.customers }) },
    { key: 'complaints', label: t('reputation.complaints'), value: percent(r.complaints.rateBp), basis: t('reputation.of', { n: r.complaints.completed }) },
  ];
  return (
    <section className="m-reputation" data-testid="worker-reputation">
      <header>
        <strong>{t('reputation.title')}</strong>
        <span data-testid="reputation-score">
          <StarFill className="m-star" /> {r.rating.count > 0 ? t('reputation.score', { score: r.rating.score.toFixed(2), count: r.rating.count }) : t('reputation.noReviews', { score: r.rating.score.toFixed(2) })}
        </span>
      </header>
      {r.dimensions.some((d) => d.average !== null) && (
        <div className="m-reputation-dims" data-testid="reputation-dimensions">
          {r.dimensions.map((d) => (
            <div key={d.key}><span>{lang === 'en' ? d.label.en : d.label.zh}</span><strong>{d.average === null ? '—' : d.average.toFixed(1)}</strong></div>
          ))}
        </div>
      )}
      <RatingBreakdown rows={r.rating.histogram} />
      <div className="m-reputation-rates">
        {figures.map((f) => (
          <div key={f.key} data-testid={`reputation-${f.key}`}>
            <strong>{f.value ?? t('reputation.none')}</strong>
            <span>{f.label}</span>
            <small>{f.basis}</small>
          </div>
        ))}
      </div>
      {r.recentJobs.length > 0 && (
        <div className="m-reputation-recent" data-testid="reputation-recent">
          <strong>{t('reputation.recent')}</strong>
          {r.recentJobs.map((job) => (
            <div key={job.completedAt}>
              <span>{lang === 'en' ? job.item.nameEn : job.item.name} · {lang === 'en' ? job.district.nameEn : job.district.name}</span>
              <span>{dayText(cityDate(new Date(job.completedAt)), lang)}{job.stars !== null && <> · <StarFill className="m-star" /> {job.stars}</>}</span>
            </div>
          ))}
        </div>
      )}
      <p className="m-reputation-note">{t('reputation.window', { days: r.windowDays })}</p>
    </section>
  );
}
