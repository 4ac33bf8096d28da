/**
 * The migration chain: version N → N+1, one pure function each, applied in order. Every
 * historical version has a frozen fixture under test/unit/fixtures/, and a test runs each fixture
 * through the whole chain.
 */
import {
  dict,
  emptyLearnerData,
  emptyLesson,
  LEARNER_VERSION,
  parseLearnerV1,
  parseLearnerV2,
  type LearnerData,
  type ParseResult,
} from './learner-schema';

const STEPS: Record<number, (state: unknown) => ParseResult<unknown>> = {
  /** v1 → v2: the language becomes a setting; each visited lesson gets a progress record. */
  1: (state) => {
    const { data, lossy } = parseLearnerV1(state);
    const next = emptyLearnerData();
    next.settings.language = data.language;
    next.lessons = dict();
    for (const [id, at] of Object.entries(data.visited)) next.lessons[id] = { ...emptyLesson(), visitedAt: at };
    return { data: next, lossy };
  },
};

/** Brings stored state from `version` up to the current one, validating the result. */
export function migrate(state: unknown, version: number): ParseResult<LearnerData> {
  let current: unknown = state;
  let lossy = false;
  for (let v = version; v < LEARNER_VERSION; v++) {
    const step = STEPS[v];
    if (!step) return { data: emptyLearnerData(), lossy: true };
    const result = step(current);
    current = result.data;
    lossy ||= result.lossy;
  }
  const parsed = parseLearnerV2(current);
  return { data: parsed.data, lossy: lossy || parsed.lossy };
}
