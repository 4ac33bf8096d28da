import { describe, expect, it } from 'vitest';
import type { QuizData } from '../../src/content/tree';
import { correctAnswer, gradeQuiz, optionOrder } from '../../src/quiz/grading';

const option = (id: string, correct: boolean) => ({
  id,
  correct,
  text: [{ t: 'text' as const, v: id }],
  explanation: [],
});
const quiz = (kind: QuizData['kind'], correct: boolean[]): QuizData => ({
  type: 'quiz',
  id: `q-${kind}`,
  kind,
  question: [],
  options: correct.map((c, i) => option('abcdef'[i]!, c)),
});

describe('quiz grading', () => {
  it('grades single choice', () => {
    const q = quiz('single', [false, true, false]);
    expect(gradeQuiz(q, ['b']).correct).toBe(true);
    expect(gradeQuiz(q, ['a'])).toEqual({ correct: false, verdicts: { a: 'wrong', b: 'neutral', c: 'neutral' } });
  });

  it('grades multiple choice: every right option and no wrong one', () => {
    const q = quiz('multiple', [true, false, true]);
    expect(gradeQuiz(q, ['a', 'c']).correct).toBe(true);
    expect(gradeQuiz(q, ['a'])).toEqual({ correct: false, verdicts: { a: 'right', b: 'neutral', c: 'missed' } });
    expect(gradeQuiz(q, ['a', 'b', 'c']).correct).toBe(false);
  });

  it('grades true/false statements one by one', () => {
    const q = quiz('truefalse', [false, true]);
    expect(gradeQuiz(q, ['a=false', 'b=true']).correct).toBe(true);
    expect(gradeQuiz(q, ['a=true', 'b=true']).verdicts).toEqual({ a: 'wrong', b: 'right' });
    expect(gradeQuiz(q, ['b=true']).verdicts.a).toBe('missed');
  });

  it('knows the answer key', () => {
    expect(
      gradeQuiz(quiz('multiple', [true, false, true]), correctAnswer(quiz('multiple', [true, false, true]))).correct,
    ).toBe(true);
    expect(correctAnswer(quiz('truefalse', [false, true]))).toEqual(['a=false', 'b=true']);
  });

  it('shuffles per student, stably, and keeps true/false order', () => {
    const q = quiz('single', [true, false, false, false, false]);
    const order = (seed: number) =>
      optionOrder(q, seed)
        .map((o) => o.id)
        .join('');
    expect(order(7)).toBe(order(7));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(order)).size).toBeGreaterThan(3);
    expect(optionOrder(quiz('truefalse', [true, false, true]), 9).map((o) => o.id)).toEqual(['a', 'b', 'c']);
  });
});
