/**
 * The persisted learner data, version 1: the language preference and which lessons were visited.
 * Validation is lenient per entry, so one bad value costs that value, not the student's progress.
 */
import { z } from 'zod/mini';
import type { Lang } from '../content/tree';

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

const languageSchema = z.nullable(z.enum(['en', 'ru']));
const lessonIdSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(100));
const timestampSchema = z.number().check(z.int(), z.nonnegative());

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
  const language = languageSchema.safeParse(record.language ?? null);
  if (language.success) data.language = language.data;
  else lossy = true;
  const visited = record.visited;
  if (typeof visited === 'object' && visited !== null && !Array.isArray(visited)) {
    for (const [id, at] of Object.entries(visited)) {
      if (lessonIdSchema.safeParse(id).success && timestampSchema.safeParse(at).success)
        data.visited[id] = at as number;
      else lossy = true;
    }
  } else if (visited !== undefined) lossy = true;
  return { data, lossy };
}
