/**
 * The one persisted learner store (zustand + persist). It holds settings and, per lesson, the
 * sections read, quiz answers and reflections, keyed by language-neutral ids. Loads are validated
 * and migrated (see migrations.ts); other tabs' writes are merged in (see merge.ts), never
 * overwritten.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Lang } from '../lib/lang';
import {
  dict,
  emptyLearnerData,
  emptyLesson,
  LEARNER_VERSION,
  parseLearnerV2,
  type LearnerData,
  type LessonProgress,
  type MotionSetting,
  type ThemeSetting,
} from './learner-schema';
import { mergeLearnerData } from './merge';
import { migrate } from './migrations';
import { createValidatedStorage, readStoredValue, type StorageProblem } from './safe-storage';

export const LEARNER_STORAGE_KEY = 'balancer-lab:learner';

export interface LearnerActions {
  setLanguage: (lang: Lang) => void;
  setTheme: (theme: ThemeSetting) => void;
  setMotion: (motion: MotionSetting) => void;
  markVisited: (lessonId: string) => void;
  markSectionRead: (lessonId: string, sectionId: string) => void;
  /** A checked answer: counts an attempt, remembers the answer, and marks the quiz solved if right. */
  checkQuiz: (lessonId: string, quizId: string, answer: string[], correct: boolean) => void;
  revealQuiz: (lessonId: string, quizId: string, answer: string[]) => void;
  saveReflection: (lessonId: string, reflectionId: string, text: string) => void;
  reachGoal: (lessonId: string, widgetId: string) => void;
  /** Resets lessons (all when `ids` is omitted); returns what an undo needs. */
  resetLessons: (ids?: string[]) => ResetUndo;
  undoReset: (undo: ResetUndo) => void;
  /** Merges imported progress in; items a local reset would hide are restored. */
  importData: (data: LearnerData) => void;
  /** Merges progress written by another tab. */
  mergeFrom: (data: LearnerData) => void;
}

export type ResetUndo = Record<string, LessonProgress>;
export type LearnerState = LearnerData & LearnerActions;

export interface StorageNoticeState {
  problem: StorageProblem | null;
  dismissed: boolean;
  report: (problem: StorageProblem) => void;
  dismiss: () => void;
}

/** Not persisted: what went wrong with storage in this tab, for the notice banner. */
export const useStorageNotice = create<StorageNoticeState>()((set, get) => ({
  problem: null,
  dismissed: false,
  report: (problem) => {
    const current = get().problem;
    // A recovered backup is the more important message; don't let a later quota warning hide it.
    if (current?.kind === 'recovered' && problem.kind === 'unavailable') return;
    if (current?.kind === problem.kind) return;
    set({ problem, dismissed: false });
  },
  dismiss: () => set({ dismissed: true }),
}));

/** Strictly increasing wall-clock ms, so two changes in one millisecond still order. */
let lastStamp = 0;
export function stamp(): number {
  lastStamp = Math.max(new Date().getTime(), lastStamp + 1);
  return lastStamp;
}

function randomSeed(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto?.getRandomValues?.(buffer);
  return (buffer[0] ?? 0) || 1 + Math.floor(new Date().getTime() % 2 ** 31);
}

const dataOf = (state: LearnerData): LearnerData => ({
  settings: state.settings,
  lessons: state.lessons,
  shuffleSeed: state.shuffleSeed,
});

const parseStored = (state: unknown, version: number) =>
  version === LEARNER_VERSION ? parseLearnerV2(state) : migrate(state, version);

