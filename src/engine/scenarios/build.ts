/** Helpers for writing scenario records: defaults, shared request templates and pools. */
import type { DeepPartial, SimConfig } from '../config.ts';
import { backend, defaultConfig, DEFAULT_REQUEST, mergeConfig } from '../config.ts';
import type { ScenarioRecord, ScriptStep, Expectation } from './types.ts';

/** Every preset runs with this seed unless it says otherwise; widgets and replays use the same. */
export const DEFAULT_SEED = 42;

export function scenarioConfig(patch: DeepPartial<SimConfig>): SimConfig {
  return mergeConfig(defaultConfig(), patch);
}

type RecordParts<Id extends string> = Omit<ScenarioRecord<Id>, 'id' | 'patch' | 'config' | 'seed' | 'script'> & {
  seed?: number;
  script?: readonly ScriptStep[];
};

export function preset<Id extends string>(
  id: Id,
  patch: DeepPartial<SimConfig>,
  parts: RecordParts<Id>,
): ScenarioRecord<Id> {
  return {
    id,
    patch,
    config: scenarioConfig(patch),
    seed: parts.seed ?? DEFAULT_SEED,
    durationMs: parts.durationMs,
    script: parts.script ?? [],
    expect: parts.expect,
    widget: parts.widget,
  };
}

/**
 * A scripted replay of a scenario a student plays with by hand: the same setup, plus the change
 * the script makes at its time. Predict quizzes replay these, so what the student watches is what
 * the build measured.
 */
export function replayOf<Id extends string>(
  base: ScenarioRecord,
  id: Id,
  parts: { script: readonly ScriptStep[]; expect: readonly Expectation[]; durationMs?: number },
): ScenarioRecord<Id> {
  return {
    ...base,
    id,
    script: parts.script,
    expect: parts.expect,
    durationMs: parts.durationMs ?? base.durationMs,
    // The script makes the change; the widget offers no buttons that would muddle the replay.
    widget: { ...base.widget, backendButtons: false, addRemove: false },
  };
}

export const API_V2 = { ...DEFAULT_REQUEST, path: '/api/v2/cart' };
export const API_V1 = { ...DEFAULT_REQUEST, path: '/api/v1/cart' };
export const STATIC = { ...DEFAULT_REQUEST, path: '/static/app.js', responseBytes: 120_000, cacheable: true };

/** Five backends, the third one gray: /health answers 200 while real requests fail. */
export const GRAY_POOL = {
  id: 'web',
  backends: [
    backend('web-1'),
    backend('web-2'),
    backend('web-3', { state: 'gray' as const }),
    backend('web-4'),
    backend('web-5'),
  ],
};
