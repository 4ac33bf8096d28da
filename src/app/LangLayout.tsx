import { useLayoutEffect } from 'react';
import { Navigate, Outlet, useLocation, useParams } from 'react-router';
import { changeLanguage } from '../i18n';
import { DEFAULT_LANG, isLang, looksLikeLangCode, preferredLang } from '../lib/lang';
import { useLearnerStore } from '../progress/learner-store';
import { withLang } from '../lib/paths';
import { Shell } from './Shell';

/**
 * Everything under `/:lang`. An unsupported language code goes to the same page in English; a
 * path with no language at all (`/lessons/x`) gets the student's preferred one.
 */
export function LangLayout() {
  const { lang } = useParams();
  const location = useLocation();
  const saved = useLearnerStore((state) => state.settings.language);
  const valid = isLang(lang);

  useLayoutEffect(() => {
    if (!valid) return;
    changeLanguage(lang);
    document.documentElement.lang = lang;
  }, [lang, valid]);

  if (!valid) {
    const segment = lang ?? '';
    const target = looksLikeLangCode(segment)
      ? withLang(location.pathname, DEFAULT_LANG)
      : `/${preferredLang(saved, navigator.languages)}${location.pathname}`;
    return <Navigate to={{ pathname: target, search: location.search, hash: location.hash }} replace />;
  }
  return (
    <Shell lang={lang}>
      <Outlet />
    </Shell>
  );
}
