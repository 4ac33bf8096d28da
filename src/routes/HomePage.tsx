import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { lessonPath } from '../app/paths';
import { useLang } from '../app/use-lang';
import { lessonMeta, lessonsInOrder } from '../content/course';
import { useDocumentTitle } from '../lib/use-document-title';
import { useLearnerStore } from '../progress/learner-store';

export function HomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const visited = useLearnerStore((state) => state.visited);
  const lessons = lessonsInOrder(lang);
  useDocumentTitle(undefined, t('home.documentTitle'));

  return (
    <div className="page page--home">
      <section className="hero" aria-labelledby="home-heading">
        <p className="hero__eyebrow">{t('app.name')}</p>
        <h1 id="home-heading">{t('home.heading')}</h1>
        <p className="hero__pitch">{t('home.pitch')}</p>
      </section>
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading" className="section-title">
          {t('home.lessonsHeading')} <span className="muted">· {t('home.lessonCount', { count: lessons.length })}</span>
        </h2>
        <ol className="lesson-list" aria-labelledby="lessons-heading">
          {lessons.map((lesson, index) => {
            const seen = Boolean(visited[lesson.id]);
            return (
              <li key={lesson.id} className="lesson-card" data-lesson={lesson.id}>
                <span className="lesson-card__number" aria-hidden="true">
                  {index + 1}
                </span>
                <div className="lesson-card__body">
                  <h3 className="lesson-card__title">
                    <Link to={lessonPath(lang, lesson.id)}>{lesson.title}</Link>
                  </h3>
                  <p className="lesson-card__summary">{lesson.summary}</p>
                  <p className="lesson-card__meta">
                    <span>{t('lesson.minutes', { count: lesson.minutes })}</span>
                    <span className={seen ? 'badge badge--done' : 'badge'}>
                      <span aria-hidden="true">{seen ? '✓ ' : '○ '}</span>
                      {seen ? t('home.visited') : t('home.notVisited')}
                    </span>
                  </p>
                  <p className="lesson-card__prereqs">
                    {lesson.prerequisites.length === 0 ? (
                      t('home.noPrerequisites')
                    ) : (
                      <>
                        {t('home.prerequisites')}{' '}
                        {lesson.prerequisites.map((id, i) => (
                          <span key={id}>
                            {i > 0 && ', '}
                            <Link to={lessonPath(lang, id)}>{lessonMeta(lang, id)?.title ?? id}</Link>
                          </span>
                        ))}
                      </>
                    )}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
