import { beforeEach, describe, expect, it } from 'vitest';
import { createLearnerStore, LEARNER_STORAGE_KEY, useStorageNotice } from '../../src/progress/learner-store';
import { BACKUP_SUFFIX } from '../../src/progress/safe-storage';

/** An in-memory Storage, optionally full or blocked. */
class MemoryStorage implements Storage {
  data = new Map<string, string>();
  full = false;
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
}

const v1 = (state: unknown, version = 1) => JSON.stringify({ state, version });
const backups = (storage: MemoryStorage) => [...storage.data.keys()].filter((k) => k.includes(BACKUP_SUFFIX));

async function load(storage: Storage) {
  const store = createLearnerStore(() => storage);
  await store.persist.rehydrate();
  return store;
}

describe('learner store', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    useStorageNotice.setState({ problem: null, dismissed: false });
  });

  it('migrates a stored v1 record and persists changes as v2', async () => {
    storage.setItem(LEARNER_STORAGE_KEY, v1({ language: 'ru', visited: { 'l4-vs-l7-balancing': 5 } }));
    const store = await load(storage);
    expect(store.getState().settings.language).toBe('ru');
    expect(store.getState().lessons['l4-vs-l7-balancing']?.visitedAt).toBe(5);
    store.getState().markVisited('reverse-proxy');
    store.getState().setLanguage('en');
    const saved = JSON.parse(storage.getItem(LEARNER_STORAGE_KEY) ?? '{}');
    expect(saved.version).toBe(2);
    expect(saved.state.settings.language).toBe('en');
    expect(Object.keys(saved.state.lessons).sort()).toEqual(['l4-vs-l7-balancing', 'reverse-proxy']);
    expect(useStorageNotice.getState().problem).toBeNull();
  });

  it('keeps the first visit time when a lesson is visited again', async () => {
    const store = await load(storage);
    store.getState().markVisited('a');
    const first = store.getState().lessons.a?.visitedAt;
    store.getState().markVisited('a');
    expect(store.getState().lessons.a?.visitedAt).toBe(first);
  });

  it.each([
    ['unreadable JSON', '{not json'],
    ['a truncated write', v1({ language: 'ru', visited: {} }).slice(0, 20)],
    ['the wrong shape', JSON.stringify([1, 2, 3])],
    ['a newer version', v1({ language: 'ru', visited: {}, quizzes: {} }, 99)],
  ])('backs up %s, starts fresh and tells the student', async (_name, raw) => {
    storage.setItem(LEARNER_STORAGE_KEY, raw);
    const store = await load(storage);
    expect(store.getState().lessons).toEqual({});
    const [backup] = backups(storage);
    expect(backup).toBeDefined();
    expect(storage.getItem(backup ?? '')).toBe(raw);
    expect(useStorageNotice.getState().problem).toEqual({ kind: 'recovered', backupKey: backup });
  });

  it('keeps valid entries, drops hostile ones, and backs up the original', async () => {
    const raw = `{"state":{"language":"xx","visited":{"__proto__":{"polluted":1},"ok-lesson":7,"bad":"x"}},"version":1}`;
    storage.setItem(LEARNER_STORAGE_KEY, raw);
    const store = await load(storage);
    expect(Object.keys(store.getState().lessons)).toEqual(['ok-lesson']);
    expect(store.getState().settings.language).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(backups(storage)).toHaveLength(1);
  });

  it('keeps working in memory when storage is full', async () => {
    const store = await load(storage);
    storage.full = true;
    expect(() => store.getState().markVisited('a')).not.toThrow();
    expect(store.getState().lessons.a?.visitedAt).toBeTypeOf('number');
    expect(useStorageNotice.getState().problem).toEqual({ kind: 'unavailable' });
  });

  it('never overwrites unreadable data it could not back up', async () => {
    storage.setItem(LEARNER_STORAGE_KEY, '{broken');
    storage.full = true;
    const store = await load(storage);
    storage.full = false;
    store.getState().markVisited('a');
    expect(storage.getItem(LEARNER_STORAGE_KEY)).toBe('{broken');
    expect(useStorageNotice.getState().problem).toEqual({ kind: 'recovered', backupKey: null });
  });

  it('keeps working when storage is blocked entirely', async () => {
    const store = await load(
      new Proxy({} as Storage, {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      }),
    );
    expect(() => store.getState().setLanguage('ru')).not.toThrow();
    expect(store.getState().settings.language).toBe('ru');
    expect(useStorageNotice.getState().problem).toEqual({ kind: 'unavailable' });
  });
});

describe('learner store actions', () => {
  it('records quizzes, reflections and sections, and a reset with undo restores them', async () => {
    const storage = new MemoryStorage();
    const store = await load(storage);
    const s = store.getState;
    s().markSectionRead('l', 'intro');
    s().checkQuiz('l', 'q1', ['b'], false);
    s().checkQuiz('l', 'q1', ['a'], true);
    s().revealQuiz('l', 'q2', []);
    s().saveReflection('l', 'r1', 'because NAT');
    expect(s().lessons.l?.quizzes.q1).toMatchObject({ attempts: 2, answer: ['a'] });
    expect(s().lessons.l?.quizzes.q1?.solvedAt).toBeGreaterThan(0);
    const undo = s().resetLessons(['l']);
    expect(s().lessons.l?.sections).toEqual({});
    expect(s().lessons.l?.quizzes).toEqual({});
    s().undoReset(undo);
    expect(Object.keys(s().lessons.l?.sections ?? {})).toEqual(['intro']);
    expect(s().lessons.l?.quizzes.q1?.solvedAt).toBeGreaterThan(s().lessons.l?.resetAt ?? 0);
    expect(s().lessons.l?.reflections.r1?.text).toBe('because NAT');
  });

  it('merges another tab’s progress instead of overwriting it', async () => {
    const a = await load(new MemoryStorage());
    const b = await load(new MemoryStorage());
    a.getState().markSectionRead('l', 'one');
    b.getState().markSectionRead('l', 'two');
    const { settings, lessons, shuffleSeed } = b.getState();
    a.getState().mergeFrom({ settings, lessons, shuffleSeed });
    expect(Object.keys(a.getState().lessons.l?.sections ?? {}).sort()).toEqual(['one', 'two']);
  });
});
