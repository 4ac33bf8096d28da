import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizData, QuizOption } from './model';
import { feedbackFor, statementsToKeep, wrongAttemptKey, type FeedbackInfo, type Phase } from './feedback';
import { correctAnswer, gradeQuiz } from './grading';
import { PredictRun } from './PredictRun';

/** `Blocks` and `Inlines`: the compiled content of question, options and explanations. */
export interface QuizProps<Blocks, Inlines> {
  quiz: QuizData<Blocks, Inlines>;
  /** Options in the order this student sees them. */
  order: QuizOption<Blocks, Inlines>[];
  /**
   * The latest stored answer and whether it was solved or revealed. It follows the store, so an
   * answer given in another tab shows here too.
   */
  saved: SavedQuiz | null;
  onCheck: (answer: string[], correct: boolean) => void;
  onReveal: (answer: string[]) => void;
  renderBlocks: (nodes: Blocks) => ReactNode;
  renderInlines: (nodes: Inlines) => ReactNode;
  /** For predict quizzes: the scenario, running in place once the prediction is locked in. */
  renderRun?: (quiz: QuizData<Blocks, Inlines>) => ReactNode;
  /** The title of a misconception a wrong option stands for, named after a wrong attempt. */
  misconceptionTitle?: (id: string) => string | undefined;
  /** After a wrong attempt: a link back to the section that answers the quiz. */
  reread?: ReactNode;
}

export interface SavedQuiz {
  answer: string[];
  state: 'new' | 'attempted' | 'solved' | 'revealed';
  /** When the stored record last changed: a newer one (say, from another tab) is shown at once. */
  updatedAt: number;
}

const phaseOf = (saved: SavedQuiz | null): Phase =>
  saved?.state === 'revealed' ? 'revealed' : saved && saved.state !== 'new' ? 'checked' : 'answering';
const savedKey = (saved: SavedQuiz | null) => (saved ? `${saved.updatedAt}:${saved.state}` : 'none');

/**
 * A quiz: choose, then Check. A wrong attempt marks the wrong choices, names the misconception
 * behind each and points back to the section; "Try again" (a true/false retry asks only the
 * statements still wrong) and "I don't know, show the answer" stay until it is solved, and then
 * every choice explains itself. Radio and checkbox groups are native inputs in fieldsets, results
 * are announced through a live region, and every verdict has an icon and a word, not colour alone.
 */
