import type { Lang } from './i18n';

export const CITY_TIME_ZONE = 'Asia/Shanghai';

/** Integer fen → `¥128`, `¥128.50` or `¥1,280` (negative: `-¥80`). */
export function formatFen(fen: number): string {
  const yuan = Math.abs(fen) / 100;
  const text = yuan.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(yuan) ? 0 : 2, maximumFractionDigits: 2 });
  return `${fen < 0 ? '-' : ''}¥${text}`;
}

/** Fen → yuan number for inputs (`1280` → `12.8`); null stays null. */
export function fenToYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

/** Yuan from an input → integer fen (rounded to the fen); empty stays null. */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan === null || yuan === undefined || yuan === '') return null;
  return Math.round(Number(yuan) * 100);
}

/** HH:mm of an ISO time in the city's zone. */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: CITY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** A price range in fen → `¥80` or `¥80–¥120`. */
export function formatFenRange(minFen: number, maxFen: number): string {
  return minFen === maxFen ? formatFen(minFen) : `${formatFen(minFen)}–${formatFen(maxFen)}`;
}

/** An ISO 8601 UTC time shown in the city's zone (Asia/Shanghai), e.g. `2026-03-01 14:05`. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const parts = new Intl.DateTimeFormat(lang === 'en' ? 'en-CA' : 'zh-CN', {
    timeZone: CITY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
