/**
 * What a quiz says under each option, by phase. After a wrong attempt it marks only the wrong
 * choices (and, in true/false, the statements already right), naming the misconception behind a
 * wrong choice but explaining nothing: the explanations would give the answer away. They all
 * appear once the quiz is solved, or when the student asks for the answer.
 */
import type { Grade, Verdict } from './grading';
import type { QuizData, QuizOption } from './model';

export type Phase = 'answering' | 'checked' | 'revealed';

export interface FeedbackInfo {
  tone: Verdict;
  icon: string;
  /** A translation key for the verdict's word. */
  label:
    | 'predict.yourRight'
    | 'predict.yourWrong'
    | 'predict.happened'
    | 'quiz.statementTrue'
    | 'quiz.statementFalse'
    | 'quiz.correctOption'
    | 'quiz.incorrectOption'
    | 'quiz.verdict.right'
    | 'quiz.verdict.wrong'
    | 'quiz.verdict.missed';
  /** Whether the option's explanation shows. */
  explain: boolean;
  /** After a wrong attempt: the misconception the chosen wrong option stands for. */
  misconception?: string;
}

const ICON: Record<Verdict, string> = { right: '✓', wrong: '✗', missed: '!', neutral: '' };

export function feedbackFor(params: {
  quiz: QuizData;
  option: QuizOption;
  phase: Phase;
  grade: Grade;
  /** The student's own answer (a prediction is shown next to the outcome). */
  answer: readonly string[];
}): FeedbackInfo | null {
  const { quiz, option, phase, grade, answer } = params;
  if (phase === 'answering') return null;
  if (quiz.kind === 'predict') {
    // Beside the prediction: the student's choice, and the outcome the engine measured.
    if (answer.includes(option.id))
      return option.correct
        ? { tone: 'right', icon: '✓', label: 'predict.yourRight', explain: true }
        : { tone: 'wrong', icon: '✗', label: 'predict.yourWrong', explain: true };
    return option.correct ? { tone: 'right', icon: '✓', label: 'predict.happened', explain: true } : null;
  }
  if (phase === 'revealed') {
    // After "show answer" every option explains itself.
    if (quiz.kind === 'truefalse')
      return {
        tone: 'right',
        icon: option.correct ? '✓' : '✗',
        label: option.correct ? 'quiz.statementTrue' : 'quiz.statementFalse',
        explain: true,
      };
    return option.correct
      ? { tone: 'right', icon: '✓', label: 'quiz.correctOption', explain: true }
      : { tone: 'neutral', icon: '–', label: 'quiz.incorrectOption', explain: true };
  }
  const verdict = grade.verdicts[option.id] ?? 'neutral';
  if (grade.correct) {
    if (verdict === 'neutral') return null;
    return { tone: verdict, icon: ICON[verdict], label: `quiz.verdict.${verdict}`, explain: true };
  }
  // A wrong attempt: say which choices are wrong, nothing about the rest.
  if (verdict === 'wrong')
    return {
      tone: 'wrong',
      icon: '✗',
      label: 'quiz.verdict.wrong',
      explain: false,
      ...(option.misconception ? { misconception: option.misconception } : {}),
    };
  if (verdict === 'right' && quiz.kind === 'truefalse')
    return { tone: 'right', icon: '✓', label: 'quiz.verdict.right', explain: false };
  return null;
}

/**
 * What the status line says after a wrong attempt. A "select all" answer with no wrong choice is
 * only incomplete: saying "the choices marked ✗ are wrong" there would point at nothing.
 */
export function wrongAttemptKey(
  quiz: QuizData,
  grade: Grade,
): 'quiz.notYet' | 'quiz.notYetStatements' | 'quiz.notYetMissing' {
  if (quiz.kind === 'truefalse') return 'quiz.notYetStatements';
  const anyWrong = Object.values(grade.verdicts).includes('wrong');
  return anyWrong ? 'quiz.notYet' : 'quiz.notYetMissing';
}

/** True/false statements already answered right: a retry keeps them and asks only the rest. */
export function statementsToKeep(quiz: QuizData, grade: Grade): string[] {
  if (quiz.kind !== 'truefalse') return [];
  return quiz.options.filter((o) => grade.verdicts[o.id] === 'right').map((o) => o.id);
}
