/**
 * Review text moderation, in this order: sensitive words become ＊ (one per character), mainland ID
 * numbers are masked, then contact details are masked exactly as chat does (messaging's
 * `maskContacts`). Pure: strings in, strings out.
 *
 * Matching is obscenity's RegExpMatcher (overlapping matches, whitelist, input transformers) over
 * the Chinese list of LDNOOBW as published in the `naughty-words` package. Entries of that list
 * that are ordinary words in a home-services review are not applied; see {@link NOT_APPLIED}.
 */
import { createRequire } from 'node:module';
import {
  RegExpMatcher,
  createSimpleTransformer,
  parseRawPattern,
  resolveConfusablesTransformer,
  toAsciiLowerCaseTransformer,
  type MatchPayload,
} from 'obscenity';
import { maskContacts, type ContactKind } from '../../messaging/index.js';

// ── The published list ──────────────────────────────────────────────────────────────────────

// A CommonJS package of JSON files: require keeps it working under node, tsx and vitest alike.
const publishedChinese = createRequire(import.meta.url)('naughty-words/zh.json') as string[];

/**
 * Entries of the published list we do not apply, because in reviews they are ordinary words:
 * 刚度 (stiffness of a shelf), 成人 (adult-size), 激情 (enthusiasm), 私服 (one's own clothes),
 * 老二 (the second child), 祖宗 / 老母 (family). Phrases built on them (操你祖宗, 你老母) stay.
 */
export const NOT_APPLIED: readonly string[] = ['刚度', '成人', '激情', '私服', '老二', '祖宗', '老母'];

/** Ordinary words that contain a list entry; a match inside one of them is ignored (处女座: a star sign). */
export const ALLOWED_PHRASES: readonly string[] = ['处女座'];

/**
 * Which published entries are applied. Single characters are not: in Chinese a character is a
 * morpheme found in countless ordinary words (性 in 性价比, 奶 in 奶奶, 乳 in 乳胶漆, 柒 the
 * banker's numeral). Entries starting with a digit are not either: 13点 is a time of day, 13. a price.
 */
export function appliedEntries(list: readonly string[]): string[] {
  const skip = new Set(NOT_APPLIED);
  const kept = list.map((w) => w.trim()).filter((w) => [...w].length >= 2 && !/^[0-9]/.test(w) && !skip.has(w));
  return [...new Set(kept)];
}

export const SENSITIVE_WORDS: readonly string[] = appliedEntries(publishedChinese);

// ── Matching ────────────────────────────────────────────────────────────────────────────────

export const SENSITIVE_MASK = '＊';

/**
 * Characters skipped between the letters of a word, so 傻 逼 / 傻.逼 / 傻*逼 are caught: whitespace,
 * zero-width characters and the fillers people put in to get past filters. Not CJK punctuation: a
 * clause break (，。) between two words is not an evasion.
 */
const FILLERS = new Set([...' \t\n\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff.．·・*＊-－_~～'].map((c) => c.codePointAt(0) as number));
const skipFillers = createSimpleTransformer((c) => (FILLERS.has(c) ? undefined : c));

/**
 * Pattern syntax characters of obscenity ([ ] ? | \) are matched literally. (The confusables step reads
 * some symbols in the text as letters, | as l, so an extra word with such a symbol may never match.)
 */
const literalPattern = (word: string) => parseRawPattern(word.toLowerCase().replace(/[[\]?|\\]/g, (c) => `\\${c}`));

export interface SensitiveHit {
  /** The list entry that matched. */
  term: string;
  /** The text as typed, fillers included (傻 逼). */
  matched: string;
  /** Offset of the match in the input, in code points. */
  index: number;
}

export interface SensitiveFilterResult {
  text: string;
  hits: SensitiveHit[];
}

export interface SensitiveWordFilter {
  filter(text: string): SensitiveFilterResult;
}

export interface SensitiveWordFilterOptions {
  /** The list to apply; default {@link SENSITIVE_WORDS}. */
  words?: readonly string[];
  /** Added to the list (an operator's own words). */
  extraWords?: readonly string[];
  /** Phrases inside which a match is ignored; default {@link ALLOWED_PHRASES}. */
  allowedPhrases?: readonly string[];
}

/** Code-point index of every UTF-16 offset that starts a code point. */
function codePointIndex(text: string): Map<number, number> {
  const index = new Map<number, number>();
  let unit = 0;
  let point = 0;
  for (const ch of text) {
    index.set(unit, point);
    unit += ch.length;
    point += 1;
  }
  return index;
}

/** Replaces every code point inside a match (UTF-16 spans, end inclusive) by one ＊. */
function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = '';
  let unit = 0;
  for (const ch of text) {
    const inside = spans.some((s) => unit >= s.start && unit <= s.end);
    out += inside ? SENSITIVE_MASK : ch;
    unit += ch.length;
  }
  return out;
}

