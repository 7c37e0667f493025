// Reviews as the portals read them (docs/api-reviews.md).

export type ReviewFilter = 'all' | 'photos' | 'follow_up' | 'negative';
export const REVIEW_FILTERS: ReviewFilter[] = ['all', 'photos', 'follow_up', 'negative'];
export const DIMENSIONS = ['attitude', 'skill', 'efficiency', 'punctuality'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Review {
  id: string;
  orderId: string;
  itemCode: string;
  stars: number;
  isDefault: boolean;
  dimensions: Record<Dimension, number | null>;
  tags: string[];
  body: string;
  photoUrls: string[];
  author: string;
  anonymous: boolean;
  followUp: { body: string; photoUrls: string[]; at: string } | null;
  reply: { body: string; at: string } | null;
  createdAt: string;
  /** Only on my own reviews (customer: the review of my order; worker: 我的评价). */
  status?: 'visible' | 'hidden' | 'removed';
}

export type AppealStatus = 'pending' | 'kept' | 'hidden' | 'removed';

/** A review of my work as the worker sees it, with the appeal if any. */
export interface MyReview extends Review {
  appeal: { status: AppealStatus; reason: string; decisionNote: string; decidedAt: string | null } | null;
}

/** Review tags by code (the API's rules/review-rules.ts): praise for 4–5 stars, criticism for 1–2, either for 3. */
export const PRAISE_TAGS = ['punctual', 'thorough', 'friendly', 'professional', 'tidy'];
export const CRITICISM_TAGS = ['late', 'careless', 'rude', 'overcharged', 'damaged'];

export function tagsFor(stars: number): string[] {
  if (stars >= 4) return PRAISE_TAGS;
  if (stars <= 2) return CRITICISM_TAGS;
  return [...PRAISE_TAGS, ...CRITICISM_TAGS];
}

/** A tag's message key when it is a known code; free text is shown as written. */
export function tagKey(tag: string): string | null {
  return PRAISE_TAGS.includes(tag) || CRITICISM_TAGS.includes(tag) ? `review.tag.${tag}` : null;
}
