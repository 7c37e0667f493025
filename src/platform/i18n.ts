export type Lang = 'zh-CN' | 'en';

/** Picks the response language from `?lang=` or Accept-Language; Chinese unless English is preferred. */
export function pickLang(acceptLanguage: string | undefined, queryLang?: unknown): Lang {
  if (queryLang === 'en' || queryLang === 'zh-CN') return queryLang;
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export interface Text { zh: string; en: string }

export function render(text: Text, lang: Lang, vars: Record<string, string | number> = {}): string {
  const template = lang === 'en' ? text.en : text.zh;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
