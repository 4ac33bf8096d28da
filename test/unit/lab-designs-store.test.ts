import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultDoc } from '../../src/lab/defaults';
import type { LabDoc } from '../../src/lab/design';
import {
  createLabDesignsStore,
  findDesign,
  LAB_DESIGNS_STORAGE_KEY,
  MAX_SAVED_DESIGNS,
  mergeLabDesigns,
  syncLabDesignsAcrossTabs,
  type LabDesignsData,
} from '../../src/lab/designs-store';
import { useStorageNotice } from '../../src/progress/learner-store';
import { BACKUP_SUFFIX } from '../../src/progress/safe-storage';

/** An in-memory Storage shared by "tabs"; every write is announced to the other tabs. */
class MemoryStorage implements Storage {
  data = new Map<string, string>();
  full = false;
  onWrite: ((key: string, value: string) => void) | null = null;
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
    this.onWrite?.(key, value);
  }
}

const withSeed = (seed: number): LabDoc => ({ ...defaultDoc(), seed });
const stored = (state: unknown, version = 1) => JSON.stringify({ state, version });
const backups = (storage: MemoryStorage) => [...storage.data.keys()].filter((k) => k.includes(BACKUP_SUFFIX));
const names = (data: LabDesignsData) => data.designs.map((d) => d.name);

async function load(storage: Storage) {
  const store = createLabDesignsStore(() => storage);
  await store.persist.rehydrate();
  return store;
}

beforeEach(() => useStorageNotice.setState({ problem: null, dismissed: false }));

describe('saved designs', () => {
  it('save under trimmed names, sorted, and say when one was replaced', async () => {
    const storage = new MemoryStorage();
    const store = await load(storage);
    expect(store.getState().save('  zeta ', withSeed(1))).toEqual({ ok: true, name: 'zeta', replaced: false });
    expect(store.getState().save('alpha', withSeed(2))).toEqual({ ok: true, name: 'alpha', replaced: false });
    expect(store.getState().save('zeta', withSeed(3))).toEqual({ ok: true, name: 'zeta', replaced: true });
    expect(names(store.getState())).toEqual(['alpha', 'zeta']);
    expect(findDesign(store.getState(), 'zeta')?.doc.seed).toBe(3);
    const reloaded = await load(storage);
    expect(names(reloaded.getState())).toEqual(['alpha', 'zeta']);
    expect(JSON.parse(storage.getItem(LAB_DESIGNS_STORAGE_KEY) ?? '{}').version).toBe(1);
  });

  it('refuse empty, overlong and control-character names, and a 101st design', async () => {
    const store = await load(new MemoryStorage());
    for (const bad of ['', '   ', 'x'.repeat(61), 'a\u0000b', 'tab\there']) {
      expect(store.getState().save(bad, defaultDoc())).toEqual({ ok: false, reason: 'name' });
    }
    expect(store.getState().save('я'.repeat(60), defaultDoc()).ok).toBe(true);
    for (let i = 1; i < MAX_SAVED_DESIGNS; i++) store.getState().save(`d${i}`, defaultDoc());
    expect(store.getState().designs).toHaveLength(MAX_SAVED_DESIGNS);
    expect(store.getState().save('one more', defaultDoc())).toEqual({ ok: false, reason: 'full' });
    expect(store.getState().save('d7', withSeed(7)).ok).toBe(true);
  });

  it('treat hostile names as plain names', async () => {
    const storage = new MemoryStorage();
    const store = await load(storage);
    for (const name of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      expect(store.getState().save(name, withSeed(name.length)).ok).toBe(true);
    }
    const reloaded = await load(storage);
    expect(names(reloaded.getState())).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'prototype', 'toString']);
    expect(findDesign(reloaded.getState(), '__proto__')?.doc.seed).toBe(9);
    expect(({} as Record<string, unknown>).seed).toBeUndefined();
    expect(useStorageNotice.getState().problem).toBeNull();
  });

  it('remove with an undo token; restore brings the design back unless the name was reused', async () => {
    const store = await load(new MemoryStorage());
    store.getState().save('a', withSeed(5));
    expect(store.getState().remove('missing')).toBeNull();
    const undo = store.getState().remove('a');
    expect(undo?.design.doc.seed).toBe(5);
    expect(store.getState().designs).toEqual([]);
    expect(store.getState().removed.map((r) => r.name)).toEqual(['a']);
    expect(store.getState().restore(undo!)).toEqual({ ok: true });
    expect(findDesign(store.getState(), 'a')?.doc.seed).toBe(5);
    expect(store.getState().removed).toEqual([]);
    const again = store.getState().remove('a')!;
    store.getState().save('a', withSeed(6));
    expect(store.getState().restore(again)).toEqual({ ok: false, reason: 'nameTaken' });
    expect(findDesign(store.getState(), 'a')?.doc.seed).toBe(6);
  });
});

