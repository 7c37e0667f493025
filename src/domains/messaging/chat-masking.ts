/**
 * Chat hygiene: `sanitizeChatText` normalises what a person typed, `maskContacts` hides contact
 * details (phones, landlines, WeChat / QQ ids, e-mail addresses) so neither side takes the order
 * off the platform. Pure: strings in, strings out. See README.md in this folder for what is and
 * is not caught.
 *
 * The text stays plain text: no HTML escaping happens here. Clients render chat as text
 * (React text nodes), never as HTML, so `<b>` arrives and is shown as the five characters `<b>`.
 */
import type { Text } from '../../platform/i18n.js';

// ── Character classes ──────────────────────────────────────────────────────────────────────

/** Every way to write a digit: ASCII, full-width, Chinese numerals (小写 and 大写) and 幺 / 两. */
const DIGIT_CHARS = '0-9０-９〇零一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖';
const D = `[${DIGIT_CHARS}]`;
const ZERO = '[0０〇零]';
const ONE = '[1１一幺壹]';
const TWO = '[2２二两贰]';
const THREE_TO_NINE = '[3-9３-９三叁四肆五伍六陆七柒八捌九玖]';
const NON_ZERO = '[1-9１-９一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖]';
/** What people put between digit groups, zero-width characters included (one to three of them). */
const SEP = '[ \\t\\u00a0\\u3000\\-－‐‑–—_.．·・/\\u200b-\\u200d\\u2060\\ufeff]';
const GAP = `${SEP}{0,3}`;
const DIGIT_RE = new RegExp(D, 'gu');

// ── Patterns ───────────────────────────────────────────────────────────────────────────────

export type ContactKind = 'phone' | 'landline' | 'wechat' | 'qq' | 'email';
const KIND_ORDER: readonly ContactKind[] = ['phone', 'landline', 'wechat', 'qq', 'email'];

/** name@domain.tld; '*' is not in the local part, so a masked address (***@qq.com) never matches again. */
const EMAIL = /[A-Za-z0-9._%+-]+[@＠]((?:[A-Za-z0-9-]+[.．])+[A-Za-z]{2,})(?![A-Za-z0-9-])/gu;

/** Keyword + connector ("微信号：", "vx ", "wechat id is "), kept as typed; the id after it is masked. */
// Bounded repetitions: three adjacent unbounded runs would backtrack cubically on "微信" + 1 000 spaces.
const CONNECTOR = '[\\s:：=＝,，]{0,3}(?:号码|账号|號|号|id)?[\\s:：=＝]{0,3}(?:是|为|is)?[\\s:：=＝]{0,3}';
const WECHAT_WORD = '(?:微信|威信|薇信|徽信|维信|微心|[vＶｖ]信|(?<![a-z])(?:[vwｖｗ][xｘ]|weixin|wechat)|(?:加|[+＋])\\s?(?:[vｖ]|微))';
/** A WeChat id (6–20 characters, starting with a letter; up to 40 accepted) or a number; not an English word that commonly follows "wechat". */
const NOT_A_WORD = '(?!(?:pay|payment|group|official|account|moments|work|message)(?![-_a-z0-9]))';
const WECHAT_ID = `(?:${NOT_A_WORD}[a-z][-_a-z0-9]{5,39}(?![-_a-z0-9])|${D}{6,20}(?!${D}))`;
const WECHAT = new RegExp(`(${WECHAT_WORD}${CONNECTOR})(${WECHAT_ID})`, 'giu');

const QQ_WORD = '(?:(?<![a-z])(?:qq|ｑｑ)|扣扣|企鹅|球球)(?:群号|群|号码|号)?';
const QQ = new RegExp(`(${QQ_WORD}${CONNECTOR})(${D}{5,12})(?!${D})`, 'giu');

/** Mainland mobile: optional +86 / 0086 / 86 / 0, then 1[3-9] and nine more digits, groups split by up to 3 separators. */
const MOBILE = new RegExp(`(?<!${D})((?:(?:[+＋]|00)?(?:86|８６)${GAP}|${ZERO})?)(${ONE}${GAP}${THREE_TO_NINE}(?:${GAP}${D}){9})(?!${D})`, 'gu');

/** Area code 010 / 02x / 0[3-9]xx (optionally in brackets), then a 7–8 digit local number not starting with 0. */
const AREA = `${ZERO}(?:${ONE}${ZERO}|${TWO}${D}|${THREE_TO_NINE}${D}{2})`;
const LANDLINE = new RegExp(`(?<!${D})(?:[(（]\\s?${AREA}\\s?[)）]|${AREA})${GAP}${NON_ZERO}(?:${GAP}${D}){6,7}(?!${D})`, 'gu');

// ── Masking ────────────────────────────────────────────────────────────────────────────────

export interface MaskResult {
  text: string;
  /** How many contact details were replaced. */
  masked: number;
  /** Distinct kinds found, in the order phone, landline, wechat, qq, email. */
  kinds: ContactKind[];
}

