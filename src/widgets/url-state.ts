/**
 * Shareable widget settings: each widget keeps its state in the URL under its own id
 * (`?w-<id>=seed:42,mode:l4,x:web-2@5.0`), so a link reproduces what the sender saw, in either
 * language. Knob values are settings; server changes are the student's own actions, each with the
 * simulated second it happened at, replayed at that time. A scenario's script is never written
 * here: it belongs to the scenario, not to the student. Links are untrusted input: unknown knobs,
 * bad values and unknown servers are ignored, never applied.
 */
import { getScenario, type ScenarioRun, type ScriptStep } from '../engine';
import { KNOBS, type KnobId } from './knobs';
import { KEBAB_ID } from '../lib/ids';

export interface WidgetState {
  knobs: [KnobId, string][];
  seed?: number;
  /** The student's server changes, with their simulated times. */
  actions: ScriptStep[];
}

type ServerAction = 'remove' | 'crash' | 'gray' | 'revive' | 'add';
const CODE_TO_ACTION: Record<string, ServerAction> = { rm: 'remove', x: 'crash', g: 'gray', up: 'revive', add: 'add' };
const ACTION_TO_CODE: Record<ServerAction, string> = { remove: 'rm', crash: 'x', gray: 'g', revive: 'up', add: 'add' };
const MAX_SEED = 2 ** 31 - 1;
/** A link holds at most this many actions, so a hand-edited URL cannot stall the page. */
const MAX_ACTIONS = 64;
/** Latest simulated time an action may name: a day. */
const MAX_AT_MS = 86_400_000;

export function parseWidgetState(scenarioId: string, raw: string | null): WidgetState {
  const state: WidgetState = { knobs: [], actions: [] };
  if (!raw) return state;
  const allowed = new Set<string>(getScenario(scenarioId).widget.knobs);
  for (const part of raw.split(',')) {
    const [key = '', value = ''] = part.split(':', 2);
    if (key === 'seed') {
      const seed = Number(value);
      if (value.trim() !== '' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) state.seed = seed;
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(CODE_TO_ACTION, key)) {
      const action = parseAction(CODE_TO_ACTION[key] as ServerAction, value);
      if (action && state.actions.length < MAX_ACTIONS) state.actions.push(action);
      continue;
    }
    if (!allowed.has(key)) continue;
    const knob = KNOBS[key as KnobId];
    const ok =
      knob.type === 'select'
        ? (knob.options as readonly string[]).includes(value)
        : value.trim() !== '' &&
          Number.isFinite(Number(value)) &&
          Number(value) >= knob.min &&
          Number(value) <= knob.max;
    if (ok) state.knobs.push([key as KnobId, value]);
  }
  // Replays run in time order; a link may list them in any order.
  state.actions.sort((a, b) => a.atMs - b.atMs);
  return state;
}

/** `web-2@5.0`: a server (or pool, for add) and a time in simulated seconds; no time means 0. */
function parseAction(action: ServerAction, value: string): ScriptStep | undefined {
  const [name = '', at] = value.split('@', 2);
  if (!KEBAB_ID.test(name)) return undefined;
  const seconds = at === undefined ? 0 : Number(at);
  if (at !== undefined && (at.trim() === '' || !Number.isFinite(seconds))) return undefined;
  const atMs = Math.round(seconds * 1000);
  if (atMs < 0 || atMs > MAX_AT_MS) return undefined;
  return action === 'add' ? { atMs, action, pool: name } : { atMs, action, backend: name };
}

/** The seed, the knob settings and every server change the student made, with its time. */
export function serializeWidgetState(scenarioId: string, run: ScenarioRun): string {
  const knobs = getScenario(scenarioId).widget.knobs.map((id) => `${id}:${KNOBS[id].read(run.sim.config)}`);
  const actions = run.events
    .filter((e) => e.source === 'student' && !e.refused && e.step.action !== 'update')
    .map(({ step, atMs }) => {
      const code = ACTION_TO_CODE[step.action as ServerAction];
      const name = step.action === 'add' ? step.pool : 'backend' in step ? step.backend : '';
      return `${code}:${name}@${(atMs / 1000).toFixed(1)}`;
    });
  return [`seed:${run.seed}`, ...knobs, ...actions].join(',');
}

/** Knob values from a link, applied to a fresh run before its first step. */
export function applyKnobs(run: ScenarioRun, state: WidgetState): void {
  for (const [id, value] of state.knobs) {
    const knob = KNOBS[id];
    if (knob.type === 'select') knob.apply(run.sim, value);
    else knob.apply(run.sim, Number(value));
  }
}

export { readWidgetParam, writeWidgetParam } from './url-param';