describe('loading saved designs', () => {
  it.each([
    ['unreadable JSON', '{not json'],
    ['the wrong shape', JSON.stringify([1, 2])],
    ['no designs array', stored({ designs: 'x' })],
    ['a newer version', stored({ designs: [] }, 2)],
  ])('backs up %s, starts empty and reports it', async (_name, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(LAB_DESIGNS_STORAGE_KEY, raw);
    const store = await load(storage);
    expect(store.getState().designs).toEqual([]);
    const [backup] = backups(storage);
    expect(storage.getItem(backup ?? '')).toBe(raw);
    expect(useStorageNotice.getState().problem).toEqual({ kind: 'recovered', backupKey: backup });
  });

  it('leaves a newer version in place until the student saves', async () => {
    const storage = new MemoryStorage();
    const raw = stored({ designs: [], future: true }, 2);
    storage.setItem(LAB_DESIGNS_STORAGE_KEY, raw);
    await load(storage);
    expect(storage.getItem(LAB_DESIGNS_STORAGE_KEY)).toBe(raw);
    expect(backups(storage)).toHaveLength(1);
  });

  it('keeps good entries, repairs docs, drops bad ones, and backs up the original first', async () => {
    const storage = new MemoryStorage();
    const good = { name: 'good', doc: withSeed(1), savedAt: 10 };
    const raw = stored({
      designs: [
        good,
        { name: 'repaired', doc: { ...withSeed(2), seed: -4 }, savedAt: 11 },
        { name: '  untrimmed', doc: defaultDoc(), savedAt: 12 },
        { name: 'future doc', doc: { ...defaultDoc(), v: 9 }, savedAt: 13 },
        { name: 'bad time', doc: defaultDoc(), savedAt: -1 },
        { name: 'good', doc: withSeed(3), savedAt: 5 },
        'junk',
        JSON.parse('{"__proto__":{"polluted":1},"name":"__proto__","doc":null,"savedAt":1}'),
      ],
      removed: [{ name: 'gone', removedAt: 3 }, { name: 7 }],
    });
    storage.setItem(LAB_DESIGNS_STORAGE_KEY, raw);
    const store = await load(storage);
    expect(names(store.getState())).toEqual(['good', 'repaired']);
    expect(findDesign(store.getState(), 'good')?.doc.seed).toBe(1);
    expect(findDesign(store.getState(), 'repaired')?.doc.seed).toBe(0);
    expect(store.getState().removed).toEqual([{ name: 'gone', removedAt: 3 }]);
    expect(backups(storage).map((k) => storage.getItem(k))).toEqual([raw]);
    expect(useStorageNotice.getState().problem?.kind).toBe('recovered');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not back up or warn when everything is fine', async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      LAB_DESIGNS_STORAGE_KEY,
      stored({ designs: [{ name: 'a', doc: defaultDoc(), savedAt: 1 }], removed: [] }),
    );
    const store = await load(storage);
    expect(names(store.getState())).toEqual(['a']);
    expect(backups(storage)).toEqual([]);
    expect(useStorageNotice.getState().problem).toBeNull();
  });

  it('keeps working in memory when storage is full', async () => {
    const storage = new MemoryStorage();
    const store = await load(storage);
    storage.full = true;
    expect(store.getState().save('a', defaultDoc()).ok).toBe(true);
    expect(useStorageNotice.getState().problem).toEqual({ kind: 'unavailable' });
  });
});

