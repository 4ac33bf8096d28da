import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countProgress, parseProgressFile, toProgressFile } from '../../src/progress/export-import';
import {
  dict,
  emptyLearnerData,
  LEARNER_VERSION,
  parseLearnerV2,
  type LearnerData,
  type LessonProgress,
  type QuizProgress,
} from '../../src/progress/learner-schema';
import { mergeLearnerData } from '../../src/progress/merge';
import { migrate } from '../../src/progress/migrations';
import { continueTarget, lessonStatus } from '../../src/progress/selectors';
import type { LessonMeta } from '../../src/content/tree';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));

describe('migrations', () => {
  it('brings the frozen v1 fixture to the current version without losing anything', () => {
    const { state, version } = fixture('learner-v1.json');
    const { data, lossy } = migrate(state, version);
    expect(lossy).toBe(false);
    expect(data.settings.language).toBe('ru');
    expect(data.lessons['load-balancing-basics']?.visitedAt).toBe(1764120000000);
    expect(data.lessons['l4-vs-l7-balancing']?.visitedAt).toBe(1764123600000);
    expect(parseLearnerV2(JSON.parse(JSON.stringify(data)))).toEqual({ data, lossy: false });
  });

  it('has a step for every version below the current one', () => {
    for (let v = 1; v < LEARNER_VERSION; v++) expect(migrate({}, v).data).toBeDefined();
    expect(migrate({}, 0).lossy).toBe(true);
  });
});

const time = fc.integer({ min: 1, max: 1000 });
const lessonArb: fc.Arbitrary<LessonProgress> = fc.record({
  resetAt: fc.oneof(fc.constant(0), time),
  visitedAt: fc.oneof(fc.constant(0), time),
  sections: fc.dictionary(fc.constantFrom('s1', 's2', 's3'), time),
  quizzes: fc.dictionary(
    fc.constantFrom('q1', 'q2'),
    fc.record({
      attempts: fc.integer({ min: 0, max: 5 }),
      updatedAt: time,
      answer: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
      solvedAt: fc.oneof(fc.constant(0), time),
      revealedAt: fc.oneof(fc.constant(0), time),
    }),
  ),
  reflections: fc.dictionary(fc.constantFrom('r1'), fc.record({ text: fc.string({ maxLength: 5 }), updatedAt: time })),
  goals: fc.dictionary(fc.constantFrom('w1', 'w2'), time),
});
const dataArb: fc.Arbitrary<LearnerData> = fc
  .record({
    settings: fc.record({
      language: fc.constantFrom(null, 'en' as const, 'ru' as const),
      theme: fc.constantFrom('system' as const, 'dark' as const),
      motion: fc.constantFrom('system' as const, 'reduce' as const),
      updatedAt: time,
    }),
    lessons: fc.dictionary(fc.constantFrom('l1', 'l2'), lessonArb),
    shuffleSeed: fc.integer({ min: 0, max: 9 }),
  })
  .map((d) => parseLearnerV2(JSON.parse(JSON.stringify(d))).data);

const canon = (d: LearnerData) => JSON.stringify(sortKeys(d));
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

