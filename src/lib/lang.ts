/** The course's languages: the URL's first segment, content folders and UI dictionaries. */
export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];

export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The first supported language among the browser's preferences ("ru-RU" counts as "ru"). */
export function browserLang(languages: readonly string[] | undefined): Lang | undefined {
  for (const tag of languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return undefined;
}

/** Saved preference first, then the browser, then English. */
export function preferredLang(saved: Lang | null | undefined, languages: readonly string[] | undefined): Lang {
  return saved ?? browserLang(languages) ?? DEFAULT_LANG;
}

/** Looks like a language code (en, pt-BR, zh-Hans), as opposed to a page name. */
export function looksLikeLangCode(segment: string): boolean {
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(segment) && segment.length <= 12;
}