export function createLearnerStore(getStorage?: () => Storage) {
  return create<LearnerState>()(
    persist<LearnerState, [], [], LearnerData>(
      (set, get) => {
        /** Applies `change` to one lesson's progress (created on first use). */
        const updateLesson = (lessonId: string, change: (lesson: LessonProgress) => LessonProgress) =>
          set((state) => {
            const lessons = dict<LessonProgress>();
            Object.assign(lessons, state.lessons);
            lessons[lessonId] = change(state.lessons[lessonId] ?? emptyLesson());
            return { lessons };
          });
        const updateSettings = (patch: Partial<LearnerData['settings']>) =>
          set((state) => ({ settings: { ...state.settings, ...patch, updatedAt: stamp() } }));

        return {
          ...emptyLearnerData(randomSeed()),
          setLanguage: (language) => updateSettings({ language }),
          setTheme: (theme) => updateSettings({ theme }),
          setMotion: (motion) => updateSettings({ motion }),
          markVisited: (lessonId) => {
            if (get().lessons[lessonId]?.visitedAt) return;
            updateLesson(lessonId, (lesson) => ({ ...lesson, visitedAt: stamp() }));
          },
          markSectionRead: (lessonId, sectionId) => {
            if (get().lessons[lessonId]?.sections[sectionId]) return;
            updateLesson(lessonId, (lesson) => ({ ...lesson, sections: { ...lesson.sections, [sectionId]: stamp() } }));
          },
          checkQuiz: (lessonId, quizId, answer, correct) =>
            updateLesson(lessonId, (lesson) => {
              const now = stamp();
              const previous = lesson.quizzes[quizId];
              const quiz = {
                attempts: (previous?.attempts ?? 0) + 1,
                updatedAt: now,
                answer: [...answer],
                solvedAt: correct ? now : (previous?.solvedAt ?? 0),
                revealedAt: previous?.revealedAt ?? 0,
              };
              return { ...lesson, quizzes: { ...lesson.quizzes, [quizId]: quiz } };
            }),
          revealQuiz: (lessonId, quizId, answer) =>
            updateLesson(lessonId, (lesson) => {
              const now = stamp();
              const previous = lesson.quizzes[quizId];
              const quiz = {
                attempts: previous?.attempts ?? 0,
                updatedAt: now,
                answer: [...answer],
                solvedAt: previous?.solvedAt ?? 0,
                revealedAt: now,
              };
              return { ...lesson, quizzes: { ...lesson.quizzes, [quizId]: quiz } };
            }),
          saveReflection: (lessonId, reflectionId, text) =>
            updateLesson(lessonId, (lesson) => ({
              ...lesson,
              reflections: { ...lesson.reflections, [reflectionId]: { text, updatedAt: stamp() } },
            })),
          reachGoal: (lessonId, widgetId) => {
            if (get().lessons[lessonId]?.goals[widgetId]) return;
            updateLesson(lessonId, (lesson) => ({ ...lesson, goals: { ...lesson.goals, [widgetId]: stamp() } }));
          },
          resetLessons: (ids) => {
            const undo: ResetUndo = dict();
            const targets = ids ?? Object.keys(get().lessons);
            const now = stamp();
            set((state) => {
              const lessons = dict<LessonProgress>();
              Object.assign(lessons, state.lessons);
              for (const id of targets) {
                const lesson = state.lessons[id];
                if (lesson) undo[id] = lesson;
                // Keep the visit; clear what the reset covers by moving the epoch forward.
                lessons[id] = { ...emptyLesson(), resetAt: now, visitedAt: lesson?.visitedAt ?? 0 };
              }
              return { lessons };
            });
            return undo;
          },
          undoReset: (undo) => {
            // Restored items are stamped after the reset, so no tab's reset epoch hides them again.
            const lifted = dict<LessonProgress>();
            for (const [id, lesson] of Object.entries(undo)) lifted[id] = restamp(lesson, stamp());
            set((state) =>
              mergeLearnerData(dataOf(state), { ...emptyLearnerData(state.shuffleSeed), lessons: lifted }),
            );
          },
          importData: (data) =>
            set((state) => {
              const lessons = dict<LessonProgress>();
              const now = stamp();
              for (const [id, lesson] of Object.entries(data.lessons)) {
                const localReset = state.lessons[id]?.resetAt ?? 0;
                lessons[id] = lesson.resetAt >= localReset ? lesson : restamp(lesson, now);
              }
              return mergeLearnerData(dataOf(state), { ...data, lessons });
            }),
          mergeFrom: (data) => {
            const merged = mergeLearnerData(dataOf(get()), data);
            if (JSON.stringify(merged) !== JSON.stringify(dataOf(get()))) set(merged);
          },
        };
      },
      {
        name: LEARNER_STORAGE_KEY,
        version: LEARNER_VERSION,
        storage: createValidatedStorage<LearnerData>({
          version: LEARNER_VERSION,
          parse: parseStored,
          onProblem: (problem) => useStorageNotice.getState().report(problem),
          ...(getStorage ? { getStorage } : {}),
        }),
        partialize: dataOf,
        // Loads arrive validated and migrated (see createValidatedStorage); keep a fresh seed if the
        // stored one was lost.
        merge: (persisted, current) => {
          const data = persisted as LearnerData;
          return { ...current, ...data, shuffleSeed: data.shuffleSeed || current.shuffleSeed };
        },
      },
    ),
  );
}

/** Moves every record of a lesson to `at`, keeping what it says (for undo and import). */
function restamp(lesson: LessonProgress, at: number): LessonProgress {
  const sections = dict<number>();
  for (const id of Object.keys(lesson.sections)) sections[id] = at;
  const quizzes: LessonProgress['quizzes'] = dict();
  for (const [id, q] of Object.entries(lesson.quizzes)) {
    quizzes[id] = { ...q, updatedAt: at, solvedAt: q.solvedAt ? at : 0, revealedAt: q.revealedAt ? at : 0 };
  }
  const reflections: LessonProgress['reflections'] = dict();
  for (const [id, r] of Object.entries(lesson.reflections)) reflections[id] = { ...r, updatedAt: at };
  const goals = dict<number>();
  for (const id of Object.keys(lesson.goals)) goals[id] = at;
  return { ...lesson, sections, quizzes, reflections, goals };
}

export const useLearnerStore = createLearnerStore();

/**
 * Other tabs write the same key: merge their progress in (grow-only, see merge.ts), so concurrent
 * changes in two tabs both survive.
 */
export function syncLearnerStoreAcrossTabs(store = useLearnerStore): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== LEARNER_STORAGE_KEY) return;
    const incoming = readStoredValue<LearnerData>(event.newValue, { version: LEARNER_VERSION, parse: parseStored });
    if (incoming) store.getState().mergeFrom(incoming);
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
