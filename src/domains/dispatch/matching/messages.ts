/** Bilingual texts for rejections and ranking explanations shown in the ops console. */
import type { Bilingual, FeatureName, MatchFacts, RejectionCode, RejectionReason } from './types';

const km = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '?');
const min = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : '?');
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Details some rejection messages quote. */
export interface RejectionDetails {
  status?: string;
  itemCode?: string;
  certificate?: string;
  expiresAt?: string | null;
  distanceKm?: number;
  radiusKm?: number;
  etaMinutes?: number;
  slackMinutes?: number;
}

const REJECTION_TEXT: Record<RejectionCode, (d: RejectionDetails) => Bilingual> = {
  duplicate_candidate: () => ({ zh: '候选人重复，已忽略', en: 'Duplicate candidate, ignored' }),
  not_approved: (d) => ({ zh: `服务者未通过审核（状态：${d.status}）`, en: `Worker is not approved (status: ${d.status})` }),
  suspended: () => ({ zh: '服务者已被暂停接单', en: 'Worker is suspended' }),
  offline: () => ({ zh: '服务者不在线', en: 'Worker is offline' }),
  missing_skill: (d) => ({ zh: `不具备该服务技能（${d.itemCode}）`, en: `Lacks the skill for ${d.itemCode}` }),
  missing_certificate: (d) => ({ zh: `缺少所需证书（${d.certificate}）`, en: `Missing the required certificate (${d.certificate})` }),
  certificate_expired: (d) => ({
    zh: `证书（${d.certificate}）在服务结束前过期（${d.expiresAt}）`,
    en: `Certificate ${d.certificate} expires before the service ends (${d.expiresAt})`,
  }),
  outside_radius: (d) => ({
    zh: `距离 ${km(d.distanceKm!)} 公里，超出服务范围 ${km(d.radiusKm!)} 公里`,
    en: `${km(d.distanceKm!)} km away, outside the ${km(d.radiusKm!)} km service radius`,
  }),
  not_free: () => ({ zh: '该时段已有安排或不在工作时间', en: 'Not free for the service window' }),
  previous_job_too_far: (d) => ({
    zh: `上一单结束后赶到需约 ${min(d.etaMinutes!)} 分钟（含缓冲），来不及（差 ${min(-d.slackMinutes!)} 分钟）`,
    en: `Needs about ${min(d.etaMinutes!)} min (with buffer) from the previous job; ${min(-d.slackMinutes!)} min short`,
  }),
};

/** A rejection reason with its bilingual message. */
export function rejection(code: RejectionCode, details: RejectionDetails = {}): RejectionReason {
  return { code, message: REJECTION_TEXT[code](details) };
}

export const FEATURE_LABELS: Record<FeatureName, Bilingual> = {
  proximity: { zh: '距离', en: 'distance' },
  rating: { zh: '评分', en: 'rating' },
  onTime: { zh: '准时率', en: 'on-time rate' },
  completion: { zh: '完成率', en: 'completion rate' },
  regular: { zh: '常客优先', en: 'regular-customer priority' },
  badges: { zh: '认证徽章', en: 'badges' },
  fairness: { zh: '今日接单量', en: "today's load" },
  newcomer: { zh: '新人扶持', en: 'newcomer boost' },
  acceptance: { zh: '近期拒单', en: 'recent declines' },
};

/** Inputs of one ranked explanation. */
export interface ExplanationInput {
  rank: number;
  score: number;
  facts: MatchFacts;
  ratingAvg: number;
  ratingCount: number;
  onTimeRate: number;
  todayOrders: number;
  recentDeclines: number;
  /** Features sorted by contribution, largest first. */
  strengths: FeatureName[];
  /** When not first: the score gap to rank 1 and the feature that lost the most. */
  behind?: { gap: number; feature: FeatureName | null };
  regularFirst: boolean;
}

/** "Why this worker" text: rank, score, key facts, strongest features and the gap to rank 1. */
export function explainRanked(x: ExplanationInput): Bilingual {
  const f = x.facts;
  const origin = { previous_job: ['上一单地点', 'previous job'], current: ['当前位置', 'current position'], home: ['常驻地', 'home base'] }[f.origin];
  const zh = [
    `第${x.rank}名，得分 ${x.score.toFixed(3)}`,
    `距${origin[0]} ${km(f.distanceKm)} 公里（约 ${min(f.etaMinutes)} 分钟${f.peak ? '，高峰期距离权重加大' : ''}）`,
    `评分 ${x.ratingAvg.toFixed(1)}（${x.ratingCount} 条，平滑后 ${f.smoothedRating.toFixed(2)}），准时率 ${pct(x.onTimeRate)}`,
    `今日已接 ${x.todayOrders} 单，近30天拒单 ${x.recentDeclines} 次`,
  ];
  const en = [
    `Rank ${x.rank}, score ${x.score.toFixed(3)}`,
    `${km(f.distanceKm)} km from ${origin[1]} (~${min(f.etaMinutes)} min${f.peak ? ', peak hour: distance weighs more' : ''})`,
    `rating ${x.ratingAvg.toFixed(1)} from ${x.ratingCount} (smoothed ${f.smoothedRating.toFixed(2)}), on time ${pct(x.onTimeRate)}`,
    `${x.todayOrders} orders today, ${x.recentDeclines} declines in 30 days`,
  ];
  if (f.isRegular) {
    zh.push(x.regularFirst ? '该客户的常客服务者，优先派单' : '该客户的常客服务者，加分');
    en.push(x.regularFirst ? "customer's regular well-rated worker: goes first" : "customer's regular well-rated worker: boosted");
  }
  if (f.isNewcomer) { zh.push('新人扶持期'); en.push('newcomer boost'); }
  const top = x.strengths.slice(0, 3);
  zh.push(`主要优势：${top.map((n) => FEATURE_LABELS[n].zh).join('、')}`);
  en.push(`strongest: ${top.map((n) => FEATURE_LABELS[n].en).join(', ')}`);
  const b = x.behind;
  if (b && b.gap > 0) {
    const lost = b.feature ? FEATURE_LABELS[b.feature] : null;
    zh.push(`落后第1名 ${b.gap.toFixed(3)} 分${lost ? `，主要差在${lost.zh}` : ''}`);
    en.push(`${b.gap.toFixed(3)} behind rank 1${lost ? `, mostly on ${lost.en}` : ''}`);
  } else if (b && b.feature === 'regular') {
    zh.push('第1名为该客户的常客服务者，常客优先');
    en.push("rank 1 is the customer's regular worker, who goes first");
  } else if (b) {
    zh.push('与第1名同分，按距离和编号排序');
    en.push('same score as the leader; ordered by distance, then id');
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
