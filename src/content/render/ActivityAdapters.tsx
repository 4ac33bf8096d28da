/**
 * Where features meet: the quiz and reflection components know nothing of the store, and the store
 * nothing of React components. These adapters connect them for one lesson.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { optionOrder } from '../../quiz/grading';
import { Quiz } from '../../quiz/Quiz';
import { Reflection } from '../../quiz/Reflection';
import { useLearnerStore } from '../../progress/learner-store';
import { quizStateOf } from '../../progress/selectors';
import type { BlockDirectiveNode, BlockNode, InlineNode, QuizData } from '../tree';
import { Blocks } from './Blocks';
import { Inlines } from './Inlines';
import { PacketFlowAdapter } from './PacketFlowAdapter';
import { SchedulingReplayAdapter } from './SchedulingAdapters';
import { useRenderContext } from './render-context';

const renderBlocks = (nodes: BlockNode[]) => <Blocks nodes={nodes} />;
const renderInlines = (nodes: InlineNode[]) => <Inlines nodes={nodes} />;
/**
 * A predict quiz's run, as a widget of its own: the same record (config, script, seed, or the
 * scheduling experiment) the build measured, replayed to its end, where it shows the same measured
 * quantity.
 */
const renderRun = (quiz: QuizData) => {
  const predict = quiz.predict;
  if (!predict) return null;
  const id = `${quiz.id}-run`;
  if (predict.experiment !== undefined)
    return (
      <SchedulingReplayAdapter
        widgetId={id}
        experimentId={predict.experiment}
        replay={{ measure: predict.measure, format: predict.format }}
      />
    );
  if (predict.scenario === undefined) return null;
  return (
    <PacketFlowAdapter
      node={{ t: 'directive', name: 'packet-flow', attrs: { id, scenario: predict.scenario }, c: [] }}
      replay={{ measure: predict.measure, format: predict.format }}
      withGoal={false}
    />
  );
};

export function QuizAdapter({ node }: { node: BlockDirectiveNode }) {
  const { t } = useTranslation();
  const { lessonId, misconceptions } = useRenderContext();
  const data = node.data?.type === 'quiz' ? node.data : null;
  const lesson = lessonId ?? '';
  const stored = useLearnerStore((state) => (data ? state.lessons[lesson]?.quizzes[data.id] : undefined));
  const seed = useLearnerStore((state) => state.shuffleSeed);
  const checkQuiz = useLearnerStore((state) => state.checkQuiz);
  const revealQuiz = useLearnerStore((state) => state.revealQuiz);
  const order = useMemo(() => (data ? optionOrder(data, seed) : []), [data, seed]);
  // Live: an answer given in another tab (or a reset, or an import) reaches the open quiz.
  const saved = useMemo(
    () => (stored ? { answer: stored.answer, state: quizStateOf(stored), updatedAt: stored.updatedAt } : null),
    [stored],
  );
  const onCheck = useCallback(
    (answer: string[], correct: boolean) => data && checkQuiz(lesson, data.id, answer, correct),
    [checkQuiz, data, lesson],
  );
  const onReveal = useCallback(
    (answer: string[]) => data && revealQuiz(lesson, data.id, answer),
    [revealQuiz, data, lesson],
  );
  const misconceptionTitle = useCallback((id: string) => misconceptions[id]?.title, [misconceptions]);
  if (!data) return null;
  const reread = data.section ? (
    <a href={`#${data.section.id}`}>{t('quiz.reread', { section: data.section.title })}</a>
  ) : undefined;
  return (
    <Quiz
      quiz={data}
      order={order}
      saved={saved}
      onCheck={onCheck}
      onReveal={onReveal}
      renderBlocks={renderBlocks}
      renderInlines={renderInlines}
      renderRun={renderRun}
      misconceptionTitle={misconceptionTitle}
      reread={reread}
    />
  );
}

export function ReflectionAdapter({ node }: { node: BlockDirectiveNode }) {
  const { lessonId } = useRenderContext();
  const data = node.data?.type === 'reflection' ? node.data : null;
  const lesson = lessonId ?? '';
  const savedText = useLearnerStore((state) => (data ? (state.lessons[lesson]?.reflections[data.id]?.text ?? '') : ''));
  const saveReflection = useLearnerStore((state) => state.saveReflection);
  const onSave = useCallback(
    (text: string) => data && saveReflection(lesson, data.id, text),
    [saveReflection, data, lesson],
  );
  if (!data) return null;
  return (
    <Reflection key={data.id} reflection={data} savedText={savedText} onSave={onSave} renderBlocks={renderBlocks} />
  );
}
