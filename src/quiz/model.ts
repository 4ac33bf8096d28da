/**
 * What a quiz and a reflection are, as data. The question, options and explanations are compiled
 * content the quiz never looks into: it hands them to the page's renderers. So the model is
 * generic over that content (`Blocks`, `Inlines`), and the content layer fills in its own types.
 */
import type { PacketMeasureLabel, SchedulingMeasureLabel } from '../i18n/keys';
import type { MeasureFormat } from '../lib/format-measure';

export type QuizKind = 'single' | 'multiple' | 'truefalse' | 'predict';

export interface QuizOption<Blocks = unknown, Inlines = unknown> {
  /** Stable within the quiz: a, b, c… by position, or an explicit `{#id}`. */
  id: string;
  /** For truefalse: whether the statement is true. Otherwise: whether it is a right answer. */
  correct: boolean;
  text: Inlines;
  explanation: Blocks;
  /** For a wrong option: the misconception it stands for (an id from content/<lang>/misconceptions). */
  misconception?: string;
  /** The option's "never", "always" or "only" is the misconception itself, worded on purpose. */
  absolute?: boolean;
}

/** A misconception as the quiz names it after a wrong choice: a short title and why it is wrong. */
export interface Misconception<Blocks = unknown> {
  id: string;
  title: string;
  definition: Blocks;
}

export interface QuizData<Blocks = unknown, Inlines = unknown> {
  type: 'quiz';
  id: string;
  kind: QuizKind;
  question: Blocks;
  options: QuizOption<Blocks, Inlines>[];
  /** For kind="predict": what the engine measured at build time, which decided the right option. */
  predict?: PredictData;
  /** The section the quiz sits in: a wrong attempt points back to it. */
  section?: { id: string; title: string };
}

/** A prediction resolved at build time by running its model headless (engine `PREDICTIONS`). */
export type PredictData = {
  prediction: string;
  format: MeasureFormat;
  seed: number;
  /** Simulated time the packet run lasted (0 for the scheduling model, which has no clock). */
  durationMs: number;
  value: number;
} & (
  | {
      /** The packet scenario the quiz replays; the measured quantity has a label in the dictionaries. */
      scenario: string;
      experiment?: undefined;
      measure: PacketMeasureLabel;
    }
  | {
      /** The scheduling experiment the quiz replays. */
      experiment: string;
      scenario?: undefined;
      measure: SchedulingMeasureLabel;
    }
);

export interface ReflectionData<Blocks = unknown> {
  type: 'reflection';
  id: string;
  question: Blocks;
  answer: Blocks;
}
