/**
 * Edits to a design, each returning a new doc (the old one stays in the undo history). Renaming a
 * pool renames what points at it (rules, the default pool, faults and their servers), so a rename
 * never leaves a dangling reference behind.
 */
import type { LabDoc, LabFault, LabPool, LabRule } from './design';
import { defaultPool } from './defaults';
import { MAX_RUN_MS } from './limits';

type Path = readonly (string | number)[];

/** `pools.1.count` → ['pools', 1, 'count']. */
export function parsePath(path: string): Path {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** A copy of `value` with the field at `path` replaced (copies only the objects on the way). */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setAt(copy[head as number], rest, next);
    return copy as T;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head]: setAt(record[head as string], rest, next) } as T;
}

export function renamePool(doc: LabDoc, index: number, id: string): LabDoc {
  const old = doc.design.pools[index]?.id;
  if (old === undefined || old === id) return doc;
  const rename = (pool: string) => (pool === old ? id : pool);
  const renameServer = (target: string) => (target.startsWith(`${old}-`) ? `${id}${target.slice(old.length)}` : target);
  const design = doc.design;
  return {
    ...doc,
    design: {
      ...design,
      pools: design.pools.map((p, i) => (i === index ? { ...p, id } : p)),
      l7: {
        ...design.l7,
        defaultPool: rename(design.l7.defaultPool),
        rules: design.l7.rules.map((r) => ({
          ...r,
          pool: rename(r.pool),
          canaryPool: r.canaryPool === null ? null : rename(r.canaryPool),
        })),
      },
    },
    faults: doc.faults.map((f) => ({ ...f, target: f.kind === 'add' ? rename(f.target) : renameServer(f.target) })),
  };
}

/** A new pool with a free id (`pool-2`, `pool-3`, …) and two servers. */
export function addPool(doc: LabDoc): LabDoc {
  const taken = new Set(doc.design.pools.map((p) => p.id));
  let n = doc.design.pools.length + 1;
  while (taken.has(`pool-${n}`)) n++;
  const pool: LabPool = defaultPool(`pool-${n}`, 2);
  return { ...doc, design: { ...doc.design, pools: [...doc.design.pools, pool] } };
}

export function addPath(doc: LabDoc): LabDoc {
  const paths = doc.design.paths;
  return {
    ...doc,
    design: { ...doc.design, paths: [...paths, { path: `/path-${paths.length + 1}`, weight: 1, responseKb: 4 }] },
  };
}

export function addRule(doc: LabDoc): LabDoc {
  const rule: LabRule = {
    kind: 'path',
    name: '',
    value: '/api',
    pool: doc.design.l7.defaultPool,
    canaryPool: null,
    canaryPercent: 0,
  };
  return { ...doc, design: { ...doc.design, l7: { ...doc.design.l7, rules: [...doc.design.l7.rules, rule] } } };
}

/** A crash of the first server, a few seconds after the last fault (or at 5 s). */
export function addFault(doc: LabDoc): LabDoc {
  const last = doc.faults.reduce((max, f) => Math.max(max, f.atMs), 0);
  const pool = doc.design.pools[0];
  const fault: LabFault = {
    atMs: Math.min(MAX_RUN_MS, last + 5_000),
    kind: 'crash',
    target: pool ? `${pool.id}-1` : 'web-1',
  };
  return { ...doc, faults: [...doc.faults, fault].sort((a, b) => a.atMs - b.atMs) };
}

/** A copy of the list at `path` without item `index`. */
export function removeAt(doc: LabDoc, path: string, index: number): LabDoc {
  const keys = parsePath(path);
  let list: unknown = doc;
  for (const key of keys) list = (list as Record<string | number, unknown>)[key];
  return setAt(
    doc,
    keys,
    (list as unknown[]).filter((_, i) => i !== index),
  );
}
