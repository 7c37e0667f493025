import { fileUrl } from '../../platform/files.js';
import type { Lang } from '../../platform/i18n.js';
import type { RequestClosedReason } from '../../db/types-requests.js';
import type { AnswerRow, RequestRow } from './queries.js';

export const SPECIAL_NEEDS = ['allergy', 'quiet_hours', 'pets', 'working_at_height', 'elderly_or_infant'] as const;

const CERTIFICATE_LABELS: Record<string, { zh: string; en: string }> = {
  housekeeping: { zh: '家政服务员证', en: 'Housekeeping certificate' }, maternity: { zh: '母婴护理证', en: 'Maternity care certificate' },
  infant_care: { zh: '育婴师证', en: 'Infant carer certificate' }, elder_care: { zh: '养老护理员证', en: 'Elder care certificate' },
  electrician: { zh: '电工证', en: 'Electrician licence' }, health: { zh: '健康证', en: 'Health certificate' },
  locksmith_record: { zh: '开锁备案', en: 'Locksmith registration' }, other: { zh: '其他证书', en: 'Other certificate' },
};

const CLOSED_TEXT: Record<RequestClosedReason, { zh: string; en: string }> = {
  none_nearby: { zh: '附近暂无符合条件的师傅', en: 'No qualified worker covers the address' },
  all_busy: { zh: '附近的师傅在所选时间都已有安排', en: 'Every qualified worker nearby is busy at the chosen times' },
  no_answer: { zh: '受邀师傅均未报价', en: 'None of the invited workers quoted' },
  not_chosen: { zh: '未选择报价', en: 'No quote was chosen' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  chosen: { zh: '已选择师傅并下单', en: 'A worker was chosen and the order made' },
};

export const closedReason = (r: RequestRow, lang: Lang) =>
  r.closed_reason ? { code: r.closed_reason, text: CLOSED_TEXT[r.closed_reason][lang === 'en' ? 'en' : 'zh'] } : null;

export interface WorkerCardFacts {
  id: string; name: string; avatarUrl: string | null; ratingAvg: number; ratingCount: number; ordersDone: number; experienceYears: number;
  certificates: { kind: string }[];
}

export function presentAnswer(a: AnswerRow, worker: WorkerCardFacts | undefined, distanceKm: number | null) {
  return {
    id: a.id, status: a.status,
    worker: worker ? {
      id: worker.id, name: worker.name, avatarUrl: worker.avatarUrl, ratingAvg: worker.ratingAvg, ratingCount: worker.ratingCount, ordersDone: worker.ordersDone,
      experienceYears: worker.experienceYears, certificates: worker.certificates.map((c) => ({ kind: c.kind, label: CERTIFICATE_LABELS[c.kind] ?? CERTIFICATE_LABELS.other! })),
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    } : null,
    lines: a.lines, totalFen: a.total_fen, start: a.start_at.toISOString(), durationMinutes: a.duration_minutes, message: a.message,
    createdAt: a.created_at.toISOString(), updatedAt: a.updated_at.toISOString(),
  };
}

/** The parts of a request everyone allowed to see it may see (never the street address or the customer's contact). */
export function presentRequestBase(r: RequestRow, names: { category: { zh: string; en: string }; item: { zh: string; en: string }; district: string }, lang: Lang) {
  return {
    id: r.id, requestNo: r.request_no, status: r.status, categoryCode: r.category_code, categoryName: names.category, itemCode: r.item_code, itemName: names.item,
    description: r.description, photoUrls: r.photo_file_ids.map((f) => `/api/requests/${r.id}/files/${f}`), districtName: names.district,
    windows: r.windows, budgetMinFen: r.budget_min_fen, budgetMaxFen: r.budget_max_fen, specialNeeds: r.special_needs, notes: r.notes,
    expiresAt: r.expires_at?.toISOString() ?? null, publishedAt: r.published_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
    closedReason: closedReason(r, lang),
  };
}

export { fileUrl };
