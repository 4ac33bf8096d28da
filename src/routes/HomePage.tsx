import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { lessonPath } from '../lib/paths';
import { useLang } from '../lib/use-lang';
import { lessonMeta, lessonsInOrder } from '../content/course';
import { useDocumentTitle } from '../lib/use-document-title';
import { useLearnerStore } from '../progress/learner-store';
import { continueTarget, lessonStatus } from '../progress/selectors';

export function HomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const progress = useLearnerStore((state) => state.lessons);
  const lessons = lessonsInOrder(lang);
  useDocumentTitle(undefined, t('home.documentTitle'));
  const resume = continueTarget(lessons, progress);

  return (
    <div className="page page--home">
      <section className="hero" aria-labelledby="home-heading">
        <p className="hero__eyebrow">{t('app.name')}</p>
        <h1 id="home-heading">{t('home.heading')}</h1>
        <p className="hero__pitch">{t('home.pitch')}</p>
        {resume && (
          <p className="hero__continue">
            <Link className="button" to={lessonPath(lang, resume.lesson.id, resume.sectionId)} data-continue>
              {t('progress.continue')}
              <span className="visually-hidden">: </span>
            </Link>{' '}
            <span className="muted">{resume.lesson.title}</span>
          </p>
        )}
      </section>
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading" className="section-title">
          {t('home.lessonsHeading')} <span className="muted">· {t('home.lessonCount', { count: lessons.length })}</span>
        </h2>
        <ol className="lesson-list" aria-labelledby="lessons-heading">
          {lessons.map((lesson, index) => {
            const status = lessonStatus(lesson, progress[lesson.id]);
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
                    <LessonBadge complete={status.complete} started={status.started} percent={status.percent} />
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

function LessonBadge({ complete, started, percent }: { complete: boolean; started: boolean; percent: number }) {
  const { t } = useTranslation();
  if (complete) {
    return (
      <span className="badge badge--done">
        <span aria-hidden="true">✓ </span>
        {t('progress.complete')}
      </span>
    );
  }
  if (!started) {
    return (
      <span className="badge">
        <span aria-hidden="true">○ </span>
        {t('progress.notStarted')}
      </span>
    );
  }
  return (
    <span className="badge badge--progress">
      <span className="badge__meter" aria-hidden="true">
        <span className={`badge__fill badge__fill--${Math.round(percent / 10) * 10}`} />
      </span>
      {t('progress.inProgress', { percent })}
    </span>
  );
}
