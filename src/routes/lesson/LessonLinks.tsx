import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { lessonPath } from '../../lib/paths';
import { useLang } from '../../lib/use-lang';
import { lessonMeta, neighbours } from '../../content/course';
import type { LessonMeta } from '../../content/tree';
import { useLearnerStore } from '../../progress/learner-store';

/** Under the title: reading time and prerequisites, each marked when already visited. */
export function LessonLinks({ meta }: { meta: LessonMeta }) {
  const { t } = useTranslation();
  const lang = useLang();
  const lessons = useLearnerStore((state) => state.lessons);
  return (
    <p className="lesson__meta">
      <span>{t('lesson.minutes', { count: meta.minutes })}</span>
      {meta.prerequisites.length > 0 && (
        <span>
          {t('lesson.prerequisites')}{' '}
          {meta.prerequisites.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Link to={lessonPath(lang, id)}>{lessonMeta(lang, id)?.title ?? id}</Link>
              {(lessons[id]?.visitedAt ?? 0) > 0 && (
                <span className="visited-mark">
                  {' '}
                  <span aria-hidden="true">✓</span>
                  <span className="visually-hidden">{t('lesson.visitedMark')}</span>
                </span>
              )}
            </span>
          ))}
        </span>
      )}
    </p>
  );
}

/** After the lesson: related lessons, then previous / next in course order. */
export function LessonFooter({ meta }: { meta: LessonMeta }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { previous, next } = neighbours(lang, meta.id);
  const related = meta.related.flatMap((id) => {
    const found = lessonMeta(lang, id);
    return found ? [found] : [];
  });
  return (
    <footer className="lesson__footer">
      {related.length > 0 && (
        <section aria-labelledby="related-title" className="related">
          <h2 id="related-title" className="section-title">
            {t('lesson.related')}
          </h2>
          <ul className="related__list">
            {related.map((lesson) => (
              <li key={lesson.id}>
                <Link to={lessonPath(lang, lesson.id)}>{lesson.title}</Link>
                <span className="muted"> — {lesson.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <nav aria-label={t('lesson.navigation')} className="pager">
        {previous ? (
          <Link className="pager__link pager__link--prev" to={lessonPath(lang, previous.id)} rel="prev">
            <span className="pager__label">← {t('lesson.previous')}</span>
            <span className="pager__title">{previous.title}</span>
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link className="pager__link pager__link--next" to={lessonPath(lang, next.id)} rel="next">
            <span className="pager__label">{t('lesson.next')} →</span>
            <span className="pager__title">{next.title}</span>
          </Link>
        )}
      </nav>
    </footer>
  );
}
