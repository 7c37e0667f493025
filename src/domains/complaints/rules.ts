/**
 * The pure rules of complaints: categories and their labels, the SLA deadlines a complaint gets when filed, and
 * where a complaint stands against them at a given instant. No I/O, no clock: the caller passes `now`.
 */
import type { ComplaintCategory, ComplaintStatus } from '../../db/types-complaints.js';

export const COMPLAINT_CATEGORIES = ['late', 'attitude', 'damage', 'loss', 'safety', 'overcharge', 'other'] as const satisfies readonly ComplaintCategory[];
export const CATEGORY_LABELS: Record<ComplaintCategory, { zh: string; en: string }> = {
  late: { zh: '迟到', en: 'Lateness' }, attitude: { zh: '态度', en: 'Attitude' }, damage: { zh: '损坏', en: 'Damage' },
  loss: { zh: '丢失', en: 'Loss' }, safety: { zh: '安全', en: 'Safety' }, overcharge: { zh: '乱收费', en: 'Overcharging' }, other: { zh: '其他', en: 'Other' },
};
export const STATUS_LABELS: Record<ComplaintStatus, { zh: string; en: string }> = {
  submitted: { zh: '待处理', en: 'Submitted' }, in_progress: { zh: '处理中', en: 'In progress' }, resolved: { zh: '已解决', en: 'Resolved' }, rejected: { zh: '已驳回', en: 'Rejected' },
};
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['submitted', 'in_progress'];

/** SLA hours per city; 安全 (safety) complaints have their own, shorter ones. `windowDays`: how long after the visit one may complain. */
export interface ComplaintSettings {
  firstResponseHours: number; resolutionHours: number; safetyFirstResponseHours: number; safetyResolutionHours: number; windowDays: number;
}
export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = { firstResponseHours: 4, resolutionHours: 48, safetyFirstResponseHours: 1, safetyResolutionHours: 12, windowDays: 30 };

/** Field problems of a settings change (empty when valid): hours 1–720, safety no longer than the others, window 1–180 days. */
export function settingsProblems(s: ComplaintSettings): { field: string; zh: string; en: string }[] {
  const out: { field: string; zh: string; en: string }[] = [];
  const hours = (field: keyof ComplaintSettings) => {
    const v = s[field];
    if (!Number.isInteger(v) || v < 1 || v > 720) out.push({ field, zh: '应为 1–720 小时', en: 'must be 1–720 hours' });
  };
  (['firstResponseHours', 'resolutionHours', 'safetyFirstResponseHours', 'safetyResolutionHours'] as const).forEach(hours);
  if (s.resolutionHours < s.firstResponseHours) out.push({ field: 'resolutionHours', zh: '解决时限不能短于首次响应时限', en: 'must not be shorter than the first-response time' });
  if (s.safetyResolutionHours < s.safetyFirstResponseHours) out.push({ field: 'safetyResolutionHours', zh: '解决时限不能短于首次响应时限', en: 'must not be shorter than the first-response time' });
  if (s.safetyFirstResponseHours > s.firstResponseHours) out.push({ field: 'safetyFirstResponseHours', zh: '安全类投诉的响应时限不能长于一般投诉', en: 'safety complaints must not wait longer than others' });
  if (s.safetyResolutionHours > s.resolutionHours) out.push({ field: 'safetyResolutionHours', zh: '安全类投诉的解决时限不能长于一般投诉', en: 'safety complaints must not wait longer than others' });
  if (!Number.isInteger(s.windowDays) || s.windowDays < 1 || s.windowDays > 180) out.push({ field: 'windowDays', zh: '应为 1–180 天', en: 'must be 1–180 days' });
  return out;
}

const HOUR = 3_600_000;

/** The deadlines a complaint gets when it is filed. */
export function slaDeadlines(category: ComplaintCategory, filedAt: Date, s: ComplaintSettings) {
  const safety = category === 'safety';
  return {
    firstResponseDue: new Date(filedAt.getTime() + (safety ? s.safetyFirstResponseHours : s.firstResponseHours) * HOUR),
    resolutionDue: new Date(filedAt.getTime() + (safety ? s.safetyResolutionHours : s.resolutionHours) * HOUR),
  };
}

export interface SlaInput { status: ComplaintStatus; firstResponseAt: Date | null; firstResponseDue: Date; resolutionDue: Date; closedAt: Date | null }
/**
 * Where a complaint stands: the deadline that runs now (first response until someone replied, then resolution),
 * milliseconds left (negative when overdue); closed complaints say whether they were closed in time.
 */
export function slaState(c: SlaInput, now: Date) {
  if (!OPEN_STATUSES.includes(c.status)) {
    const closedAt = c.closedAt ?? now;
    return { stage: null, due: null, msLeft: null, overdue: false, metResponse: !!c.firstResponseAt && c.firstResponseAt <= c.firstResponseDue, metResolution: closedAt <= c.resolutionDue };
  }
  const responseOpen = !c.firstResponseAt;
  const responseLeft = c.firstResponseDue.getTime() - now.getTime();
  const resolutionLeft = c.resolutionDue.getTime() - now.getTime();
  // The resolution deadline wins once it is the nearer one (or already passed).
  const stage: 'response' | 'resolution' = responseOpen && responseLeft <= resolutionLeft ? 'response' : 'resolution';
  const msLeft = stage === 'response' ? responseLeft : resolutionLeft;
  return {
    stage, due: stage === 'response' ? c.firstResponseDue : c.resolutionDue, msLeft, overdue: msLeft < 0 || (responseOpen && responseLeft < 0),
    metResponse: responseOpen ? (responseLeft >= 0 ? null : false) : c.firstResponseAt! <= c.firstResponseDue, metResolution: resolutionLeft >= 0 ? null : false,
  };
}

/** Which breaches a sweep at `now` must escalate (each once: already escalated ones are left out). */
export function breachesAt(c: SlaInput & { responseEscalatedAt: Date | null; resolutionEscalatedAt: Date | null }, now: Date): ('response' | 'resolution')[] {
  if (!OPEN_STATUSES.includes(c.status)) return [];
  const out: ('response' | 'resolution')[] = [];
  if (!c.firstResponseAt && !c.responseEscalatedAt && c.firstResponseDue < now) out.push('response');
  if (!c.resolutionEscalatedAt && c.resolutionDue < now) out.push('resolution');
  return out;
}

/** Every console move (claim, assign, reply, resolve, reject, 转售后) is for open complaints only. */
export const isOpen = (status: ComplaintStatus): boolean => OPEN_STATUSES.includes(status);
