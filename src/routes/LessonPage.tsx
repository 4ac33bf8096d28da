import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { useLang } from '../lib/use-lang';
import { loadLesson, loadLessonRest, lessonMeta } from '../content/course';
import { Blocks } from '../content/render/Blocks';
import { RenderContext } from '../content/render/render-context';
import { groupSections, takeBudget } from '../content/render/sections';
import { SectionBlocks } from '../content/render/SectionBlocks';
import { useRenderContextValue } from '../content/render/use-render-context-value';
import type { BlockNode, CompiledLesson, LessonMeta } from '../content/tree';
import { useDocumentTitle } from '../lib/use-document-title';
import { useLoader, type Loadable } from '../lib/use-loader';
import { useScrollToHash } from '../lib/use-scroll-to-hash';
import { useLearnerStore } from '../progress/learner-store';
import { LessonFooter, LessonLinks } from './lesson/LessonLinks';
import { TableOfContents } from './lesson/TableOfContents';
import { NotFoundPage } from './NotFoundPage';
import { useReadTracking } from './lesson/use-read-tracking';
import { LessonSummary } from './lesson/LessonSummary';

export function LessonPage() {
  const { slug = '' } = useParams();
  const lang = useLang();
  const meta = lessonMeta(lang, slug);
  if (!meta) return <NotFoundPage lessonSlug={slug} />;
  return <Lesson key={`${lang}/${slug}`} meta={meta} />;
}

function Lesson({ meta }: { meta: LessonMeta }) {
  const { t } = useTranslation();
  const lang = useLang();
  const markVisited = useLearnerStore((state) => state.markVisited);
  const head = useLoader(`${lang}/${meta.id}`, async () => {
    const loaded = await loadLesson(lang, meta.id);
    if (!loaded) throw new Error(`lesson ${meta.id} missing from the build`);
    return loaded;
  });
  // The lesson's later sections come in a chunk of their own, fetched alongside the first.
  const rest = useLoader(`${lang}/${meta.id}/rest`, () => loadLessonRest(lang, meta.id));
  const lesson = bothLoaded(head, rest);
  useDocumentTitle(meta.title, t('app.name'));
  useEffect(() => markVisited(meta.id), [markVisited, meta.id]);
  // The body renders in slices (see LessonBody); read tracking and the table of contents
  // start once every section is in the page.
  const [bodyComplete, setBodyComplete] = useState(false);
  const ready = lesson.status === 'ready' && bodyComplete;
  useReadTracking(meta.id, ready);

  return (
    <div className="page page--lesson">
      <div className="lesson-layout">
        <TableOfContents meta={meta} ready={ready} />
        <article className="lesson" aria-labelledby="lesson-title">
          <header className="lesson__header">
            <h1 id="lesson-title">{meta.title}</h1>
            <p className="lesson__summary">{meta.summary}</p>
            <LessonLinks meta={meta} />
          </header>
          {lesson.status === 'ready' && (
            <LessonBody lesson={lesson.value.lesson} whole={lesson.value.whole} onComplete={setBodyComplete} />
          )}
          {lesson.status === 'loading' && (
            <p className="lesson__status" role="status">
              {t('lesson.loading')}
            </p>
          )}
          {lesson.status === 'failed' && (
            <div className="lesson__status" role="alert">
              <p>{t('lesson.loadFailed')}</p>
              <button type="button" className="button" onClick={lesson.retry}>
                {t('lesson.retry')}
              </button>
            </div>
          )}
          {lesson.status === 'ready' && <LessonSummary meta={meta} />}
          <LessonFooter meta={meta} />
        </article>
      </div>
    </div>
  );
}

/**
 * The first chunk alone, ready while the rest is on its way (its slices render meanwhile); whole
 * once the rest is in; failed, with one retry for both, if either failed.
 */
function bothLoaded(
  head: Loadable<CompiledLesson>,
  rest: Loadable<BlockNode[]>,
): Loadable<{ lesson: CompiledLesson; whole: boolean }> {
  if (head.status === 'failed') return head;
  if (rest.status === 'failed') return { status: 'failed', retry: rest.retry };
  if (head.status !== 'ready') return head;
  return rest.status === 'ready'
    ? { status: 'ready', value: { lesson: { ...head.value, body: [...head.value.body, ...rest.value] }, whole: true } }
    : { status: 'ready', value: { lesson: head.value, whole: false } };
}

/** Text before the first section; memoised like sections, so later slices skip it. */
const IntroBlocks = memo(Blocks);

/** Render cost of the first slice (enough to fill the first screen), and of each later slice. */
const FIRST_SLICE = 8;
const NEXT_SLICE = 4;

function LessonBody({
  lesson,
  whole,
  onComplete,
}: {
  lesson: CompiledLesson;
  /** False while the lesson's later sections are still loading. */
  whole: boolean;
  onComplete: (complete: boolean) => void;
}) {
  const { hash } = useLocation();
  const context = useRenderContextValue(lesson.lang, lesson.id, lesson.terms, lesson.misconceptions);
  const groups = useMemo(() => groupSections(lesson.body), [lesson]);
  // A long lesson rendered in one go is one long task that blocks input. The first screen renders
  // at once, then a slice of similar cost per task, so no task grows with the lesson. A link to a
  // section renders everything at once, so the target exists when the page scrolls to it.
  const [budget, setBudget] = useState(() => (hash === '' ? FIRST_SLICE : Infinity));
  const shown = useMemo(() => takeBudget(groups, budget), [groups, budget]);
  const allShown = shown.complete;
  const complete = allShown && whole;
  useEffect(() => {
    if (complete) {
      onComplete(true);
      return undefined;
    }
    // Everything loaded so far is on screen: the next slice waits for the rest to arrive.
    if (allShown) return undefined;
    const timer = setTimeout(() => startTransition(() => setBudget((n) => n + NEXT_SLICE)), 0);
    return () => clearTimeout(timer);
  }, [complete, allShown, budget, onComplete]);
  useScrollToHash(complete ? lesson : null);

  return (
    <RenderContext.Provider value={context}>
      <div className="lesson__body" data-lang={lesson.lang} data-complete={complete ? '' : undefined}>
        {shown.groups.map((group, i) =>
          group.id ? (
            <section key={group.id} className="lesson-section" aria-labelledby={group.id}>
              <SectionBlocks id={group.id} nodes={group.blocks} />
            </section>
          ) : (
            <IntroBlocks key={`intro-${i}`} nodes={group.blocks} />
          ),
        )}
      </div>
    </RenderContext.Provider>
  );
}
