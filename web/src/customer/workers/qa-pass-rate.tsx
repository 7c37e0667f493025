import { List } from 'antd-mobile';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';

interface QaPassRate { passed: number; issues: number; unreachable: number; checked: number; rate: number | null }

const TEXT = {
  title: { zh: '平台抽检回访', en: 'Platform quality call-backs' },
  rate: { zh: '抽检合格率', en: 'QA pass rate' },
  basis: { zh: '回访 {checked} 单，合格 {passed} 单', en: '{passed} of {checked} calls passed' },
  unreachable: { zh: '，{n} 单未接通不计入', en: '; {n} unreachable not counted' },
  none: { zh: '暂无抽检结果', en: 'No call-backs yet' },
  note: { zh: '平台每周随机抽取已完成订单电话回访客户，结果公开', en: 'Each week the platform calls customers of randomly drawn completed orders; results are public' },
} as const;

const fill = (text: string, vars: Record<string, number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** 抽检合格率 on a worker's profile (seed 001 结果公开): passed / (passed + issue), unreachable calls apart. */
export function QaPassRateCard({ workerId }: { workerId: string }) {
  const { lang } = useI18n();
  const tx = (k: keyof typeof TEXT) => (lang === 'en' ? TEXT[k].en : TEXT[k].zh);
  const loaded = useLoad((signal) => api<QaPassRate>(`/api/workers/${workerId}/quality`, { signal }), [workerId]);
  const q = loaded.data;
  if (!q) return null;
  const value = q.rate === null ? null : `${(q.rate * 100).toFixed(q.rate * 1000 % 10 === 0 ? 0 : 1)}%`;
  return (
    <List mode="card" header={tx('title')} data-testid="worker-qa">
      <List.Item
        extra={<strong data-testid="worker-qa-rate" style={{ fontSize: 18, color: value ? '#00b578' : '#999' }}>{value ?? '—'}</strong>}
        description={<span data-testid="worker-qa-basis">{q.checked || q.unreachable ? `${fill(tx('basis'), { checked: q.checked, passed: q.passed })}${q.unreachable ? fill(tx('unreachable'), { n: q.unreachable }) : ''}` : tx('none')}</span>}
      >
        {tx('rate')}
      </List.Item>
      <List.Item><span style={{ fontSize: 12, color: '#999' }}>{tx('note')}</span></List.Item>
    </List>
  );
}
