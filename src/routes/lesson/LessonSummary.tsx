import { useTranslation } from 'react-i18next';
import type { LessonMeta } from '../../content/tree';
import { useLearnerStore } from '../../progress/learner-store';
import { lessonStatus } from '../../progress/selectors';

/** At the end of a lesson: what the student has done, and links to what is worth another look. */
export function LessonSummary({ meta }: { meta: LessonMeta }) {
  const { t } = useTranslation();
  const progress = useLearnerStore((state) => state.lessons[meta.id]);
  const status = lessonStatus(meta, progress);
  const titleOf = (sectionId: string) => meta.sections.find((s) => s.id === sectionId)?.title ?? sectionId;
  const unread = meta.sections.filter((s) => !status.isRead(s.id));
  const toReview = meta.activities.filter((a) => a.type === 'quiz' && status.quizState(a.id) !== 'solved');
  return (
    <section
      className="lesson-summary"
      aria-labelledby="lesson-summary-title"
      data-complete={status.complete || undefined}
    >
      <h2 id="lesson-summary-title" className="section-title">
        {t('progress.summaryTitle')}
      </h2>
      {status.complete && (
        <p className="lesson-summary__done">
          <span aria-hidden="true">✓ </span>
          {t('progress.summaryComplete')}
        </p>
      )}
      <ul className="lesson-summary__figures">
        <li>{t('progress.summarySections', { read: status.sectionsRead, total: status.sectionsTotal })}</li>
        {status.quizzesTotal > 0 && (
          <li>
            {t('progress.summaryQuizzes', {
              solved: status.quizzesSolved,
              revealed: status.quizzesRevealed,
              total: status.quizzesTotal,
            })}
          </li>
        )}
        {status.reflectionsTotal > 0 && (
          <li>
            {t('progress.summaryReflections', { written: status.reflectionsWritten, total: status.reflectionsTotal })}
          </li>
        )}
      </ul>
      <h3 className="lesson-summary__subtitle">{t('progress.summaryReview')}</h3>
      {unread.length === 0 && toReview.length === 0 ? (
        <p>{t('progress.nothingToReview')}</p>
      ) : (
        <ul className="lesson-summary__review">
          {toReview.map((quiz) => (
            <li key={quiz.id}>
              <a href={`#quiz-${quiz.id}`}>{t('progress.reviewQuiz', { title: titleOf(quiz.section) })}</a>
            </li>
          ))}
          {unread.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{t('progress.reviewSection', { title: section.title })}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
