/**
 * Who may review, follow up, reply and appeal, and when; what a review may contain. Pure: the
 * caller passes the rows, the actor and `now`. A refusal is a value with a stable code and a
 * zh/en message (user input never throws); the service layer turns it into problem+json.
 *
 * Windows are exact durations (N × 24 h from the instant), not calendar days: the same instant
 * ends the review window and makes the 系统默认好评 due, so the two can never both apply or both miss.
 */
import type { Text } from '../../../platform/i18n.js';

// ── Results ─────────────────────────────────────────────────────────────────────────────────

export type ReviewRuleCode =
  | 'REVIEW_NOT_ALLOWED'
  | 'ORDER_NOT_COMPLETED'
  | 'REVIEW_WINDOW_CLOSED'
  | 'ALREADY_REVIEWED'
  | 'FOLLOW_UP_NOT_ALLOWED'
  | 'FOLLOW_UP_WINDOW_CLOSED'
  | 'ALREADY_FOLLOWED_UP'
  | 'REPLY_NOT_ALLOWED'
  | 'ALREADY_REPLIED'
  | 'APPEAL_NOT_ALLOWED'
  | 'ALREADY_APPEALED'
  | 'APPEAL_CLOSED'
  | 'INVALID_STARS'
  | 'INVALID_TAG'
  | 'TOO_MANY_PHOTOS'
  | 'TEXT_TOO_LONG'
  | 'TEXT_REQUIRED';

export interface RuleRefusal {
  ok: false;
  code: ReviewRuleCode;
  /** The input field at fault, for a form to point at. */
  field?: string;
  message: Text;
}

export type RuleCheck = { ok: true } | RuleRefusal;
export type RuleValue<T> = { ok: true; value: T } | RuleRefusal;

const OK: { ok: true } = { ok: true };

function refuse(code: ReviewRuleCode, message: Text, field?: string): RuleRefusal {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, field, message };
}

// ── Settings and limits ─────────────────────────────────────────────────────────────────────

export interface ReviewSettings {
  /** Days after completion during which the customer may review; then the default mark is given. */
  reviewWindowDays: number;
  /** Days after the first review during which one 追评 may be added. */
  followUpWindowDays: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { reviewWindowDays: 15, followUpWindowDays: 30 };

export const MAX_REVIEW_PHOTOS = 9;
/** In characters as a person counts them (Unicode code points: an emoji or 𠮷 counts once). */
export const MAX_REVIEW_TEXT_CHARS = 500;

const DAY_MS = 86_400_000;

function addDays(at: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`${days} is not a whole number of days ≥ 0`);
  return new Date(at.getTime() + days * DAY_MS);
}

/** Last instant a review is accepted; also when the 系统默认好评 falls due. */
export function reviewWindowClosesAt(completedAt: Date, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS): Date {
  return addDays(completedAt, settings.reviewWindowDays);
}

/**
 * When an unreviewed order gets its 系统默认好评. The mark is given at this instant or after it,
 * never before: a review accepted at the same instant (window inclusive) wins because the job
 * checks for an existing review first.
 */
export function defaultReviewDueAt(completedAt: Date, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS): Date {
  return reviewWindowClosesAt(completedAt, settings);
}

/** Whether the default mark should be given now: completed, unreviewed, window over. */
export function isDefaultReviewDue(order: ReviewableOrder, hasReview: boolean, now: Date, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS): boolean {
  if (hasReview || !isCompleted(order) || order.completedAt === null) return false;
  return now.getTime() > defaultReviewDueAt(order.completedAt, settings).getTime();
}

export function followUpClosesAt(firstReviewAt: Date, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS): Date {
  return addDays(firstReviewAt, settings.followUpWindowDays);
}

// ── Tags ────────────────────────────────────────────────────────────────────────────────────

export type TagSentiment = 'positive' | 'negative';

export interface ReviewTag {
  code: string;
  label: Text;
}

export const POSITIVE_TAGS: readonly ReviewTag[] = [
  { code: 'punctual', label: { zh: '准时守约', en: 'On time' } },
  { code: 'thorough', label: { zh: '干活细致', en: 'Thorough' } },
  { code: 'friendly', label: { zh: '态度好', en: 'Friendly' } },
  { code: 'professional', label: { zh: '专业', en: 'Professional' } },
  { code: 'tidy', label: { zh: '收纳整齐', en: 'Tidy' } },
];

