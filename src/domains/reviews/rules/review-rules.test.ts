import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REVIEW_SETTINGS,
  MAX_REVIEW_PHOTOS,
  MAX_REVIEW_TEXT_CHARS,
  NEGATIVE_TAGS,
  POSITIVE_TAGS,
  canReview,
  charCount,
  checkAppeal,
  checkFollowUp,
  checkNewReview,
  checkReply,
  checkTags,
  defaultReviewDueAt,
  followUpClosesAt,
  isDefaultReviewDue,
  reviewWindowClosesAt,
  tagByCode,
  validateReviewInput,
  type AppealState,
  type ReviewAttempt,
  type ReviewInput,
  type ReviewState,
  type ReviewableOrder,
  type RuleRefusal,
} from './review-rules.js';

const DAY = 86_400_000;
const COMPLETED = new Date('2025-03-01T10:00:00+08:00');
const at = (days: number, ms = 0) => new Date(COMPLETED.getTime() + days * DAY + ms);

const order = (extra: Partial<ReviewableOrder> = {}): ReviewableOrder => ({ customerId: 'c1', workerId: 'w1', status: 'completed', completedAt: COMPLETED, ...extra });
const attempt = (extra: Partial<ReviewAttempt> = {}): ReviewAttempt => ({ order: order(), customerId: 'c1', alreadyReviewed: false, now: at(1), ...extra });
const input = (extra: Partial<ReviewInput> = {}): ReviewInput => ({
  stars: 5,
  dimensions: { attitude: 5, skill: 5, efficiency: 4, punctuality: 5 },
  tags: ['punctual', 'tidy'],
  text: '师傅很细致，收纳得很整齐',
  photoIds: ['f1', 'f2'],
  anonymous: false,
  ...extra,
});
const reviewState = (extra: Partial<ReviewState> = {}): ReviewState => ({ customerId: 'c1', workerId: 'w1', createdAt: at(2), isDefault: false, hasFollowUp: false, hasReply: false, ...extra });

function refusal(result: { ok: boolean }): RuleRefusal {
  expect(result.ok).toBe(false);
  return result as RuleRefusal;
}

describe('windows', () => {
  it('review window: 15 × 24 h after completion by default, and the default mark falls due at that instant', () => {
    expect(reviewWindowClosesAt(COMPLETED)).toEqual(at(15));
    expect(defaultReviewDueAt(COMPLETED)).toEqual(at(15));
    expect(reviewWindowClosesAt(COMPLETED, { ...DEFAULT_REVIEW_SETTINGS, reviewWindowDays: 7 })).toEqual(at(7));
    expect(followUpClosesAt(at(2))).toEqual(at(32));
    expect(() => reviewWindowClosesAt(COMPLETED, { ...DEFAULT_REVIEW_SETTINGS, reviewWindowDays: -1 })).toThrow(RangeError);
  });

  it('isDefaultReviewDue: completed, unreviewed and past the window', () => {
    expect(isDefaultReviewDue(order(), false, at(15))).toBe(false);
    expect(isDefaultReviewDue(order(), false, at(15, 1))).toBe(true);
    expect(isDefaultReviewDue(order(), true, at(20))).toBe(false);
    expect(isDefaultReviewDue(order({ status: 'in_service', completedAt: null }), false, at(20))).toBe(false);
    expect(isDefaultReviewDue(order({ status: 'closed' }), false, at(20))).toBe(true);
  });

  it('a review and the default mark never both apply, nor both miss (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 * DAY }), fc.integer({ min: 1, max: 60 }), (offset, days) => {
      const settings = { ...DEFAULT_REVIEW_SETTINGS, reviewWindowDays: days };
      const now = at(0, offset);
      const reviewable = canReview(attempt({ now, settings })).ok;
      expect(reviewable).toBe(!isDefaultReviewDue(order(), false, now, settings));
    }));
  });
});

