import type { SimConfig } from '../engine';

/**
 * The configuration a widget runs: the preset as it is, plus a trace to animate. Tracing draws no
 * random numbers, so the widget's numbers equal a headless run of the preset with the same seed
 * (test/unit/widget-honesty.test.ts checks it for every preset).
 */
export function widgetConfig(preset: SimConfig): SimConfig {
  return { ...preset, traceCapacity: Math.max(preset.traceCapacity, 600) };
}
