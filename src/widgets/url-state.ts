/**
 * Shareable widget settings: each widget keeps its knob values in the URL under its own id
 * (`?w-<id>=mode:l4,tls:passthrough`), so a link reproduces what the sender saw, in either
 * language. Unknown knobs and out-of-range values in a link are ignored, never applied.
 */
import { getScenario, type SimulationHandle } from '../engine';
import { KNOBS, SCENARIO_CONTROLS, type KnobId } from './knobs';

const paramName = (widgetId: string) => `w-${widgetId}`;

/**
 * What a link carries: knob values, the seed, and how the student changed the backends (crashed,
 * gray, removed, added). Backend changes replay on a fresh simulation at time zero, which rebuilds
 * the same set of servers in the same states.
 */
export interface WidgetState {
  knobs: [KnobId, string][];
  seed?: number;
  backends: BackendChange[];
}

export type BackendChange = { action: 'remove' | 'crash' | 'gray'; backend: string } | { action: 'add'; pool: string };

const BACKEND_ACTION = { rm: 'remove', x: 'crash', g: 'gray', add: 'add' } as const;
const BACKEND_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SEED = 2 ** 31 - 1;
/** A link can add at most this many servers, so a hand-edited URL cannot stall the page. */
const MAX_ADDED = 32;

export function parseWidgetState(scenarioId: string, raw: string | null): WidgetState {
  const state: WidgetState = { knobs: [], backends: [] };
  if (!raw) return state;
  const allowed = new Set(SCENARIO_CONTROLS[scenarioId]?.knobs ?? []);
  let added = 0;
  for (const part of raw.split(',')) {
    const [key = '', value = ''] = part.split(':', 2);
    if (key === 'seed') {
      const seed = Number(value);
      if (value.trim() !== '' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) state.seed = seed;
      continue;
    }
    if (key in BACKEND_ACTION) {
      if (!BACKEND_ID.test(value)) continue;
      const action = BACKEND_ACTION[key as keyof typeof BACKEND_ACTION];
      if (action !== 'add') state.backends.push({ action, backend: value });
      else if (added++ < MAX_ADDED) state.backends.push({ action, pool: value });
      continue;
    }
    if (!allowed.has(key as KnobId)) continue;
    const knob = KNOBS[key as KnobId];
    const ok =
      knob.type === 'select'
        ? knob.options.includes(value)
        : value.trim() !== '' &&
          Number.isFinite(Number(value)) &&
          Number(value) >= knob.min &&
          Number(value) <= knob.max;
    if (ok) state.knobs.push([key as KnobId, value]);
  }
  return state;
}

export function serializeWidgetState(scenarioId: string, sim: SimulationHandle, seed: number): string {
  const knobs = (SCENARIO_CONTROLS[scenarioId]?.knobs ?? []).map((id) => `${id}:${KNOBS[id].read(sim.config)}`);
  const preset = new Map(
    getScenario(scenarioId).config.pools.flatMap((p) => p.backends.map((b) => [b.id, b.state ?? 'up'] as const)),
  );
  const now = sim.metrics().backends;
  const present = new Set(now.map((b) => b.id));
  const changes = [
    ...[...preset.keys()].filter((id) => !present.has(id)).map((id) => `rm:${id}`),
    ...now.filter((b) => !preset.has(b.id)).map((b) => `add:${b.pool}`),
    ...now
      .filter((b) => b.state !== 'up' && b.state !== preset.get(b.id))
      .map((b) => `${b.state === 'crashed' ? 'x' : 'g'}:${b.id}`),
  ];
  return [`seed:${seed}`, ...knobs, ...changes].join(',');
}

/** Applies what a link carries to a fresh simulation; changes that no longer fit are skipped. */
export function applyWidgetState(scenarioId: string, sim: SimulationHandle, state: WidgetState): void {
  for (const [id, value] of state.knobs) {
    const knob = KNOBS[id];
    if (knob.type === 'select') knob.apply(sim, value);
    else knob.apply(sim, Number(value));
  }
  const ids = () => new Set(sim.metrics().backends.map((b) => b.id));
  for (const change of state.backends) {
    // A link is untrusted input: an unknown server or pool is ignored, not an error.
    try {
      if (change.action === 'add') {
        if (sim.config.pools.some((p) => p.id === change.pool)) sim.addBackend(change.pool);
      } else if (ids().has(change.backend)) {
        if (change.action === 'remove') sim.removeBackend(change.backend);
        else sim.setBackendState(change.backend, change.action === 'crash' ? 'crashed' : 'gray');
      }
    } catch {
      // The engine refuses what it cannot do (say, removing the last server); the rest still applies.
    }
  }
}

export function readWidgetParam(widgetId: string): string | null {
  return typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get(paramName(widgetId));
}

/** Records the current settings in the address bar without a navigation or a re-render. */
export function writeWidgetParam(widgetId: string, value: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set(paramName(widgetId), value);
  window.history.replaceState(window.history.state, '', url);
}
