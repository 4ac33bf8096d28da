import type { SimConfig } from '../engine';

/** Room for every hop of a busy frame (1,000 packets in flight), so none are dropped unseen. */
export const WIDGET_TRACE_CAPACITY = 3000;

/**
 * The configuration a widget runs: the preset as it is, plus a trace to animate. Tracing draws no
 * random numbers, so the widget's numbers equal a headless run of the preset with the same seed
 * (test/unit/widget-honesty.test.ts checks it for every preset).
 */
export function widgetConfig(preset: SimConfig): SimConfig {
  return { ...preset, traceCapacity: Math.max(preset.traceCapacity, WIDGET_TRACE_CAPACITY) };
}
