/**
 * The persisted learner data and its validation. Everything is keyed by language-neutral ids
 * (lesson, section, quiz and option ids), so switching language keeps all progress. Parsing is
 * lenient per entry: one bad value costs that value, not the student's progress, and `lossy` says
 * that something was dropped (the caller then keeps a backup of the original).
 *
 * Hand-written guards rather than a schema library: the shapes are small, and this runs before the
 * first paint, where every kilobyte and millisecond shows up in Total Blocking Time.
 */
import type { Lang } from '../lib/lang';
import { isLang } from '../lib/lang';
import { KEBAB_ID } from '../lib/ids';

export const LEARNER_VERSION = 2;

/** Version 1 (the course platform): language and visited lessons. Frozen: only migrated from. */
export interface LearnerDataV1 {
  language: Lang | null;
  visited: Record<string, number>;
}

export type ThemeSetting = 'system' | 'light' | 'dark';
export type MotionSetting = 'system' | 'reduce' | 'full';

export interface Settings {
  language: Lang | null;
  theme: ThemeSetting;
  motion: MotionSetting;
  /** Last change, for last-write-wins between tabs. */
  updatedAt: number;
}

export interface QuizProgress {
  /** Checks made since the last reset. */
  attempts: number;
  /** Time of the latest check or reveal: the record with the latest one wins a merge. */
  updatedAt: number;
  /** The latest answer: chosen option ids, or for true/false `id=true|false`. */
  answer: string[];
  /** Epoch ms of the (latest) correct answer and of "show answer"; 0 = never. */
  solvedAt: number;
  revealedAt: number;
}

export interface ReflectionProgress {
  text: string;
  updatedAt: number;
}

export interface LessonProgress {
  /** Epoch ms of the latest reset: anything recorded at or before it no longer counts. */
  resetAt: number;
  visitedAt: number;
  /** Section id → when it was (last) read. */
  sections: Record<string, number>;
  quizzes: Record<string, QuizProgress>;
  reflections: Record<string, ReflectionProgress>;
  /** Widget id → when its "Try this" goal was reached. Added within v2: older v2 data has none. */
  goals: Record<string, number>;
}

export interface LearnerData {
  settings: Settings;
  lessons: Record<string, LessonProgress>;
  /** Seeds the per-student option shuffle; fixed once created, so the order is stable. */
  shuffleSeed: number;
}

export interface ParseResult<T> {
  data: T;
  /** True when something in the input had to be dropped. */
  lossy: boolean;
}

const MAX_TEXT = 20_000;
export const isId = (value: string) => value.length <= 100 && KEBAB_ID.test(value);
const isTime = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isCount = isTime;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Objects without a prototype: stored keys such as "__proto__" can never reach Object.prototype. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function emptySettings(): Settings {
  return { language: null, theme: 'system', motion: 'system', updatedAt: 0 };
}

export function emptyLesson(): LessonProgress {
  return { resetAt: 0, visitedAt: 0, sections: dict(), quizzes: dict(), reflections: dict(), goals: dict() };
}

export function emptyLearnerData(seed = 0): LearnerData {
  return { settings: emptySettings(), lessons: dict(), shuffleSeed: seed };
}

/** Tracks whether anything was dropped while reading one stored value. */
class Reader {
  lossy = false;

  drop(): undefined {
    this.lossy = true;
    return undefined;
  }

  /** Copies the valid entries of a keyed record. */
  entries<T>(value: unknown, read: (entry: unknown) => T | undefined): Record<string, T> {
    const out = dict<T>();
    if (value === undefined) return out;
    if (!isRecord(value)) {
      this.drop();
      return out;
    }
    for (const [key, entry] of Object.entries(value)) {
      const parsed = isId(key) ? read(entry) : this.drop();
      if (parsed === undefined) this.drop();
      else out[key] = parsed;
    }
    return out;
  }
}

export function parseLearnerV1(input: unknown): ParseResult<LearnerDataV1> {
  const r = new Reader();
  const data: LearnerDataV1 = { language: null, visited: dict() };
  if (!isRecord(input)) return { data, lossy: true };
  const language = input.language ?? null;
  if (language === null || isLang(language)) data.language = language;
  else r.drop();
  data.visited = r.entries(input.visited, (at) => (isTime(at) ? at : undefined));
  return { data, lossy: r.lossy };
}

export function parseLearnerV2(input: unknown): ParseResult<LearnerData> {
  const r = new Reader();
  if (!isRecord(input)) return { data: emptyLearnerData(), lossy: true };
  const data = emptyLearnerData(isCount(input.shuffleSeed) ? input.shuffleSeed : (r.drop() ?? 0));
  data.settings = parseSettings(input.settings, r);
  data.lessons = r.entries(input.lessons, (lesson) => parseLesson(lesson, r));
  return { data, lossy: r.lossy };
}

function parseSettings(value: unknown, r: Reader): Settings {
  const settings = emptySettings();
  if (!isRecord(value)) {
    if (value !== undefined) r.drop();
    return settings;
  }
  const language = value.language ?? null;
  if (language === null || isLang(language)) settings.language = language;
  else r.drop();
  if (value.theme === 'system' || value.theme === 'light' || value.theme === 'dark') settings.theme = value.theme;
  else if (value.theme !== undefined) r.drop();
  if (value.motion === 'system' || value.motion === 'reduce' || value.motion === 'full') settings.motion = value.motion;
  else if (value.motion !== undefined) r.drop();
  if (isTime(value.updatedAt)) settings.updatedAt = value.updatedAt;
  else if (value.updatedAt !== undefined) r.drop();
  return settings;
}

function parseLesson(value: unknown, r: Reader): LessonProgress | undefined {
  if (!isRecord(value)) return undefined;
  const lesson = emptyLesson();
  lesson.resetAt = isTime(value.resetAt) ? value.resetAt : (r.drop() ?? 0);
  lesson.visitedAt = isTime(value.visitedAt) ? value.visitedAt : (r.drop() ?? 0);
  lesson.sections = r.entries(value.sections, (at) => (isTime(at) ? at : undefined));
  lesson.quizzes = r.entries(value.quizzes, parseQuiz);
  lesson.goals = r.entries(value.goals, (at) => (isTime(at) ? at : undefined));
  lesson.reflections = r.entries(value.reflections, (entry) => {
    if (!isRecord(entry) || typeof entry.text !== 'string' || entry.text.length > MAX_TEXT || !isTime(entry.updatedAt))
      return undefined;
    return { text: entry.text, updatedAt: entry.updatedAt };
  });
  return lesson;
}

function parseQuiz(entry: unknown): QuizProgress | undefined {
  if (!isRecord(entry)) return undefined;
  const { attempts, updatedAt, answer, solvedAt, revealedAt } = entry;
  if (!isCount(attempts) || !isTime(updatedAt) || !isTime(solvedAt) || !isTime(revealedAt)) return undefined;
  if (!Array.isArray(answer) || answer.length > 50 || !answer.every((a) => typeof a === 'string' && a.length <= 120))
    return undefined;
  // A record is never older than what it says happened: the merge relies on that.
  return {
    attempts,
    updatedAt: Math.max(updatedAt, solvedAt, revealedAt),
    answer: [...(answer as string[])],
    solvedAt,
    revealedAt,
  };
}
