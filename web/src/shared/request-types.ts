// 自定义需求 (custom requests, docs/api-requests.md): a customer posts a need, invited workers answer with itemised
// quotes, the customer chooses one and it becomes an order. Money is integer fen; times ISO 8601 UTC.
import { cityDate, relativeDayText } from './city-days';
import { formatTime } from './format';
import type { Lang, Messages } from './i18n';

export type RequestStatus = 'draft' | 'open' | 'chosen' | 'expired' | 'cancelled';
export const REQUEST_STATUSES: RequestStatus[] = ['draft', 'open', 'chosen', 'expired', 'cancelled'];

export const SPECIAL_NEEDS = ['allergy', 'quiet_hours', 'pets', 'working_at_height', 'elderly_or_infant'] as const;
export type SpecialNeed = (typeof SPECIAL_NEEDS)[number];

export const LINE_KINDS = ['labour', 'parts', 'material', 'other'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export type AnswerStatus = 'open' | 'withdrawn' | 'chosen' | 'closed';
export type ClosedReasonCode = 'no_answer' | 'none_nearby' | 'all_busy' | 'not_chosen' | 'cancelled' | 'chosen';

export const MAX_REQUEST_PHOTOS = 9;
export const MAX_WINDOWS = 3;
export const MAX_QUOTE_LINES = 20;

/** A preferred time window: end > start, within 14 days. */
export interface TimeWindow {
  start: string;
  end: string;
}

/** What `POST /api/requests` and `PATCH /api/requests/:id` take. */
export interface RequestBody {
  categoryCode: string;
  /** The closest item (qualification and the order's item); default: the category's first. */
  itemCode?: string;
  /** 5..1000 characters. */
  description: string;
  /** ≤ 9, uploaded with POST /api/orders/photos. */
  photoFileIds?: string[];
  /** One of my addresses (required to publish). */
  addressId?: string;
  /** 1..3 windows (required to publish). */
  windows?: TimeWindow[];
  budgetMinFen?: number;
  budgetMaxFen?: number;
  specialNeeds?: SpecialNeed[];
  /** ≤ 300. */
  notes?: string;
}

export interface QuoteLine {
  kind: LineKind;
  description: string;
  quantity: number;
  unitPriceFen: number;
}

export interface Localized {
  zh: string;
  en: string;
}

export interface AnswerWorker {
  id: string;
  name: string;
  avatarUrl: string | null;
  ratingAvg: number;
  ratingCount: number;
  ordersDone: number;
  experienceYears: number;
  certificates: { kind: string; label: Localized }[];
  /** From the worker's invitation (null when unknown). */
  distanceKm: number | null;
}

/** A worker's quote for a request. */
export interface Answer {
  id: string;
  status: AnswerStatus;
  /** The answering worker's card (null on the worker's own answer, and if the profile is gone). */
  worker: AnswerWorker | null;
  /** Materials are their own lines (kind `material`). */
  lines: (QuoteLine & { amountFen: number })[];
  totalFen: number;
  start: string;
  durationMinutes: number;
  message: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClosedReason {
  code: ClosedReasonCode;
  text: string;
}

/** What every reader of a request sees of it (the server's presentRequestBase). */
interface RequestBase {
  id: string;
  requestNo: string;
  status: RequestStatus;
  categoryCode: string;
  categoryName: Localized;
  itemCode: string;
  itemName: Localized;
  description: string;
}

/** A request as its customer sees it. */
export interface CustomerRequest extends RequestBase {
  /** `/api/requests/:id/files/:fileId` each. */
  photoUrls: string[];
  districtName: string;
  address: { id: string | null; label: string; districtName: string } | null;
  windows: TimeWindow[];
  budgetMinFen: number | null;
  budgetMaxFen: number | null;
  specialNeeds: string[];
  notes: string;
  expiresAt: string | null;
  publishedAt: string | null;
  invitedCount: number;
  /** Open and chosen ones first, cheapest first; withdrawn ones are left out. Not in the list (see `answerCount`). */
  answers?: Answer[];
  /** In the list (`GET /api/requests`), instead of the answers. */
  answerCount?: number;
  orderId: string | null;
  closedReason: ClosedReason | null;
  createdAt: string;
}

/** `POST /api/requests/:id/choose` → the new order (待支付), paid with `POST /api/orders/:id/pay`. */
export interface ChooseResult {
  orderId: string;
}

// ---- worker ----

/** A request I was invited to: never the street address nor the customer's name or phone. */
export interface WorkerRequest extends RequestBase {
  photoUrls: string[];
  windows: TimeWindow[];
  districtName: string;
  distanceKm: number | null;
  budgetMinFen: number | null;
  budgetMaxFen: number | null;
  specialNeeds: string[];
  notes: string;
  expiresAt: string | null;
  publishedAt: string | null;
  closedReason: ClosedReason | null;
  myAnswer: Answer | null;
  /** The customer chose my answer: the order it became. */
  chosenMe: boolean;
  orderId: string | null;
}

/** `PUT /api/worker/requests/:id/answer`. */
export interface AnswerBody {
  lines: QuoteLine[];
  start: string;
  /** 30..720. */
  durationMinutes: number;
  message?: string;
}

// ---- console ----

export interface RequestSummary {
  open: number;
  published: number;
  /** Share of the published requests that got at least one answer, 0..1 (null before any was published). */
  answeredShare: number | null;
  medianFirstAnswerMinutes: number | null;
  expiredNoAnswer: number;
}

/** A row of 需求单 (codes only: the console names them from the catalogue). */
export interface AdminRequestRow {
  id: string;
  requestNo: string;
  status: RequestStatus;
  categoryCode: string;
  itemCode: string;
  districtName: string;
  publishedAt: string | null;
  expiresAt: string | null;
  invited: number;
  answers: number;
  firstAnswerMinutes: number | null;
  closedReason: ClosedReason | null;
  orderId: string | null;
}

export interface Invitation {
  worker: { id: string; name: string; ratingAvg: number };
  round: number;
  distanceKm: number | null;
  /** Dispatch's ranking score 0..1; null for an invitation by hand. */
  score: number | null;
  /** The ranking's explanation (`{zh, en}`); an invitation by hand has none. */
  explanation: unknown;
  /** The admin who invited by hand, or null for a matching round. */
  invitedBy: string | null;
  createdAt: string;
  answered: boolean;
}

export interface AdminRequestDetail extends Omit<CustomerRequest, 'address' | 'answers' | 'answerCount' | 'invitedCount'> {
  firstAnswerMinutes: number | null;
  invitations: Invitation[];
  answers: Answer[];
}

/** The ranking's explanation of an invitation, when it has one. */
export function explanationOf(value: unknown): Localized | null {
  return value && typeof value === 'object' && 'zh' in value && typeof (value as Localized).zh === 'string' ? (value as Localized) : null;
}

export interface RequestSettings {
  expiryHours: number;
  roundSize: number;
  targetAnswers: number;
  roundMinutes: number;
  maxRounds: number;
}

export function localized(lang: string, text: Localized | null | undefined): string {
  if (!text) return '';
  return lang === 'en' ? text.en || text.zh : text.zh;
}

/** Texts of the request states, special needs and line kinds, shared by the three apps. */
export const requestTypeMessages: Messages = {
  'request.status.draft': ['草稿', 'Draft'],
  'request.status.open': ['待选择', 'Open'],
  'request.status.chosen': ['已选定', 'Chosen'],
  'request.status.expired': ['已过期', 'Expired'],
  'request.status.cancelled': ['已取消', 'Cancelled'],
  'request.need.allergy': ['对清洁剂过敏', 'Allergic to cleaning agents'],
  'request.need.quiet_hours': ['需安静时段', 'Quiet hours'],
  'request.need.pets': ['家有宠物', 'Pets at home'],
  'request.need.working_at_height': ['高空作业', 'Working at height'],
  'request.need.elderly_or_infant': ['家有老人或婴儿', 'Elderly or infant at home'],
  'request.line.labour': ['人工', 'Labour'],
  'request.line.parts': ['配件', 'Parts'],
  'request.line.material': ['材料', 'Materials'],
  'request.line.other': ['其他', 'Other'],
  'request.answer.open': ['待选择', 'Open'],
  'request.answer.withdrawn': ['已撤回', 'Withdrawn'],
  'request.answer.chosen': ['已选中', 'Chosen'],
  'request.answer.closed': ['未选中', 'Not chosen'],
  'request.reason.no_answer': ['无人报价', 'Nobody answered'],
  'request.reason.none_nearby': ['附近没有合格师傅', 'No qualified worker nearby'],
  'request.reason.all_busy': ['师傅都没空', 'All workers busy'],
  'request.reason.not_chosen': ['未选择报价', 'No quote chosen'],
  'request.reason.cancelled': ['已取消', 'Cancelled'],
  'request.reason.chosen': ['已选择师傅并下单', 'A worker was chosen'],
  'requests.no': ['需求单号 {no}', 'Request {no}'],
  'request.budgetFrom': ['{min} 起', 'From {min}'],
  'request.budgetUpTo': ['{max} 以内', 'Up to {max}'],
};

/** A problem+json error's field as segments: `/windows/0/end`, `body.windows[0].end`, `windows.0.end` → `['windows', 0, 'end']`. */
export function errorPath(field: string): (string | number)[] {
  return field
    .replace(/^body[./]?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `3 小时 12 分` / `3 h 12 min` until a deadline (`ms` left, ≥ 0); under a minute `不到 1 分钟`. */
export function timeLeftText(ms: number, lang: string): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (lang === 'en') {
    if (minutes < 1) return 'under a minute';
    return [days ? `${days} d` : '', hours ? `${hours} h` : '', !days && rest ? `${rest} min` : ''].filter(Boolean).join(' ');
  }
  if (minutes < 1) return '不到 1 分钟';
  return [days ? `${days} 天` : '', hours ? `${hours} 小时` : '', !days && rest ? `${rest} 分` : ''].filter(Boolean).join(' ');
}

/** A budget range as text; null when none was given. */
export function budgetText(minFen: number | null, maxFen: number | null, format: (fen: number) => string, t: (key: string, vars?: Record<string, string>) => string): string | null {
  if (minFen !== null && maxFen !== null) return minFen === maxFen ? format(minFen) : `${format(minFen)}–${format(maxFen)}`;
  if (minFen !== null) return t('request.budgetFrom', { min: format(minFen) });
  if (maxFen !== null) return t('request.budgetUpTo', { max: format(maxFen) });
  return null;
}

/** `明天 12月8日 周二 09:00–12:00` in the city's zone (a window ending on a later day names that day too). */
export function windowText(window: TimeWindow, lang: Lang, now = new Date()): string {
  const today = cityDate(now);
  const startDay = cityDate(new Date(window.start));
  const endDay = cityDate(new Date(window.end));
  const end = endDay === startDay ? formatTime(window.end) : `${relativeDayText(endDay, today, lang)} ${formatTime(window.end)}`;
  return `${relativeDayText(startDay, today, lang)} ${formatTime(window.start)}–${end}`;
}
