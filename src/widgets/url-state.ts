/**
 * Shareable widget settings: each widget keeps its knob values in the URL under its own id
 * (`?w-<id>=mode:l4,tls:passthrough`), so a link reproduces what the sender saw, in either
 * language. Unknown knobs and out-of-range values in a link are ignored, never applied.
 */
import type { SimulationHandle } from '../engine';
import { KNOBS, SCENARIO_CONTROLS, type KnobId } from './knobs';

const paramName = (widgetId: string) => `w-${widgetId}`;

export function parseWidgetState(scenarioId: string, raw: string | null): [KnobId, string][] {
  if (!raw) return [];
  const allowed = new Set(SCENARIO_CONTROLS[scenarioId]?.knobs ?? []);
  const out: [KnobId, string][] = [];
  for (const part of raw.split(',')) {
    const [key = '', value = ''] = part.split(':', 2);
    if (!allowed.has(key as KnobId)) continue;
    const knob = KNOBS[key as KnobId];
    const ok =
      knob.type === 'select'
        ? knob.options.includes(value)
        : value.trim() !== '' &&
          Number.isFinite(Number(value)) &&
          Number(value) >= knob.min &&
          Number(value) <= knob.max;
    if (ok) out.push([key as KnobId, value]);
  }
  return out;
}

export function serializeWidgetState(scenarioId: string, sim: SimulationHandle): string {
  return (SCENARIO_CONTROLS[scenarioId]?.knobs ?? []).map((id) => `${id}:${KNOBS[id].read(sim.config)}`).join(',');
}

/** Applies the settings a link carries to a fresh simulation. */
export function applyWidgetState(scenarioId: string, sim: SimulationHandle, state: [KnobId, string][]): void {
  for (const [id, value] of state) {
    const knob = KNOBS[id];
    if (knob.type === 'select') knob.apply(sim, value);
    else knob.apply(sim, Number(value));
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