export function createSensitiveWordFilter(options: SensitiveWordFilterOptions = {}): SensitiveWordFilter {
  const terms = [...new Set([...(options.words ?? SENSITIVE_WORDS), ...(options.extraWords ?? [])].map((w) => w.trim()).filter((w) => w !== ''))];
  const matcher = new RegExpMatcher({
    blacklistedTerms: terms.map((word, id) => ({ id, pattern: literalPattern(word) })),
    whitelistedTerms: [...(options.allowedPhrases ?? ALLOWED_PHRASES)],
    blacklistMatcherTransformers: [resolveConfusablesTransformer(), toAsciiLowerCaseTransformer(), skipFillers],
    whitelistMatcherTransformers: [toAsciiLowerCaseTransformer()],
  });
  const pass = (text: string): SensitiveFilterResult => {
    const matches: MatchPayload[] = matcher.getAllMatches(text, true);
    if (matches.length === 0) return { text, hits: [] };
    const points = codePointIndex(text);
    const hits = matches.map((m) => ({
      term: terms[m.termId],
      matched: text.slice(m.startIndex, m.endIndex + 1),
      index: points.get(m.startIndex) ?? 0,
    }));
    return { text: maskSpans(text, matches.map((m) => ({ start: m.startIndex, end: m.endIndex }))), hits };
  };
  return {
    // ＊ is a filler, so masking a word can join its neighbours into a new one (傻[操你]逼 → 傻＊＊逼):
    // passes repeat until nothing matches. Each pass masks at least one more character, so the text's
    // length bounds them; masking keeps one code point per code point, so offsets hold.
    filter(text: string): SensitiveFilterResult {
      let out = text;
      const hits: SensitiveHit[] = [];
      for (let i = 0; i <= text.length; i++) {
        const r = pass(out);
        if (r.hits.length === 0) break;
        out = r.text;
        hits.push(...r.hits);
      }
      return { text: out, hits };
    },
  };
}

let defaultFilter: SensitiveWordFilter | undefined;

/** The default filter (published list), built on first use. */
export function filterSensitiveWords(text: string): SensitiveFilterResult {
  defaultFilter ??= createSensitiveWordFilter();
  return defaultFilter.filter(text);
}

// ── Mainland ID numbers ─────────────────────────────────────────────────────────────────────

/**
 * 18-character resident ID: region (6, not starting with 0), birth date 18xx–20xx, sequence (3),
 * check digit or X; a space or hyphen is allowed between region, date and the last four. The check
 * digit is not verified: a mistyped number is still someone's personal data.
 */
const ID_NUMBER = /(?<![0-9A-Za-z])[1-9]\d{5}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[0-9Xx](?![0-9A-Za-z])/g;

/** Full-width digits and letters as ASCII; each is one UTF-16 unit either way, so offsets stay. */
const toHalfWidth = (text: string) => text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** 110101199003071234 → 110******34: first 3 and last 2 as typed, six stars, like chat's phone masks. */
function maskIdNumber(typed: string): string {
  const chars = [...typed].filter((c) => !/[ -]/.test(c));
  return `${chars.slice(0, 3).join('')}******${chars.slice(-2).join('')}`;
}

export function maskIdNumbers(text: string): { text: string; masked: number } {
  const normalized = toHalfWidth(text);
  let out = '';
  let last = 0;
  let masked = 0;
  for (const m of normalized.matchAll(ID_NUMBER)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    out += text.slice(last, start) + maskIdNumber(text.slice(start, end));
    last = end;
    masked += 1;
  }
  return { text: out + text.slice(last), masked };
}

// ── The whole pass ──────────────────────────────────────────────────────────────────────────

export interface ModerationResult {
  text: string;
  sensitiveHits: SensitiveHit[];
  idNumbersMasked: number;
  /** Contact details masked as in chat, and of which kinds. */
  contactsMasked: number;
  contactKinds: ContactKind[];
  /** True when the text shown differs from the text typed. */
  changed: boolean;
}

/** What a review, 追评, reply or appeal text goes through before it is stored. */
export function moderateReviewText(text: string, filter: SensitiveWordFilter = { filter: filterSensitiveWords }): ModerationResult {
  const words = filter.filter(text);
  const ids = maskIdNumbers(words.text);
  const contacts = maskContacts(ids.text);
  return {
    text: contacts.text,
    sensitiveHits: words.hits,
    idNumbersMasked: ids.masked,
    contactsMasked: contacts.masked,
    contactKinds: contacts.kinds,
    changed: contacts.text !== text,
  };
}