/** Digits of a number as typed (full-width and Chinese numerals stay as they are). */
const digitsOf = (s: string) => s.match(DIGIT_RE) ?? [];

/**
 * First 3 and last 2 digits as typed, six stars between: 138 1234 5678 → 138******78,
 * 一三八…七八 → 一三八******七八. At most 3 digits stay together, fewer than any id pattern needs.
 */
export function maskNumber(number: string): string {
  const d = digitsOf(number);
  return `${d.slice(0, 3).join('')}******${d.slice(-2).join('')}`;
}

type Step = { kind: ContactKind; pattern: RegExp; replace: (match: string, ...groups: string[]) => string };

// Order matters: e-mails first (their local part may be a phone or QQ number), then ids after a
// keyword (the whole id goes), then numbers on their own. Outputs are chosen not to match again
// ('*' is in no pattern, at most 3 digits stay together); maskContacts repeats passes for the rest.
const STEPS: readonly Step[] = [
  { kind: 'email', pattern: EMAIL, replace: (_m, domain) => `***@${domain}` },
  { kind: 'wechat', pattern: WECHAT, replace: (_m, word) => `${word}***` },
  { kind: 'qq', pattern: QQ, replace: (_m, word) => `${word}***` },
  // The +86 / 0 prefix goes too: kept, "QQ 86" + "138" would read as a 5-digit QQ number on a second pass.
  { kind: 'phone', pattern: MOBILE, replace: (_m, _prefix, number) => maskNumber(number) },
  { kind: 'landline', pattern: LANDLINE, replace: (m) => maskNumber(m) },
];

/** One pass of every step over the text; `found` collects the kinds replaced. */
function maskOnce(text: string, found: Set<ContactKind>): { text: string; masked: number } {
  let out = text;
  let masked = 0;
  for (const step of STEPS) {
    out = out.replace(step.pattern, (...args: unknown[]) => {
      masked += 1;
      found.add(step.kind);
      const groups = args.slice(1).filter((a): a is string => typeof a === 'string');
      return step.replace(args[0] as string, ...groups);
    });
  }
  return { text: out, masked };
}

/** Passes until nothing changes (almost always one); each replacement removes letters or digits, so this converges. */
const MAX_PASSES = 8;

/**
 * Replaces contact details in a chat message. Phones and landlines keep their first 3 and last
 * 2 digits (138******78, a +86 prefix is dropped); WeChat and QQ ids after their keyword become
 * *** (微信：***); e-mail addresses keep only the domain (***@qq.com). Runs to a fixpoint, so it
 * is idempotent even when a replacement glues its neighbours into a new match ("wxab０138…").
 * Leaves prices, times, dates, order numbers, 4-digit service codes and ordinary numbers alone.
 */
export function maskContacts(text: string): MaskResult {
  const found = new Set<ContactKind>();
  let out = text;
  let masked = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const r = maskOnce(out, found);
    out = r.text;
    masked += r.masked;
    if (r.masked === 0) break;
  }
  return { text: out, masked, kinds: KIND_ORDER.filter((k) => found.has(k)) };
}

// ── Sanitising ─────────────────────────────────────────────────────────────────────────────

/** Longest chat message, in characters (Unicode code points, so an emoji counts once). */
export const CHAT_MAX_CHARS = 1000;

export type ChatTextError = 'EMPTY' | 'TOO_LONG';

export type SanitizeResult =
  | { ok: true; text: string }
  | { ok: false; code: ChatTextError; message: Text };

/** Control characters (except tab and newline), invisible spaces and bidi overrides: they only serve to hide or reorder text. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u180e\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Prepares typed text for storage: unifies line breaks, drops control and invisible characters
 * (zero-width joiners stay: emoji need them), blanks whitespace-only lines, keeps at most one
 * blank line in a row and trims. An empty result or more than {@link CHAT_MAX_CHARS} characters
 * is refused with a code and a zh/en message (user input never throws). HTML is not escaped.
 */
export function sanitizeChatText(text: string): SanitizeResult {
  const cleaned = String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(/^[ \t\u00a0\u3000]+$/gmu, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (cleaned === '') return { ok: false, code: 'EMPTY', message: { zh: '消息不能为空', en: 'The message is empty' } };
  const length = [...cleaned].length;
  if (length > CHAT_MAX_CHARS) {
    return { ok: false, code: 'TOO_LONG', message: { zh: `消息最多 ${CHAT_MAX_CHARS} 个字（当前 ${length} 个）`, en: `A message has at most ${CHAT_MAX_CHARS} characters (this one has ${length})` } };
  }
  return { ok: true, text: cleaned };
}

/** What a chat send does with the text: sanitise, then mask. */
export function prepareChatMessage(text: string): ({ ok: true } & MaskResult) | Extract<SanitizeResult, { ok: false }> {
  const clean = sanitizeChatText(text);
  return clean.ok ? { ok: true, ...maskContacts(clean.text) } : clean;
}