describe('canReview', () => {
  it('lets the customer review a completed or closed order within the window', () => {
    expect(canReview(attempt())).toEqual({ ok: true });
    expect(canReview(attempt({ order: order({ status: 'closed' }) }))).toEqual({ ok: true });
    expect(canReview(attempt({ now: at(15) }))).toEqual({ ok: true });
  });

  it("refuses someone else's order", () => {
    const r = refusal(canReview(attempt({ customerId: 'c2' })));
    expect(r.code).toBe('REVIEW_NOT_ALLOWED');
    expect(r.message.zh).toBeTruthy();
    expect(r.message.en).toBeTruthy();
  });

  it('refuses an order not completed', () => {
    for (const status of ['paid', 'in_service', 'awaiting_confirmation', 'cancelled', 'disputed']) {
      expect(refusal(canReview(attempt({ order: order({ status }) }))).code).toBe('ORDER_NOT_COMPLETED');
    }
    expect(refusal(canReview(attempt({ order: order({ status: 'closed', completedAt: null }) }))).code).toBe('ORDER_NOT_COMPLETED');
  });

  it('refuses a second review and a late one', () => {
    expect(refusal(canReview(attempt({ alreadyReviewed: true }))).code).toBe('ALREADY_REVIEWED');
    expect(refusal(canReview(attempt({ now: at(15, 1) }))).code).toBe('REVIEW_WINDOW_CLOSED');
    expect(refusal(canReview(attempt({ now: at(8), settings: { ...DEFAULT_REVIEW_SETTINGS, reviewWindowDays: 7 } }))).message.en).toContain('7 days');
  });

  it('checkNewReview checks the actor first, then the content', () => {
    expect(refusal(checkNewReview(attempt({ customerId: 'c2' }), input({ stars: 9 }))).code).toBe('REVIEW_NOT_ALLOWED');
    expect(refusal(checkNewReview(attempt(), input({ stars: 9 }))).code).toBe('INVALID_STARS');
    expect(checkNewReview(attempt(), input()).ok).toBe(true);
  });
});

describe('review content', () => {
  it('accepts a valid review, trimming the text and dropping duplicate tags and photos', () => {
    const r = validateReviewInput(input({ text: '  很好  ', tags: ['tidy', 'tidy'], photoIds: ['f1', 'f1', 'f2'], anonymous: true }));
    expect(r).toEqual({ ok: true, value: { stars: 5, dimensions: { attitude: 5, skill: 5, efficiency: 4, punctuality: 5 }, tags: ['tidy'], text: '很好', photoIds: ['f1', 'f2'], anonymous: true } });
    expect(validateReviewInput(input({ text: '', tags: [], photoIds: [] })).ok).toBe(true);
  });

  it('stars and dimensions are whole numbers 1–5', () => {
    for (const stars of [0, 6, 4.5, Number.NaN, -1]) expect(refusal(validateReviewInput(input({ stars }))).code).toBe('INVALID_STARS');
    const r = refusal(validateReviewInput(input({ dimensions: { attitude: 5, skill: 0, efficiency: 5, punctuality: 5 } })));
    expect(r).toMatchObject({ code: 'INVALID_STARS', field: 'dimensions.skill' });
    expect(refusal(validateReviewInput(input({ dimensions: { attitude: 5, skill: 5, efficiency: 5 } as never }))).field).toBe('dimensions.punctuality');
  });

  it('a 10th photo is refused', () => {
    const nine = Array.from({ length: MAX_REVIEW_PHOTOS }, (_, i) => `f${i}`);
    expect(validateReviewInput(input({ photoIds: nine })).ok).toBe(true);
    expect(refusal(validateReviewInput(input({ photoIds: [...nine, 'f9'] })))).toMatchObject({ code: 'TOO_MANY_PHOTOS', field: 'photos' });
  });

  it('counts text in code points: 500 emoji pass, 501 characters do not', () => {
    expect(charCount('😀𠮷a')).toBe(3);
    expect(validateReviewInput(input({ text: '😀'.repeat(MAX_REVIEW_TEXT_CHARS) })).ok).toBe(true);
    expect(validateReviewInput(input({ text: '好'.repeat(MAX_REVIEW_TEXT_CHARS) })).ok).toBe(true);
    const r = refusal(validateReviewInput(input({ text: '好'.repeat(MAX_REVIEW_TEXT_CHARS + 1) })));
    expect(r).toMatchObject({ code: 'TEXT_TOO_LONG', field: 'text' });
    expect(r.message.zh).toContain('501');
  });

  it('text length is judged in code points (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 700 }), (text) => {
      const length = [...text.trim()].length;
      expect(validateReviewInput(input({ text })).ok).toBe(length <= MAX_REVIEW_TEXT_CHARS);
    }));
  });

  it('exports the zh/en tag lists', () => {
    expect(POSITIVE_TAGS.map((t) => t.label.zh)).toEqual(['准时守约', '干活细致', '态度好', '专业', '收纳整齐']);
    expect(NEGATIVE_TAGS.map((t) => t.label.zh)).toEqual(['迟到', '不细致', '态度差', '乱收费', '损坏物品']);
    for (const t of [...POSITIVE_TAGS, ...NEGATIVE_TAGS]) expect(t.label.en).toMatch(/\S/);
    expect(tagByCode('late')?.sentiment).toBe('negative');
    expect(tagByCode('nope')).toBeUndefined();
  });

  it('tags come from the list of the rating sentiment; 3 stars take either', () => {
    expect(refusal(checkTags(5, ['punctual', 'late'])).code).toBe('INVALID_TAG');
    expect(refusal(checkTags(1, ['friendly'])).code).toBe('INVALID_TAG');
    expect(refusal(checkTags(4, ['made_up'])).message.en).toContain('made_up');
    expect(checkTags(3, ['friendly', 'late'])).toEqual({ ok: true, value: ['friendly', 'late'] });
    expect(checkTags(2, ['overcharged', 'damaged'])).toEqual({ ok: true, value: ['overcharged', 'damaged'] });
  });
});

