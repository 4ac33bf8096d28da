/**
 * Progress as students see it, derived from stored records and the current lesson structure.
 * Only ids that exist in the lesson now are counted: records for removed sections or quizzes are
 * kept (they may come back) but ignored here, and new ones simply start unread.
 */
import type { LessonProgress, QuizProgress } from './learner-schema';

/**
 * What progress needs to know about a lesson, handed in by the page that has it: its sections
 * and its quizzes and reflections (the content layer's lesson metadata fits this shape).
 */
export interface LessonOutline {
  id: string;
  sections: readonly { id: string }[];
  activities: readonly { id: string; type: 'quiz' | 'reflection' }[];
}

export type QuizState = 'new' | 'attempted' | 'solved' | 'revealed';

export interface LessonStatus {
  sectionsRead: number;
  sectionsTotal: number;
  quizzesSolved: number;
  quizzesRevealed: number;
  quizzesTotal: number;
  reflectionsWritten: number;
  reflectionsTotal: number;
  /** Every section read and every quiz solved or revealed. */
  complete: boolean;
  started: boolean;
  /** 0–100, over sections and quizzes. */
  percent: number;
  isRead: (sectionId: string) => boolean;
  quizState: (quizId: string) => QuizState;
}

/** A quiz counts as solved when a right answer came in, revealed when "show answer" did first. */
export function quizStateOf(quiz: QuizProgress | undefined): QuizState {
  if (!quiz) return 'new';
  if (quiz.solvedAt > 0 && (quiz.revealedAt === 0 || quiz.solvedAt < quiz.revealedAt)) return 'solved';
  if (quiz.revealedAt > 0) return 'revealed';
  return quiz.attempts > 0 ? 'attempted' : 'new';
}

export function lessonStatus(meta: LessonOutline, progress: LessonProgress | undefined): LessonStatus {
  const isRead = (id: string) => (progress?.sections[id] ?? 0) > 0;
  const quizState = (id: string) => quizStateOf(progress?.quizzes[id]);
  const quizzes = meta.activities.filter((a) => a.type === 'quiz');
  const reflections = meta.activities.filter((a) => a.type === 'reflection');
  const sectionsRead = meta.sections.filter((s) => isRead(s.id)).length;
  const quizzesSolved = quizzes.filter((q) => quizState(q.id) === 'solved').length;
  const quizzesRevealed = quizzes.filter((q) => quizState(q.id) === 'revealed').length;
  const reflectionsWritten = reflections.filter((r) => (progress?.reflections[r.id]?.text.trim() ?? '') !== '').length;
  const total = meta.sections.length + quizzes.length;
  const done = sectionsRead + quizzesSolved + quizzesRevealed;
  return {
    sectionsRead,
    sectionsTotal: meta.sections.length,
    quizzesSolved,
    quizzesRevealed,
    quizzesTotal: quizzes.length,
    reflectionsWritten,
    reflectionsTotal: reflections.length,
    complete: total > 0 && done === total,
    started: (progress?.visitedAt ?? 0) > 0 || done > 0,
    percent: total === 0 ? 0 : Math.round((done / total) * 100),
    isRead,
    quizState,
  };
}

/** The latest moment anything happened in a lesson (0 if never). */
export function lastActivity(progress: LessonProgress | undefined): number {
  if (!progress) return 0;
  let latest = progress.visitedAt;
  for (const at of Object.values(progress.sections)) latest = Math.max(latest, at);
  for (const q of Object.values(progress.quizzes)) latest = Math.max(latest, q.updatedAt);
  for (const r of Object.values(progress.reflections)) latest = Math.max(latest, r.updatedAt);
  return latest;
}

/** Where "continue where you left off" goes: the most recent unfinished lesson, at its first unread section. */
export function continueTarget<Lesson extends LessonOutline>(
  lessons: readonly Lesson[],
  progress: Record<string, LessonProgress>,
): { lesson: Lesson; sectionId?: string } | null {
  let best: { lesson: Lesson; at: number } | null = null;
  for (const lesson of lessons) {
    const p = progress[lesson.id];
    const at = lastActivity(p);
    if (at === 0 || lessonStatus(lesson, p).complete) continue;
    if (!best || at > best.at) best = { lesson, at };
  }
  if (!best) return null;
  const status = lessonStatus(best.lesson, progress[best.lesson.id]);
  const next = best.lesson.sections.find((s) => !status.isRead(s.id));
  return next ? { lesson: best.lesson, sectionId: next.id } : { lesson: best.lesson };
}
