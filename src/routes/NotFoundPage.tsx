import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { homePath } from '../lib/paths';
import { useLang } from '../lib/use-lang';
import { useDocumentTitle } from '../lib/use-document-title';

/** Unknown page or lesson: say so in the current language and offer the way back. */
export function NotFoundPage({ lessonSlug }: { lessonSlug?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { pathname } = useLocation();
  useDocumentTitle(t('notFound.documentTitle'), t('app.name'));
  return (
    <div className="page page--message" data-page="not-found">
      <h1>{t('notFound.heading')}</h1>
      <p>{lessonSlug ? t('notFound.lessonBody', { slug: lessonSlug }) : t('notFound.body', { path: pathname })}</p>
      <p>
        <Link className="button" to={homePath(lang)}>
          {t('notFound.backHome')}
        </Link>
      </p>
    </div>
  );
}