describe('two tabs', () => {
  let listeners: ((event: StorageEvent) => void)[] = [];
  beforeEach(() => {
    listeners = [];
    // The node test environment has no window: a minimal one that delivers storage events.
    vi.stubGlobal('window', {
      addEventListener: (_type: string, fn: (event: StorageEvent) => void) => listeners.push(fn),
      removeEventListener: (_type: string, fn: (event: StorageEvent) => void) => {
        listeners = listeners.filter((l) => l !== fn);
      },
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  /** Two tabs over one localStorage: a write by one reaches the other as a storage event. */
  async function twoTabs() {
    const storage = new MemoryStorage();
    const a = await load(storage);
    const b = await load(storage);
    const stopA = syncLabDesignsAcrossTabs(a);
    const listenerA = listeners.at(-1)!;
    const stopB = syncLabDesignsAcrossTabs(b);
    const listenerB = listeners.at(-1)!;
    let writer: 'a' | 'b' = 'a';
    let paused = false;
    const queued: (() => void)[] = [];
    storage.onWrite = (key, newValue) => {
      const listener = writer === 'a' ? listenerB : listenerA;
      const deliver = () => listener({ key, newValue } as StorageEvent);
      if (paused) queued.push(deliver);
      else deliver();
    };
    /** Runs `act` as tab `tab`, so its writes reach the other tab. */
    const as = <T>(tab: 'a' | 'b', act: () => T): T => {
      const before = writer;
      writer = tab;
      try {
        return act();
      } finally {
        writer = before;
      }
    };
    /** Holds storage events back (a slow tab), then delivers them in order. */
    const hold = () => (paused = true);
    const release = () => {
      paused = false;
      for (const deliver of queued.splice(0)) deliver();
    };
    return { a, b, as, stopA, stopB, hold, release };
  }

  it('merge saves from both tabs instead of overwriting', async () => {
    const { a, b, as } = await twoTabs();
    as('a', () => a.getState().save('from a', withSeed(1)));
    as('b', () => b.getState().save('from b', withSeed(2)));
    expect(names(a.getState())).toEqual(['from a', 'from b']);
    expect(names(b.getState())).toEqual(['from a', 'from b']);
  });

  it('a removal in one tab is not undone by a stale write from the other', async () => {
    const { a, b, as, hold, release } = await twoTabs();
    as('a', () => a.getState().save('x', withSeed(1)));
    expect(names(b.getState())).toEqual(['x']);
    hold(); // B does not hear of A's removal before it writes its own state, x included
    as('a', () => a.getState().remove('x'));
    as('b', () => b.getState().save('y', withSeed(2)));
    release();
    expect(names(a.getState())).toEqual(['y']);
    expect(names(b.getState())).toEqual(['y']);
  });

  it('an undo in one tab brings the design back in the other', async () => {
    const { a, b, as, stopA, stopB } = await twoTabs();
    as('a', () => a.getState().save('x', withSeed(1)));
    const undo = as('a', () => a.getState().remove('x'))!;
    expect(names(b.getState())).toEqual([]);
    as('a', () => a.getState().restore(undo));
    expect(findDesign(b.getState(), 'x')?.doc.seed).toBe(1);
    stopA();
    stopB();
    expect(listeners).toEqual([]);
  });
});

describe('mergeLabDesigns', () => {
  const event = fc.record({
    name: fc.constantFrom('a', 'b', '__proto__', 'c'),
    at: fc.integer({ min: 1, max: 20 }),
    seed: fc.integer({ min: 0, max: 3 }),
    removal: fc.boolean(),
  });
  const data = fc.array(event, { maxLength: 8 }).map((events) =>
    mergeLabDesigns(
      {
        designs: events.filter((e) => !e.removal).map((e) => ({ name: e.name, doc: withSeed(e.seed), savedAt: e.at })),
        removed: events.filter((e) => e.removal).map((e) => ({ name: e.name, removedAt: e.at })),
      },
      { designs: [], removed: [] },
    ),
  );

  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(data, data, data, (x, y, z) => {
        expect(mergeLabDesigns(x, y)).toEqual(mergeLabDesigns(y, x));
        expect(mergeLabDesigns(mergeLabDesigns(x, y), z)).toEqual(mergeLabDesigns(x, mergeLabDesigns(y, z)));
        expect(mergeLabDesigns(x, x)).toEqual(x);
      }),
    );
  });
});
