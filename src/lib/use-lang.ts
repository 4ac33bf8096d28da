import { useParams } from 'react-router';
import { DEFAULT_LANG, isLang, type Lang } from './lang';

/** The language of the current route (LangLayout has already redirected unknown ones). */
export function useLang(): Lang {
  const { lang } = useParams();
  return isLang(lang) ? lang : DEFAULT_LANG;
}
