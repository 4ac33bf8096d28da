/**
 * Translation keys that code builds from data (a measure's id, a knob's option, a scenario's
 * goal), as types: a template like `predict.measure.${id}` then type-checks without a cast, and a
 * missing translation is a compile error where the data is declared.
 */
import type { SchedulingMeasureId } from '../engine/scheduling/index.ts';
import en, { type Messages } from './locales/en.ts';

export type MeasureLabel = keyof Messages['predict']['measure'];
/** Labels of what the scheduling model measures, and of what the packet simulation measures. */
export type SchedulingMeasureLabel = Extract<MeasureLabel, SchedulingMeasureId>;
export type PacketMeasureLabel = Exclude<MeasureLabel, SchedulingMeasureId>;
export type OptionLabel = keyof Messages['widget']['option'];
export type GoalScenario = keyof Messages['widget']['goal'];

export function isMeasureLabel(id: string): id is MeasureLabel {
  return Object.prototype.hasOwnProperty.call(en.predict.measure, id);
}

/** Whether a scenario has a "Try this" goal to show (replays inside quizzes have none). */
export function hasGoalText(id: string): id is GoalScenario {
  return Object.prototype.hasOwnProperty.call(en.widget.goal, id);
}