export const NEGATIVE_TAGS: readonly ReviewTag[] = [
  { code: 'late', label: { zh: '迟到', en: 'Late' } },
  { code: 'careless', label: { zh: '不细致', en: 'Careless' } },
  { code: 'rude', label: { zh: '态度差', en: 'Rude' } },
  { code: 'overcharged', label: { zh: '乱收费', en: 'Overcharged' } },
  { code: 'damaged', label: { zh: '损坏物品', en: 'Damaged belongings' } },
];

export const REVIEW_TAGS: Record<TagSentiment, readonly ReviewTag[]> = { positive: POSITIVE_TAGS, negative: NEGATIVE_TAGS };

/** 4–5 stars take praise, 1–2 stars criticism, 3 stars either. */
export function tagSentimentsFor(stars: number): readonly TagSentiment[] {
  if (stars >= 4) return ['positive'];
  if (stars <= 2) return ['negative'];
  return ['positive', 'negative'];
}

export function tagByCode(code: string): (ReviewTag & { sentiment: TagSentiment }) | undefined {
  for (const sentiment of ['positive', 'negative'] as const) {
    const tag = REVIEW_TAGS[sentiment].find((t) => t.code === code);
    if (tag) return { ...tag, sentiment };
  }
  return undefined;
}

// ── Content ─────────────────────────────────────────────────────────────────────────────────

/** Length in Unicode code points. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

function checkStars(value: unknown, field: string): RuleCheck {
  if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5) return OK;
  return refuse('INVALID_STARS', { zh: '评分须为 1–5 星', en: 'A rating is 1 to 5 whole stars' }, field);
}

/** Trimmed text of at most {@link MAX_REVIEW_TEXT_CHARS} characters. */
export function checkText(text: string, field = 'text'): RuleValue<string> {
  const trimmed = text.trim();
  const length = charCount(trimmed);
  if (length > MAX_REVIEW_TEXT_CHARS) {
    return refuse('TEXT_TOO_LONG', { zh: `最多 ${MAX_REVIEW_TEXT_CHARS} 个字（当前 ${length} 个）`, en: `At most ${MAX_REVIEW_TEXT_CHARS} characters (this has ${length})` }, field);
  }
  return { ok: true, value: trimmed };
}

/** Photo file ids, duplicates dropped, at most {@link MAX_REVIEW_PHOTOS}. */
export function checkPhotos(photoIds: readonly string[]): RuleValue<string[]> {
  const distinct = [...new Set(photoIds)];
  if (distinct.length > MAX_REVIEW_PHOTOS) {
    return refuse('TOO_MANY_PHOTOS', { zh: `最多上传 ${MAX_REVIEW_PHOTOS} 张照片`, en: `At most ${MAX_REVIEW_PHOTOS} photos` }, 'photos');
  }
  return { ok: true, value: distinct };
}

/** Known tag codes matching the star rating's sentiment, duplicates dropped, order kept. */
export function checkTags(stars: number, tagCodes: readonly string[]): RuleValue<string[]> {
  const allowed = tagSentimentsFor(stars);
  const distinct = [...new Set(tagCodes)];
  for (const code of distinct) {
    const tag = tagByCode(code);
    if (!tag) return refuse('INVALID_TAG', { zh: `未知标签：${code}`, en: `Unknown tag: ${code}` }, 'tags');
    if (!allowed.includes(tag.sentiment)) {
      return refuse('INVALID_TAG', { zh: `「${tag.label.zh}」与 ${stars} 星评分不符`, en: `"${tag.label.en}" does not fit a ${stars}-star rating` }, 'tags');
    }
  }
  return { ok: true, value: distinct };
}

/** The four customer dimensions, each 1–5 (see reputation.ts for their labels). */
export interface ReviewDimensionsInput {
  attitude: number;
  skill: number;
  efficiency: number;
  punctuality: number;
}