describe('追评 (follow-up)', () => {
  const followUp = { text: '用了一周，依然很干净', photoIds: ['p1'] };

  it('once, by the author, within 30 days of the first review', () => {
    expect(checkFollowUp(reviewState(), 'c1', followUp, at(32))).toEqual({ ok: true, value: { text: followUp.text, photoIds: ['p1'] } });
    expect(refusal(checkFollowUp(reviewState(), 'c1', followUp, at(32, 1))).code).toBe('FOLLOW_UP_WINDOW_CLOSED');
    expect(refusal(checkFollowUp(reviewState({ hasFollowUp: true }), 'c1', followUp, at(3))).code).toBe('ALREADY_FOLLOWED_UP');
    expect(refusal(checkFollowUp(reviewState(), 'c2', followUp, at(3))).code).toBe('FOLLOW_UP_NOT_ALLOWED');
    expect(refusal(checkFollowUp(reviewState({ isDefault: true }), 'c1', followUp, at(16))).code).toBe('FOLLOW_UP_NOT_ALLOWED');
  });

  it('needs text or a photo, within the limits', () => {
    expect(checkFollowUp(reviewState(), 'c1', { text: '', photoIds: ['p'] }, at(3)).ok).toBe(true);
    expect(refusal(checkFollowUp(reviewState(), 'c1', { text: '   ', photoIds: [] }, at(3))).code).toBe('TEXT_REQUIRED');
    expect(refusal(checkFollowUp(reviewState(), 'c1', { text: 'x'.repeat(501), photoIds: [] }, at(3))).code).toBe('TEXT_TOO_LONG');
    expect(refusal(checkFollowUp(reviewState(), 'c1', { text: '', photoIds: Array.from({ length: 10 }, (_, i) => `p${i}`) }, at(3))).code).toBe('TOO_MANY_PHOTOS');
  });
});

