/**
 * The one persisted learner store (zustand + persist). Version 1 holds the language preference and
 * visited lessons; the quiz/progress work extends it through a migration, never a reset.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Lang } from '../content/tree';
import { emptyLearnerData, LEARNER_VERSION, parseLearnerV1, type LearnerDataV1 } from './learner-schema';
import { createValidatedStorage, type StorageProblem } from './safe-storage';

export const LEARNER_STORAGE_KEY = 'balancer-lab:learner';

export interface LearnerState extends LearnerDataV1 {
  setLanguage: (lang: Lang) => void;
  markVisited: (lessonId: string) => void;
}

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

export function createLearnerStore(getStorage?: () => Storage) {
  return create<LearnerState>()(
    persist(
      (set) => ({
        ...emptyLearnerData(),
        setLanguage: (language) => set({ language }),
        markVisited: (lessonId) =>
          set((state) =>
            state.visited[lessonId] ? state : { visited: { ...state.visited, [lessonId]: new Date().getTime() } },
          ),
      }),
      {
        name: LEARNER_STORAGE_KEY,
        version: LEARNER_VERSION,
        storage: createValidatedStorage<LearnerDataV1>({
          version: LEARNER_VERSION,
          parse: parseLearnerV1,
          onProblem: (problem) => useStorageNotice.getState().report(problem),
          ...(getStorage ? { getStorage } : {}),
        }),
        partialize: (state): LearnerDataV1 => ({ language: state.language, visited: state.visited }),
        // No older versions exist yet; anything unexpected is re-validated rather than trusted.
        migrate: (persisted) => parseLearnerV1(persisted).data,
      },
    ),
  );
}

export const useLearnerStore = createLearnerStore();

/** Other tabs write the same key: pick their changes up instead of overwriting them later. */
export function syncLearnerStoreAcrossTabs(): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === LEARNER_STORAGE_KEY) void useLearnerStore.persist.rehydrate();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
