/**
 * How two copies of a student's progress combine (two tabs, or an import). The rule:
 * - a lesson reset is an epoch: the latest `resetAt` wins and clears everything recorded at or
 *   before it, so a reset in one tab is not undone by the other;
 * - completions are a union: a section read, a quiz solved or revealed survives unless a reset
 *   covers it (their times merge by maximum);
 * - latest answers, reflection text and settings are last-write-wins by timestamp, with ties
 *   broken by content so the result does not depend on argument order.
 * The merge is commutative, associative and idempotent (property-tested), so tabs converge
 * whatever order their writes arrive in.
 */
import {
  dict,
  type LearnerData,
  type LessonProgress,
  type QuizProgress,
  type ReflectionProgress,
  type Settings,
} from './learner-schema';

export function mergeLearnerData(a: LearnerData, b: LearnerData): LearnerData {
  const lessons = dict<LessonProgress>();
  for (const id of new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)])) {
    lessons[id] = mergeLesson(a.lessons[id], b.lessons[id]);
  }
  return {
    settings: latest(a.settings, b.settings, (s) => s.updatedAt),
    lessons,
    // The lower non-zero seed: both tabs settle on the same shuffle.
    shuffleSeed:
      a.shuffleSeed && b.shuffleSeed ? Math.min(a.shuffleSeed, b.shuffleSeed) : a.shuffleSeed || b.shuffleSeed,
  };
}

function mergeLesson(a: LessonProgress | undefined, b: LessonProgress | undefined): LessonProgress {
  const resetAt = Math.max(a?.resetAt ?? 0, b?.resetAt ?? 0);
  const alive = (at: number) => at > resetAt;
  const sections = unionOfTimes(a?.sections, b?.sections, alive);
  const goals = unionOfTimes(a?.goals, b?.goals, alive);
  const quizzes = dict<QuizProgress>();
  for (const id of keys(a?.quizzes, b?.quizzes)) {
    const merged = mergeQuiz(a?.quizzes[id], b?.quizzes[id], resetAt);
    if (merged) quizzes[id] = merged;
  }
  const reflections = dict<ReflectionProgress>();
  for (const id of keys(a?.reflections, b?.reflections)) {
    const candidates = [a?.reflections[id], b?.reflections[id]].filter(
      (r): r is ReflectionProgress => !!r && alive(r.updatedAt),
    );
    const winner = candidates.reduce<ReflectionProgress | undefined>(
      (best, r) => (best ? latest(best, r, (x) => x.updatedAt) : r),
      undefined,
    );
    if (winner) reflections[id] = { ...winner };
  }
  return { resetAt, visitedAt: Math.max(a?.visitedAt ?? 0, b?.visitedAt ?? 0), sections, quizzes, reflections, goals };
}

function mergeQuiz(
  a: QuizProgress | undefined,
  b: QuizProgress | undefined,
  resetAt: number,
): QuizProgress | undefined {
  const live = [a, b].filter((q): q is QuizProgress => !!q && q.updatedAt > resetAt);
  if (live.length === 0) return undefined;
  const base = live.reduce((best, q) => latest(best, q, (x) => x.updatedAt));
  const solvedAt = Math.max(...live.map((q) => (q.solvedAt > resetAt ? q.solvedAt : 0)));
  const revealedAt = Math.max(...live.map((q) => (q.revealedAt > resetAt ? q.revealedAt : 0)));
  // Attempts travel with the latest record: taking a maximum across records would not survive a
  // later reset filter the same way in every merge order.
  return { ...base, answer: [...base.answer], solvedAt, revealedAt };
}

/** The later of two values by `time`; on a tie, the one whose JSON sorts last (order-free). */
function latest<T>(a: T, b: T, time: (value: T) => number): T {
  const ta = time(a);
  const tb = time(b);
  if (ta !== tb) return ta > tb ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/** Completion times from both sides: a union, keeping the latest time of each. */
function unionOfTimes(
  a: Record<string, number> | undefined,
  b: Record<string, number> | undefined,
  alive: (at: number) => boolean,
): Record<string, number> {
  const out = dict<number>();
  for (const source of [a, b]) {
    for (const [id, at] of Object.entries(source ?? {})) if (alive(at)) out[id] = Math.max(out[id] ?? 0, at);
  }
  return out;
}

function keys(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): Set<string> {
  return new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
}

export type { Settings };
