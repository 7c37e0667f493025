import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** The two UI languages; zh-CN is the default. Sent to the API as `Accept-Language`. */
export type Lang = 'zh-CN' | 'en';

/** A message catalogue: every key carries its zh-CN and English text, so no translation can be missing. */
export type Messages = Record<string, readonly [zh: string, en: string]>;

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'dj_lang';

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let currentLang: Lang = readStoredLang();

/** The language chosen in this browser (used by the API client outside React). */
export function getLang(): Lang {
  return currentLang;
}

function storeLang(lang: Lang): void {
  currentLang = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

export function translate(messages: Messages, lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const entry = messages[key];
  const text = entry ? entry[lang === 'en' ? 1 : 0] : key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ messages, children }: { messages: Messages; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);
  const t = useCallback<Translate>((key, vars) => translate(messages, lang, key, vars), [messages, lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Picks the zh-CN or English variant of an API object's name (`name` / `nameEn`). */
export function localName(lang: Lang, item: { name: string; nameEn?: string | null }): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}