export interface ReviewInput {
  stars: number;
  dimensions: ReviewDimensionsInput;
  tags: readonly string[];
  text: string;
  photoIds: readonly string[];
  anonymous: boolean;
}

export interface ValidReview {
  stars: number;
  dimensions: ReviewDimensionsInput;
  tags: string[];
  text: string;
  photoIds: string[];
  anonymous: boolean;
}

const DIMENSION_KEYS = ['attitude', 'skill', 'efficiency', 'punctuality'] as const;

/** Checks a review's content; the first problem found is returned. Text may be empty (stars only). */
export function validateReviewInput(input: ReviewInput): RuleValue<ValidReview> {
  const stars = checkStars(input.stars, 'stars');
  if (!stars.ok) return stars;
  for (const key of DIMENSION_KEYS) {
    const dim = checkStars(input.dimensions?.[key], `dimensions.${key}`);
    if (!dim.ok) return dim;
  }
  const tags = checkTags(input.stars, input.tags);
  if (!tags.ok) return tags;
  const text = checkText(input.text);
  if (!text.ok) return text;
  const photos = checkPhotos(input.photoIds);
  if (!photos.ok) return photos;
  const dimensions = { attitude: input.dimensions.attitude, skill: input.dimensions.skill, efficiency: input.dimensions.efficiency, punctuality: input.dimensions.punctuality };
  return { ok: true, value: { stars: input.stars, dimensions, tags: tags.value, text: text.value, photoIds: photos.value, anonymous: input.anonymous === true } };
}

// ── Who may review, and when ────────────────────────────────────────────────────────────────

export interface ReviewableOrder {
  customerId: string;
  workerId: string | null;
  /** Booking's order state; `completed` and `closed` (after completion) may be reviewed. */
  status: string;
  /** When the order was accepted (验收) or auto-accepted; null if it never was. */
  completedAt: Date | null;
}

export const REVIEWABLE_STATUSES: readonly string[] = ['completed', 'closed'];

function isCompleted(order: ReviewableOrder): boolean {
  return REVIEWABLE_STATUSES.includes(order.status) && order.completedAt !== null;
}

export interface ReviewAttempt {
  order: ReviewableOrder;
  customerId: string;
  /** A review (the customer's or the default mark) already exists for the order. */
  alreadyReviewed: boolean;
  now: Date;
  settings?: ReviewSettings;
}

/** Whether this customer may review this order now (content is checked by {@link validateReviewInput}). */
export function canReview({ order, customerId, alreadyReviewed, now, settings = DEFAULT_REVIEW_SETTINGS }: ReviewAttempt): RuleCheck {
  if (order.customerId !== customerId) return refuse('REVIEW_NOT_ALLOWED', { zh: '只能评价自己的订单', en: 'You can only review your own orders' });
  if (!isCompleted(order) || order.completedAt === null) {
    return refuse('ORDER_NOT_COMPLETED', { zh: '订单完成后才能评价', en: 'An order can be reviewed once it is completed' });
  }
  if (alreadyReviewed) return refuse('ALREADY_REVIEWED', { zh: '该订单已评价', en: 'This order has already been reviewed' });
  if (now.getTime() > reviewWindowClosesAt(order.completedAt, settings).getTime()) {
    return refuse('REVIEW_WINDOW_CLOSED', { zh: `订单完成 ${settings.reviewWindowDays} 天后不能再评价`, en: `Reviews close ${settings.reviewWindowDays} days after completion` });
  }
  return OK;
}

/** {@link canReview}, then {@link validateReviewInput}. */
export function checkNewReview(attempt: ReviewAttempt, input: ReviewInput): RuleValue<ValidReview> {
  const allowed = canReview(attempt);
  return allowed.ok ? validateReviewInput(input) : allowed;
}

// ── 追评 ────────────────────────────────────────────────────────────────────────────────────

/** The review as the follow-up, reply and appeal rules need it. */
export interface ReviewState {
  customerId: string;
  workerId: string;
  createdAt: Date;
  /** 系统默认好评: nobody wrote it, so there is nothing to follow up, reply to or appeal. */
  isDefault: boolean;
  hasFollowUp: boolean;
  hasReply: boolean;
}

