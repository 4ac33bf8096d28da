import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { withLang } from '../lib/paths';
import { LANGS, type Lang } from '../lib/lang';
import { changeLanguage } from '../i18n';
import { currentSectionId } from '../lib/reading-position';
import { useLearnerStore } from '../progress/learner-store';

/**
 * English / Русский. Real links (they work without JS and in a new tab); on click we also carry
 * the section being read, remember the choice and switch i18n before the new page renders.
 */
export function LanguageSwitcher({ current }: { current: Lang }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const setLanguage = useLearnerStore((state) => state.setLanguage);

  return (
    <nav aria-label={t('language.label')} className="lang-switcher">
      <ul>
        {LANGS.map((lang) => {
          const to = { pathname: withLang(location.pathname, lang), search: location.search, hash: location.hash };
          return (
            <li key={lang}>
              <Link
                to={to}
                lang={lang}
                hrefLang={lang}
                aria-current={lang === current ? 'true' : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  setLanguage(lang);
                  if (lang === current) return;
                  const section = currentSectionId();
                  changeLanguage(lang);
                  // Widgets keep their settings in the address bar outside the router's knowledge.
                  navigate({ ...to, search: window.location.search, hash: section ? `#${section}` : location.hash });
                }}
              >
                {t(`language.${lang}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
