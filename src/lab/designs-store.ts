/**
 * Designs a student saved under names, in this browser: a persisted zustand store of its own, with
 * the learner store's rules (src/progress). Every load is validated, and anything dropped is
 * first backed up and reported through the same storage notice, so the same banner shows. Other
 * tabs' writes are merged in, never overwritten.
 *
 * Names are the student's text, so they are never used as object keys: designs are an array of
 * `{ name, doc, savedAt }` sorted by name, and `__proto__` is a name like any other.
 *
 * Removals leave a tombstone `{ name, removedAt }`. Between tabs, each name goes to its latest
 * event: a save newer than a removal brings the design back (a deliberate re-save or an undo);
 * a removal newer than every save keeps it gone, so a tab that has not yet heard of the removal
 * cannot resurrect it. Tombstones are capped (MAX_TOMBSTONES, newest kept); only after that many
 * later removals could a stale tab bring an old design back.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { stamp, useStorageNotice } from '../progress/learner-store';
import { createValidatedStorage, readStoredValue } from '../progress/safe-storage';
import type { LabDoc } from './design';
import { designName } from './design-file';
import { sanitizeDoc } from './sanitize';

export const LAB_DESIGNS_STORAGE_KEY = 'balancer-lab:lab-designs';
export const LAB_DESIGNS_VERSION = 1;
/** Saving a new name stops here; overwriting an existing one is always allowed. */
export const MAX_SAVED_DESIGNS = 100;
/** Two tabs saving at once may briefly pass the limit; a load keeps at most this many. */
const MAX_LOADED_DESIGNS = 2 * MAX_SAVED_DESIGNS;
export const MAX_TOMBSTONES = 200;

export interface SavedDesign {
  name: string;
  doc: LabDoc;
  /** Wall-clock ms of the save: the latest event per name wins between tabs. */
  savedAt: number;
}

export interface RemovedDesign {
  name: string;
  removedAt: number;
}

export interface LabDesignsData {
  /** Sorted by name (code-unit order, the same in every tab; the page may sort for display). */
  designs: SavedDesign[];
  removed: RemovedDesign[];
}

export type SaveResult = { ok: true; name: string; replaced: boolean } | { ok: false; reason: 'name' | 'full' };
/** What `restore` needs to undo a removal. */
export interface RemovalUndo {
  readonly design: SavedDesign;
}
export type RestoreResult = { ok: true } | { ok: false; reason: 'nameTaken' | 'full' };

export interface LabDesignsActions {
  /** Saves under the trimmed name (1–60 characters); an existing design of that name is replaced. */
  save: (name: string, doc: LabDoc) => SaveResult;
  /** Removes a design; null when there is none of that name. */
  remove: (name: string) => RemovalUndo | null;
  /** Undoes a removal, unless the name has been used again since. */
  restore: (undo: RemovalUndo) => RestoreResult;
  /** Merges designs written by another tab. */
  mergeFrom: (data: LabDesignsData) => void;
}

export type LabDesignsState = LabDesignsData & LabDesignsActions;

export const emptyLabDesigns = (): LabDesignsData => ({ designs: [], removed: [] });

export function findDesign(data: LabDesignsData, name: string): SavedDesign | undefined {
  return data.designs.find((d) => d.name === name);
}

// ───────────────────────────── merge ─────────────────────────────

type Latest = { design: SavedDesign } | { removed: RemovedDesign };

const timeOf = (event: Latest) => ('design' in event ? event.design.savedAt : event.removed.removedAt);

/** The later event for one name; ties go to the removal, then to the larger doc (order-free). */
function later(a: Latest, b: Latest): Latest {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return ta > tb ? a : b;
  if ('removed' in a) return a;
  if ('removed' in b) return b;
  return JSON.stringify(a.design.doc) >= JSON.stringify(b.design.doc) ? a : b;
}

const byName = (x: { name: string }, y: { name: string }) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);

/**
 * Union by name, the latest event winning (see the top of this file). Commutative and idempotent;
 * associative too while the tombstone cap is not reached.
 */
export function mergeLabDesigns(a: LabDesignsData, b: LabDesignsData): LabDesignsData {
  const latest = new Map<string, Latest>();
  const offer = (name: string, event: Latest) => {
    const current = latest.get(name);
    latest.set(name, current ? later(current, event) : event);
  };
  for (const side of [a, b]) {
    for (const design of side.designs) offer(design.name, { design });
    for (const removed of side.removed) offer(removed.name, { removed });
  }
  const designs: SavedDesign[] = [];
  const removed: RemovedDesign[] = [];
  for (const event of latest.values()) {
    if ('design' in event) designs.push(event.design);
    else removed.push(event.removed);
  }
  const newestTombstones = removed.sort((x, y) => y.removedAt - x.removedAt || byName(x, y)).slice(0, MAX_TOMBSTONES);
  return { designs: designs.sort(byName), removed: newestTombstones.sort(byName) };
}

// ───────────────────────────── validation ─────────────────────────────

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
const isTime = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Stored designs, validated. One bad entry costs that entry (`lossy`, so the original is backed
 * up): a name that is not a clean name, a bad time, a doc of an unknown version. A doc the
 * sanitiser had to repair is kept, repaired, and also counts as lossy. Tombstones are bookkeeping:
 * a bad one is dropped quietly.
 */
