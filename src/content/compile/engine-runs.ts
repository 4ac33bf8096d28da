/**
 * Engine runs for the content build: predictions and prose measurements. Runs are deterministic,
 * so each result is cached on disk, keyed by a hash of the engine's source and of the request; a
 * change to the engine recomputes everything, and an unchanged engine costs nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, type MeasurementRun } from '../../engine/index.ts';

const ENGINE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../engine');
const CACHE_FILE = resolve(ENGINE_DIR, '../../node_modules/.cache/balancer-lab/engine-runs.json');

let engineHash: string | undefined;
let cache: Record<string, number> | undefined;
let dirty = false;

/** A hash of every engine source file: any change to the model invalidates every cached run. */
function hashEngine(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) hash.update(name).update(readFileSync(path));
    }
  };
  walk(ENGINE_DIR);
  return hash.digest('hex').slice(0, 16);
}

function load(): Record<string, number> {
  engineHash ??= hashEngine();
  if (cache) return cache;
  cache = {};
  try {
    if (existsSync(CACHE_FILE)) {
      const stored = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { engine?: string; runs?: Record<string, number> };
      if (stored.engine === engineHash && stored.runs) cache = stored.runs;
    }
  } catch {
    // An unreadable cache is only a slower build.
  }
  return cache;
}

/** The value of one engine run, from the cache or computed now. NaN stays NaN (JSON has no NaN). */
export function cachedEvaluate(run: MeasurementRun): number {
  const runs = load();
  const key = JSON.stringify(run);
  if (key in runs) return runs[key] ?? NaN;
  const value = evaluate(run);
  runs[key] = Number.isFinite(value) ? value : (null as unknown as number);
  dirty = true;
  return value;
}

/** Writes new results to disk (once per compile). A read-only disk is only a slower next build. */
export function saveEngineRuns(): void {
  if (!dirty || !cache) return;
  try {
    mkdirSync(dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify({ engine: engineHash, runs: cache }));
    dirty = false;
  } catch {
    // Ignore: the cache is an optimisation.
  }
}
