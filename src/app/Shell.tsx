import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Lang } from '../lib/lang';
import { LanguageSwitcher } from './LanguageSwitcher';
import { StorageNotice } from './StorageNotice';
import { glossaryPath, homePath, labPath, progressPath } from '../lib/paths';

/** The frame of every page: skip link, header with navigation and language, main, footer. */
export function Shell({ lang, children }: { lang: Lang; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to={homePath(lang)} className="brand" end>
            <span className="brand__mark" aria-hidden="true">
              ⇉
            </span>
            {t('app.name')}
          </NavLink>
          <nav aria-label={t('app.mainNavigation')} className="site-nav">
            <NavLink to={homePath(lang)} end>
              {t('nav.lessons')}
            </NavLink>
            <NavLink to={labPath(lang)}>{t('nav.lab')}</NavLink>
            <NavLink to={glossaryPath(lang)}>{t('nav.glossary')}</NavLink>
            <NavLink to={progressPath(lang)}>{t('nav.progress')}</NavLink>
          </nav>
          <LanguageSwitcher current={lang} />
        </div>
      </header>
      <StorageNotice />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