export interface FollowUpInput {
  text: string;
  photoIds: readonly string[];
}

/** One 追评 by the review's author within the follow-up window; it needs text or a photo. */
export function checkFollowUp(
  review: ReviewState,
  customerId: string,
  input: FollowUpInput,
  now: Date,
  settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS,
): RuleValue<{ text: string; photoIds: string[] }> {
  if (review.customerId !== customerId || review.isDefault) {
    return refuse('FOLLOW_UP_NOT_ALLOWED', { zh: '只能追评自己写的评价', en: 'You can only follow up your own review' });
  }
  if (review.hasFollowUp) return refuse('ALREADY_FOLLOWED_UP', { zh: '每条评价只能追评一次', en: 'A review can be followed up once' });
  if (now.getTime() > followUpClosesAt(review.createdAt, settings).getTime()) {
    return refuse('FOLLOW_UP_WINDOW_CLOSED', { zh: `评价 ${settings.followUpWindowDays} 天后不能再追评`, en: `Follow-ups close ${settings.followUpWindowDays} days after the review` });
  }
  const text = checkText(input.text);
  if (!text.ok) return text;
  const photos = checkPhotos(input.photoIds);
  if (!photos.ok) return photos;
  if (text.value === '' && photos.value.length === 0) {
    return refuse('TEXT_REQUIRED', { zh: '请填写追评内容或上传照片', en: 'Add some text or a photo' }, 'text');
  }
  return { ok: true, value: { text: text.value, photoIds: photos.value } };
}

// ── Reply ───────────────────────────────────────────────────────────────────────────────────

/** One public reply by the order's worker; the reply must not be empty. */
export function checkReply(review: ReviewState, workerId: string, text: string): RuleValue<string> {
  if (review.workerId !== workerId || review.isDefault) {
    return refuse('REPLY_NOT_ALLOWED', { zh: '只能回复自己订单的评价', en: 'You can only reply to reviews of your own orders' });
  }
  if (review.hasReply) return refuse('ALREADY_REPLIED', { zh: '每条评价只能回复一次', en: 'A review can be replied to once' });
  const checked = checkText(text);
  if (!checked.ok) return checked;
  if (checked.value === '') return refuse('TEXT_REQUIRED', { zh: '回复内容不能为空', en: 'The reply is empty' }, 'text');
  return checked;
}

// ── Appeal (差评申诉) ───────────────────────────────────────────────────────────────────────

export interface AppealState {
  /** The worker's appeal of this review, if one was filed. */
  appeal: { status: 'pending' | 'decided' } | null;
  /** Support already decided on the review (keep / hide / remove), e.g. after a report. */
  decided: boolean;
}

export interface AppealInput {
  reason: string;
  evidencePhotoIds: readonly string[];
}

/**
 * One appeal per review, by its worker, with a written reason, while no decision has been made
 * on the review. A decided appeal or review closes the matter: APPEAL_CLOSED.
 */
export function checkAppeal(review: ReviewState, workerId: string, state: AppealState, input: AppealInput): RuleValue<{ reason: string; evidencePhotoIds: string[] }> {
  if (review.workerId !== workerId || review.isDefault) {
    return refuse('APPEAL_NOT_ALLOWED', { zh: '只能申诉自己订单的评价', en: 'You can only appeal reviews of your own orders' });
  }
  if (state.decided || state.appeal?.status === 'decided') {
    return refuse('APPEAL_CLOSED', { zh: '该评价已处理，不能再申诉', en: 'This review has been decided; it can no longer be appealed' });
  }
  if (state.appeal) return refuse('ALREADY_APPEALED', { zh: '该评价已在申诉中', en: 'This review has already been appealed' });
  const reason = checkText(input.reason, 'reason');
  if (!reason.ok) return reason;
  if (reason.value === '') return refuse('TEXT_REQUIRED', { zh: '请填写申诉理由', en: 'Give a reason for the appeal' }, 'reason');
  const photos = checkPhotos(input.evidencePhotoIds);
  if (!photos.ok) return { ...photos, field: 'evidence' };
  return { ok: true, value: { reason: reason.value, evidencePhotoIds: photos.value } };
}