describe('worker reply', () => {
  it('once per review, by the order worker, not empty', () => {
    expect(checkReply(reviewState(), 'w1', ' 谢谢您的认可 ')).toEqual({ ok: true, value: '谢谢您的认可' });
    expect(refusal(checkReply(reviewState({ hasReply: true }), 'w1', '谢谢')).code).toBe('ALREADY_REPLIED');
    expect(refusal(checkReply(reviewState(), 'w2', '谢谢')).code).toBe('REPLY_NOT_ALLOWED');
    expect(refusal(checkReply(reviewState({ isDefault: true }), 'w1', '谢谢')).code).toBe('REPLY_NOT_ALLOWED');
    expect(refusal(checkReply(reviewState(), 'w1', '  ')).code).toBe('TEXT_REQUIRED');
    expect(refusal(checkReply(reviewState(), 'w1', '字'.repeat(501))).code).toBe('TEXT_TOO_LONG');
  });
});

describe('appeal (差评申诉)', () => {
  const none: AppealState = { appeal: null, decided: false };
  const appealInput = { reason: '客户评价与事实不符，有现场照片', evidencePhotoIds: ['e1', 'e2'] };

  it('once, by the order worker, with a reason, before any decision', () => {
    expect(checkAppeal(reviewState(), 'w1', none, appealInput)).toEqual({ ok: true, value: { reason: appealInput.reason, evidencePhotoIds: ['e1', 'e2'] } });
    expect(refusal(checkAppeal(reviewState(), 'w1', { appeal: { status: 'pending' }, decided: false }, appealInput)).code).toBe('ALREADY_APPEALED');
    expect(refusal(checkAppeal(reviewState(), 'w1', { appeal: { status: 'decided' }, decided: true }, appealInput)).code).toBe('APPEAL_CLOSED');
    expect(refusal(checkAppeal(reviewState(), 'w1', { appeal: { status: 'decided' }, decided: false }, appealInput)).code).toBe('APPEAL_CLOSED');
    expect(refusal(checkAppeal(reviewState(), 'w1', { appeal: null, decided: true }, appealInput)).code).toBe('APPEAL_CLOSED');
    expect(refusal(checkAppeal(reviewState(), 'w2', none, appealInput)).code).toBe('APPEAL_NOT_ALLOWED');
    expect(refusal(checkAppeal(reviewState({ isDefault: true }), 'w1', none, appealInput)).code).toBe('APPEAL_NOT_ALLOWED');
  });

  it('checks the reason and the evidence', () => {
    expect(refusal(checkAppeal(reviewState(), 'w1', none, { reason: ' ', evidencePhotoIds: [] }))).toMatchObject({ code: 'TEXT_REQUIRED', field: 'reason' });
    expect(refusal(checkAppeal(reviewState(), 'w1', none, { reason: '理'.repeat(501), evidencePhotoIds: [] }))).toMatchObject({ code: 'TEXT_TOO_LONG', field: 'reason' });
    const ten = Array.from({ length: 10 }, (_, i) => `e${i}`);
    expect(refusal(checkAppeal(reviewState(), 'w1', none, { reason: '理由', evidencePhotoIds: ten }))).toMatchObject({ code: 'TOO_MANY_PHOTOS', field: 'evidence' });
  });
});

describe('refusals', () => {
  it('always carry a code and both languages (property)', () => {
    const anyInput = fc.record({
      stars: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double()),
      dimensions: fc.record({ attitude: fc.integer({ min: 0, max: 6 }), skill: fc.integer({ min: 0, max: 6 }), efficiency: fc.integer({ min: 0, max: 6 }), punctuality: fc.integer({ min: 0, max: 6 }) }),
      tags: fc.array(fc.constantFrom('punctual', 'late', 'rude', 'tidy', 'bogus')),
      text: fc.string({ maxLength: 600 }),
      photoIds: fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 12 }),
      anonymous: fc.boolean(),
    });
    fc.assert(fc.property(anyInput, (i) => {
      const r = validateReviewInput(i);
      if (!r.ok) {
        expect(r.code).toMatch(/^[A-Z_]+$/);
        expect(r.message.zh.length).toBeGreaterThan(0);
        expect(r.message.en.length).toBeGreaterThan(0);
      } else {
        expect(r.value.photoIds.length).toBeLessThanOrEqual(MAX_REVIEW_PHOTOS);
        expect(charCount(r.value.text)).toBeLessThanOrEqual(MAX_REVIEW_TEXT_CHARS);
      }
    }));
  });
});