describe('the merge of two tabs (fast-check, 1,000 runs each)', () => {
  const runs = { numRuns: 1000, seed: 4242 };
  it('is commutative', () =>
    fc.assert(
      fc.property(dataArb, dataArb, (a, b) => canon(mergeLearnerData(a, b)) === canon(mergeLearnerData(b, a))),
      runs,
    ));
  it('is associative', () =>
    fc.assert(
      fc.property(
        dataArb,
        dataArb,
        dataArb,
        (a, b, c) =>
          canon(mergeLearnerData(a, mergeLearnerData(b, c))) === canon(mergeLearnerData(mergeLearnerData(a, b), c)),
      ),
      runs,
    ));
  it('is idempotent', () =>
    fc.assert(
      fc.property(
        dataArb,
        (a) => canon(mergeLearnerData(a, a)) === canon(mergeLearnerData(a, emptyLearnerData(a.shuffleSeed))),
      ),
      runs,
    ));
  it('loses no completion that no reset covers', () =>
    fc.assert(
      fc.property(dataArb, dataArb, (a, b) => {
        const merged = mergeLearnerData(a, b);
        for (const source of [a, b]) {
          for (const [id, lesson] of Object.entries(source.lessons)) {
            const resetAt = merged.lessons[id]!.resetAt;
            for (const [section, at] of Object.entries(lesson.sections))
              if (at > resetAt) expect(merged.lessons[id]!.sections[section]).toBeGreaterThanOrEqual(at);
            for (const [quiz, q] of Object.entries(lesson.quizzes))
              if (q.solvedAt > resetAt && q.updatedAt > resetAt)
                expect(merged.lessons[id]!.quizzes[quiz]!.solvedAt).toBeGreaterThanOrEqual(q.solvedAt);
          }
        }
      }),
      runs,
    ));
  it('lets a reset in one tab win over older progress from the other', () => {
    const a = emptyLearnerData(1);
    a.lessons.l = {
      resetAt: 0,
      visitedAt: 1,
      sections: Object.assign(dict<number>(), { s1: 5 }),
      quizzes: dict(),
      reflections: dict(),
      goals: dict(),
    };
    const b = emptyLearnerData(1);
    b.lessons.l = { resetAt: 10, visitedAt: 1, sections: dict(), quizzes: dict(), reflections: dict(), goals: dict() };
    expect(mergeLearnerData(a, b).lessons.l?.sections).toEqual({});
  });
});

describe('progress files', () => {
  it('round-trip through export and import', () => {
    const data = emptyLearnerData(7);
    data.lessons.l = {
      resetAt: 0,
      visitedAt: 3,
      sections: Object.assign(dict<number>(), { s1: 4 }),
      quizzes: dict(),
      reflections: dict(),
      goals: dict(),
    };
    const parsed = parseProgressFile(toProgressFile(data, new Date(0)));
    expect(parsed).toMatchObject({ ok: true, lossy: false });
    if (parsed.ok) expect(canon(parsed.data)).toBe(canon(data));
    expect(countProgress(data)).toEqual({ lessons: 1, sections: 1, quizzes: 0, reflections: 0 });
  });

  it.each([
    ['not JSON', '{nope', 'not-json'],
    ['another format', '{"format":"other","version":1}', 'not-progress'],
    ['a newer version', '{"format":"balancer-lab-progress","version":99,"data":{}}', 'newer-version'],
  ])('refuses %s with a reason', (_name, text, reason) => {
    expect(parseProgressFile(text)).toEqual({ ok: false, reason });
  });
});

describe('lesson status', () => {
  const meta: LessonMeta = {
    id: 'l',
    title: 'L',
    summary: '',
    minutes: 1,
    prerequisites: [],
    related: [],
    sections: [
      { id: 'a', depth: 2, title: 'A' },
      { id: 'b', depth: 2, title: 'B' },
    ],
    activities: [
      { id: 'q', type: 'quiz', section: 'a' },
      { id: 'r', type: 'reflection', section: 'b' },
    ],
  };

  it('is complete when every section is read and every quiz solved or revealed; stale ids do not count', () => {
    const progress: LessonProgress = {
      resetAt: 0,
      visitedAt: 1,
      sections: Object.assign(dict<number>(), { a: 2, b: 3, removed: 4 }),
      quizzes: Object.assign(dict<QuizProgress>(), {
        q: { attempts: 0, updatedAt: 5, answer: [], solvedAt: 0, revealedAt: 5 },
        gone: { attempts: 1, updatedAt: 5, answer: [], solvedAt: 5, revealedAt: 0 },
      }),
      reflections: dict(),
      goals: dict(),
    };
    const status = lessonStatus(meta, progress);
    expect(status).toMatchObject({
      sectionsRead: 2,
      quizzesRevealed: 1,
      quizzesSolved: 0,
      complete: true,
      percent: 100,
    });
    expect(lessonStatus(meta, undefined)).toMatchObject({ started: false, complete: false, percent: 0 });
  });

  it('continues at the first unread section of the latest unfinished lesson', () => {
    const progress = {
      l: {
        resetAt: 0,
        visitedAt: 1,
        sections: Object.assign(dict<number>(), { a: 2 }),
        quizzes: dict(),
        reflections: dict(),
        goals: dict(),
      } as LessonProgress,
    };
    expect(continueTarget([meta], progress)).toEqual({ lesson: meta, sectionId: 'b' });
    expect(continueTarget([meta], {})).toBeNull();
  });
});