export function parseLabDesigns(state: unknown, version: number): { data: LabDesignsData; lossy: boolean } {
  if (version !== LAB_DESIGNS_VERSION || !isRecord(state) || !Array.isArray(own(state, 'designs'))) {
    return { data: emptyLabDesigns(), lossy: true };
  }
  let lossy = false;
  const rawDesigns = own(state, 'designs') as unknown[];
  if (rawDesigns.length > MAX_LOADED_DESIGNS) lossy = true;
  const designs: SavedDesign[] = [];
  for (const entry of rawDesigns.slice(0, MAX_LOADED_DESIGNS)) {
    const design = isRecord(entry) ? readDesign(entry) : null;
    if (!design || design.repaired) lossy = true;
    if (design) designs.push(design.saved);
  }
  const rawRemoved = own(state, 'removed');
  const removed: RemovedDesign[] = [];
  if (Array.isArray(rawRemoved)) {
    for (const entry of rawRemoved.slice(0, MAX_TOMBSTONES)) {
      if (!isRecord(entry)) continue;
      const name = own(entry, 'name');
      const removedAt = own(entry, 'removedAt');
      if (typeof name === 'string' && designName(name) === name && isTime(removedAt)) removed.push({ name, removedAt });
    }
  }
  const data = mergeLabDesigns({ designs, removed }, emptyLabDesigns());
  // Two entries of one name: only the newer survives, so the older one is lost.
  if (data.designs.length + data.removed.length < designs.length + removed.length) lossy = true;
  return { data, lossy };
}

function readDesign(entry: Record<string, unknown>): { saved: SavedDesign; repaired: boolean } | null {
  const name = own(entry, 'name');
  const savedAt = own(entry, 'savedAt');
  if (typeof name !== 'string' || designName(name) !== name || !isTime(savedAt)) return null;
  const { doc, dropped } = sanitizeDoc(own(entry, 'doc'));
  if (dropped.includes('v')) return null;
  return { saved: { name, doc, savedAt }, repaired: dropped.length > 0 };
}

// ───────────────────────────── the store ─────────────────────────────

const dataOf = (state: LabDesignsData): LabDesignsData => ({ designs: state.designs, removed: state.removed });

export function createLabDesignsStore(getStorage?: () => Storage) {
  return create<LabDesignsState>()(
    persist<LabDesignsState, [], [], LabDesignsData>(
      (set, get) => {
        /** Puts `design` in place of any design or tombstone of its name. */
        const put = (design: SavedDesign) =>
          set((state) => ({
            designs: [...state.designs.filter((d) => d.name !== design.name), design].sort(byName),
            removed: state.removed.filter((r) => r.name !== design.name),
          }));

        return {
          ...emptyLabDesigns(),
          save: (rawName, doc) => {
            const name = designName(rawName);
            if (name === null) return { ok: false, reason: 'name' };
            const replaced = findDesign(get(), name) !== undefined;
            if (!replaced && get().designs.length >= MAX_SAVED_DESIGNS) return { ok: false, reason: 'full' };
            put({ name, doc, savedAt: stamp() });
            return { ok: true, name, replaced };
          },
          remove: (name) => {
            const design = findDesign(get(), name);
            if (!design) return null;
            const tombstone = { name, removedAt: stamp() };
            set((state) =>
              mergeLabDesigns(
                { designs: state.designs.filter((d) => d.name !== name), removed: state.removed },
                { designs: [], removed: [tombstone] },
              ),
            );
            return { design };
          },
          restore: ({ design }) => {
            if (findDesign(get(), design.name)) return { ok: false, reason: 'nameTaken' };
            if (get().designs.length >= MAX_SAVED_DESIGNS) return { ok: false, reason: 'full' };
            // Stamped now, after its tombstone, so every tab brings it back.
            put({ ...design, savedAt: stamp() });
            return { ok: true };
          },
          mergeFrom: (data) => {
            const merged = mergeLabDesigns(dataOf(get()), data);
            // Only a real change is written: otherwise two tabs would echo each other forever.
            if (JSON.stringify(merged) !== JSON.stringify(dataOf(get()))) set(merged);
          },
        };
      },
      {
        name: LAB_DESIGNS_STORAGE_KEY,
        version: LAB_DESIGNS_VERSION,
        storage: createValidatedStorage<LabDesignsData>({
          version: LAB_DESIGNS_VERSION,
          parse: parseLabDesigns,
          onProblem: (problem) => useStorageNotice.getState().report(problem),
          ...(getStorage ? { getStorage } : {}),
        }),
        partialize: dataOf,
        // Loads arrive validated (createValidatedStorage), or undefined when nothing usable is
        // stored; designs saved before hydration stay.
        merge: (persisted, current) =>
          persisted ? { ...current, ...mergeLabDesigns(dataOf(current), persisted as LabDesignsData) } : current,
      },
    ),
  );
}

export const useLabDesigns = createLabDesignsStore();

/** Other tabs write the same key: merge their designs in (see mergeLabDesigns). */
export function syncLabDesignsAcrossTabs(store = useLabDesigns): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== LAB_DESIGNS_STORAGE_KEY) return;
    const incoming = readStoredValue<LabDesignsData>(event.newValue, {
      version: LAB_DESIGNS_VERSION,
      parse: parseLabDesigns,
    });
    if (incoming) store.getState().mergeFrom(incoming);
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
