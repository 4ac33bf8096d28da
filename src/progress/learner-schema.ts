/**
 * The persisted learner data, version 1: the language preference and which lessons were visited.
 * Validation is lenient per entry, so one bad value costs that value, not the student's progress.
 */
import type { Lang } from '../content/tree';
import { isLang } from '../lib/lang';

export const LEARNER_VERSION = 1;

export interface LearnerDataV1 {
  /** Chosen in the language switcher; null until the student picks one. */
  language: Lang | null;
  /** Lesson id → epoch ms of the first visit. */
  visited: Record<string, number>;
}

export const emptyLearnerData = (): LearnerDataV1 => ({
  language: null,
  visited: Object.create(null) as Record<string, number>,
});

// Hand-written guards rather than a schema library: the shape is tiny, and this runs before the
// first paint, where every kilobyte and millisecond shows up in Total Blocking Time.
const isLessonId = (value: string) => value.length <= 100 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
const isTimestamp = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export interface ParseResult<T> {
  data: T;
  /** True when something in the input had to be dropped. */
  lossy: boolean;
}

/** Parses unknown stored state into v1, keeping every valid entry. */
export function parseLearnerV1(input: unknown): ParseResult<LearnerDataV1> {
  const data = emptyLearnerData();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { data, lossy: true };
  let lossy = false;
  const record = input as Record<string, unknown>;
  const language = record.language ?? null;
  if (language === null || isLang(language)) data.language = language;
  else lossy = true;
  const visited = record.visited;
  if (typeof visited === 'object' && visited !== null && !Array.isArray(visited)) {
    for (const [id, at] of Object.entries(visited)) {
      if (isLessonId(id) && isTimestamp(at)) data.visited[id] = at;
      else lossy = true;
    }
  } else if (visited !== undefined) lossy = true;
  return { data, lossy };
}
