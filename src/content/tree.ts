/**
 * The compiled lesson tree: plain JSON produced at build time by `compile/` and rendered by
 * `render/`. The browser never sees markdown, so this is the whole contract between the two.
 */
import type { MeasureFormat } from '../lib/format-measure';
import type { Lang } from '../lib/lang';
import type {
  QuizData as QuizModel,
  QuizOption as QuizOptionModel,
  ReflectionData as ReflectionModel,
} from '../quiz/model';

export type InlineNode =
  | { t: 'text'; v: string }
  | { t: 'em' | 'strong' | 'del'; c: InlineNode[] }
  | { t: 'code'; v: string }
  | { t: 'br' }
  /** External link (http, https, mailto only: checked at build time). */
  | { t: 'link'; href: string; c: InlineNode[] }
  /** Link to a lesson, or to a section of one; `lesson` is a language-neutral id. */
  | { t: 'lessonLink'; lesson: string; anchor?: string; c: InlineNode[] }
  /** Link to a section of the current lesson. */
  | { t: 'anchorLink'; anchor: string; c: InlineNode[] }
  | { t: 'glossaryLink'; term: string; c: InlineNode[] }
  | InlineDirectiveNode;

export interface InlineDirectiveNode {
  t: 'inlineDirective';
  name: string;
  attrs: Record<string, string>;
  c: InlineNode[];
  /** `:measure`: the number the engine measured at build time; the renderer only formats it. */
  measured?: { value: number; format: MeasureFormat };
}

export type TableAlign = 'left' | 'right' | 'center' | null;

export type BlockNode =
  | { t: 'p'; c: InlineNode[] }
  | { t: 'heading'; depth: 2 | 3; id: string; c: InlineNode[] }
  | { t: 'list'; ordered: boolean; start?: number; items: BlockNode[][] }
  | { t: 'pre'; lang?: string; v: string }
  | { t: 'blockquote'; c: BlockNode[] }
  | { t: 'table'; align: TableAlign[]; head: InlineNode[][]; rows: InlineNode[][][] }
  | { t: 'hr' }
  | BlockDirectiveNode;

export interface BlockDirectiveNode {
  t: 'directive';
  name: string;
  attrs: Record<string, string>;
  /** The `[label]` of a container directive, e.g. a callout title. */
  label?: InlineNode[];
  c: BlockNode[];
  /** Structured content of directives that have one (quizzes, reflections), parsed at build time. */
  data?: DirectiveData;
}

/** Quizzes and reflections hold compiled blocks and inlines (the model is the quiz layer's). */
export type QuizOption = QuizOptionModel<BlockNode[], InlineNode[]>;
export type QuizData = QuizModel<BlockNode[], InlineNode[]>;
export type ReflectionData = ReflectionModel<BlockNode[]>;
export type { PredictData, QuizKind } from '../quiz/model';

export type DirectiveData = QuizData | ReflectionData;

export interface SectionRef {
  id: string;
  depth: 2 | 3;
  /** Plain text of the heading, for the table of contents. */
  title: string;
}

/** A quiz or reflection, as the progress model counts it. */
export interface ActivityRef {
  id: string;
  type: 'quiz' | 'reflection';
  /** The `##`/`###` section it sits in. */
  section: string;
}

export interface LessonMeta {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  prerequisites: string[];
  related: string[];
  sections: SectionRef[];
  /** Quizzes and reflections in order: lesson completion and the home page count them. */
  activities: ActivityRef[];
}

export interface GlossaryEntry {
  id: string;
  title: string;
  definition: BlockNode[];
}

export interface CompiledLesson extends LessonMeta {
  lang: Lang;
  body: BlockNode[];
  /** Definitions of the terms this lesson marks with `:term`, so popovers need no extra fetch. */
  terms: Record<string, GlossaryEntry>;
  /** The misconceptions its quiz options stand for, named after a wrong choice. */
  misconceptions: Record<string, GlossaryEntry>;
}

/** What ships in the entry chunk: metadata only, lesson bodies load lazily. */
export interface CourseIndex {
  order: string[];
  lessons: Record<Lang, Record<string, LessonMeta>>;
}
