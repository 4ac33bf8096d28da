/**
 * Pure quiz logic: grading an answer and the per-student option order. No React, no store: the
 * quiz component emits results and the content adapter records them.
 */
import { fnv1a } from '../engine/pure';
import type { QuizData, QuizOption } from './model';

export type Verdict = 'right' | 'wrong' | 'missed' | 'neutral';

export interface Grade {
  correct: boolean;
  /** Per option: `right` (chosen and correct), `wrong` (chosen, incorrect), `missed` (a correct
   * option left out, in multiple choice), `neutral` (not chosen, and rightly so). */
  verdicts: Record<string, Verdict>;
}

/**
 * Answers are option ids; for true/false quizzes each entry is `id=true` or `id=false`, and a
 * statement left unanswered counts as wrong.
 */
export function gradeQuiz(quiz: QuizData, answer: readonly string[]): Grade {
  const verdicts: Record<string, Verdict> = {};
  if (quiz.kind === 'truefalse') {
    for (const option of quiz.options) {
      const given = answer.includes(`${option.id}=true`)
        ? true
        : answer.includes(`${option.id}=false`)
          ? false
          : undefined;
      verdicts[option.id] = given === undefined ? 'missed' : given === option.correct ? 'right' : 'wrong';
    }
  } else {
    for (const option of quiz.options) {
      const chosen = answer.includes(option.id);
      verdicts[option.id] = chosen
        ? option.correct
          ? 'right'
          : 'wrong'
        : option.correct && quiz.kind === 'multiple'
          ? 'missed'
          : 'neutral';
    }
    if (quiz.kind === 'single' || quiz.kind === 'predict') {
      const correctChosen = quiz.options.some((o) => o.correct && answer.includes(o.id));
      return { correct: correctChosen && answer.length === 1, verdicts };
    }
  }
  return { correct: Object.values(verdicts).every((v) => v === 'right' || v === 'neutral'), verdicts };
}

/** The answer key, as "show answer" fills it in. */
export function correctAnswer(quiz: QuizData): string[] {
  return quiz.kind === 'truefalse'
    ? quiz.options.map((o) => `${o.id}=${o.correct}`)
    : quiz.options.filter((o) => o.correct).map((o) => o.id);
}

/**
 * The order a student sees: shuffled per student and quiz, stable across reloads and languages.
 * True/false statements keep their written order (they often build on each other).
 */
export function optionOrder<Q extends QuizData>(quiz: Q, studentSeed: number): Q['options'] {
  if (quiz.kind === 'truefalse') return quiz.options;
  let state = fnv1a(`${studentSeed}:${quiz.id}`) || 1;
  const next = () => {
    // xorshift32: small, deterministic, good enough to deal a few options.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const order = [...quiz.options];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as QuizOption, order[i] as QuizOption];
  }
  return order;
}
