/** Every URL the course builds comes from here, so routes and links cannot drift apart. */
import type { Lang } from './lang';

export const homePath = (lang: Lang) => `/${lang}`;
export const lessonPath = (lang: Lang, id: string, anchor?: string) =>
  `/${lang}/lessons/${id}${anchor ? `#${anchor}` : ''}`;
export const glossaryPath = (lang: Lang, term?: string) => `/${lang}/glossary${term ? `#${term}` : ''}`;

/** The same page in another language: only the first path segment changes. */
export function withLang(pathname: string, lang: Lang): string {
  const rest = pathname.replace(/^\/[^/]*/, '');
  return `/${lang}${rest === '/' ? '' : rest}`;
}
export const progressPath = (lang: Lang) => `/${lang}/progress`;
/** The Lab; `search` is a design link (`?v=1&d=…`) or a lesson widget's state (`?from=…&w=…`). */
export const labPath = (lang: Lang, search = '') => `/${lang}/lab${search}`;