export function Quiz<Blocks, Inlines>({
  quiz,
  order,
  saved,
  onCheck,
  onReveal,
  renderBlocks,
  renderInlines,
  renderRun,
  misconceptionTitle,
  reread,
}: QuizProps<Blocks, Inlines>) {
  const { t } = useTranslation();
  const baseId = useId();
  const [answer, setAnswer] = useState<string[]>(() => saved?.answer ?? []);
  const [phase, setPhase] = useState<Phase>(() => phaseOf(saved));
  // Follow the store: a newer record (another tab, a lesson reset, an import) replaces what is
  // shown, unless the student has a selection here that they have not checked yet; that one
  // stays, and when they check it the store merges both by its usual rules.
  const [shownKey, setShownKey] = useState(() => savedKey(saved));
  const [draft, setDraft] = useState(false);
  if (savedKey(saved) !== shownKey && !draft) {
    setShownKey(savedKey(saved));
    setAnswer(saved?.answer ?? []);
    setPhase(phaseOf(saved));
  }
  const [announcement, setAnnouncement] = useState('');
  /** True/false statements a retry keeps (already right), locked until the quiz is done. */
  const [kept, setKept] = useState<string[]>([]);
  // A prediction is committed once: afterwards the student's own choice stays on screen, next to
  // what the engine measured.
  const predict = quiz.kind === 'predict';
  const shown = phase === 'revealed' && !(predict && answer.length > 0) ? correctAnswer(quiz) : answer;
  const grade = gradeQuiz(quiz, shown);
  const locked = phase !== 'answering';
  const complete =
    quiz.kind === 'truefalse'
      ? quiz.options.every((o) => answer.some((a) => a.startsWith(`${o.id}=`)))
      : answer.length > 0;

  const check = () => {
    const result = gradeQuiz(quiz, answer);
    setDraft(false);
    setPhase('checked');
    onCheck(answer, result.correct);
    if (predict) {
      setAnnouncement(result.correct ? t('predict.announceRight') : t('predict.announceWrong'));
      // There is no second try at a prediction: a wrong one shows the answer, and counts as seen.
      if (!result.correct) onReveal(answer);
    } else setAnnouncement(result.correct ? t('quiz.announceRight') : t('quiz.announceWrong'));
  };
  const reveal = () => {
    setDraft(false);
    setPhase('revealed');
    setAnnouncement(t('quiz.announceRevealed'));
    onReveal(answer);
  };
  const retry = () => {
    const keep = statementsToKeep(quiz, grade);
    setKept(keep);
    if (quiz.kind === 'truefalse') setAnswer((a) => a.filter((x) => keep.includes(x.split('=')[0] ?? '')));
    setPhase('answering');
    setAnnouncement('');
  };
  const choose = (optionId: string, value?: boolean) => {
    if (locked || kept.includes(optionId)) return;
    setDraft(true);
    if (quiz.kind === 'single' || predict) setAnswer([optionId]);
    else if (quiz.kind === 'multiple')
      setAnswer((a) => (a.includes(optionId) ? a.filter((x) => x !== optionId) : [...a, optionId]));
    else setAnswer((a) => [...a.filter((x) => !x.startsWith(`${optionId}=`)), `${optionId}=${value}`]);
  };

  const questionId = `${baseId}-question`;
  const solved = phase === 'checked' && grade.correct;
  const feedback = (option: QuizOption<Blocks, Inlines>) =>
    feedbackFor({ quiz: quiz as QuizData, option: option as QuizOption, phase, grade, answer });
  const renderFeedback = (option: QuizOption<Blocks, Inlines>) => (
    <Feedback
      info={feedback(option)}
      explanation={option.explanation}
      renderBlocks={renderBlocks}
      misconceptionTitle={misconceptionTitle}
    />
  );
  const wrongAttempt = phase === 'checked' && !grade.correct && !predict;

  return (
    <section
      className={`quiz quiz--${phase}${solved ? ' quiz--solved' : ''}`}
      aria-labelledby={questionId}
      id={`quiz-${quiz.id}`}
      data-quiz={quiz.id}
      data-kind={quiz.kind}
    >
      <p className="quiz__kicker">
        <span aria-hidden="true">?</span> {t(`quiz.kind.${quiz.kind}`)}
      </p>
      <div className="quiz__question" id={questionId}>
        {renderBlocks(quiz.question)}
      </div>
      {predict && phase === 'answering' && <p className="quiz__hint">{t('predict.intro')}</p>}
      {quiz.kind === 'truefalse' ? (
        <ol className="quiz__statements">
          {order.map((option) => {
            const given = shown.find((a) => a.startsWith(`${option.id}=`))?.split('=')[1];
            const statementId = `${baseId}-${option.id}`;
            return (
              <li key={option.id} className="quiz__statement">
                <fieldset aria-labelledby={statementId} disabled={locked || kept.includes(option.id)}>
                  <p className="quiz__statement-text" id={statementId}>
                    {renderInlines(option.text)}
                  </p>
                  <div className="quiz__tf">
                    {(['true', 'false'] as const).map((value) => (
                      <label key={value} className="quiz__choice">
                        <input
                          type="radio"
                          name={statementId}
                          checked={given === value}
                          onChange={() => choose(option.id, value === 'true')}
                        />
                        {t(value === 'true' ? 'quiz.true' : 'quiz.false')}
                      </label>
                    ))}
                  </div>
                </fieldset>
                {renderFeedback(option)}
              </li>
            );
          })}
        </ol>
      ) : (
        <fieldset className="quiz__options" aria-labelledby={questionId} disabled={locked}>
          {quiz.kind === 'multiple' && <p className="quiz__hint">{t('quiz.selectAll')}</p>}
          <ul>
            {order.map((option) => (
              <li key={option.id} className="quiz__option">
                <label className="quiz__choice">
                  <input
                    type={quiz.kind === 'multiple' ? 'checkbox' : 'radio'}
                    name={`${baseId}-options`}
                    checked={shown.includes(option.id)}
                    onChange={() => choose(option.id)}
                  />
                  <span>{renderInlines(option.text)}</span>
                </label>
                {renderFeedback(option)}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="quiz__actions">
        {phase === 'answering' && (
          <button type="button" className="button" onClick={check} disabled={!complete}>
            {predict ? t('predict.lockIn') : t('quiz.check')}
          </button>
        )}
        {phase === 'checked' && !grade.correct && !predict && (
          <button type="button" className="button" onClick={retry}>
            {t('quiz.tryAgain')}
          </button>
        )}
        {phase !== 'revealed' && !solved && !(predict && phase === 'checked') && (
          <button type="button" className="button button--quiet" onClick={reveal}>
            {t('quiz.showAnswer')}
          </button>
        )}
      </div>
      <p className="quiz__status" role="status">
        {predict
          ? phase !== 'answering' &&
            (answer.length === 0
              ? t('predict.revealed')
              : grade.correct
                ? `✓ ${t('predict.right')}`
                : `✗ ${t('predict.wrong')}`)
          : phase === 'checked'
            ? grade.correct
              ? `✓ ${t('quiz.right')}`
              : `✗ ${t(wrongAttemptKey(quiz, grade))}`
            : phase === 'revealed' && t('quiz.revealed')}
        <span className="visually-hidden">{announcement}</span>
      </p>
      {wrongAttempt && reread && <p className="quiz__reread">{reread}</p>}
      {predict && phase !== 'answering' && quiz.predict && (
        <PredictRun predict={quiz.predict}>{renderRun?.(quiz)}</PredictRun>
      )}
    </section>
  );
}

function Feedback<Blocks>({
  info,
  explanation,
  renderBlocks,
  misconceptionTitle,
}: {
  info: FeedbackInfo | null;
  explanation: Blocks;
  renderBlocks: (nodes: Blocks) => ReactNode;
  misconceptionTitle: ((id: string) => string | undefined) | undefined;
}) {
  const { t } = useTranslation();
  if (!info) return null;
  const misconception = info.misconception ? misconceptionTitle?.(info.misconception) : undefined;
  return (
    <div className={`quiz__feedback quiz__feedback--${info.tone}`}>
      <p className="quiz__verdict">
        <span aria-hidden="true">{info.icon}</span> {t(info.label)}
        {misconception && (
          <span className="quiz__misconception">
            {' · '}
            {t('quiz.misconception', { title: misconception })}
          </span>
        )}
      </p>
      {info.explain && renderBlocks(explanation)}
    </div>
  );
}
