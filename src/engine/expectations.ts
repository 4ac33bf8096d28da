/** Checks a scenario's expected outcomes against a headless run of it. */
import { measure, type RunView } from './measures.ts';
import type { Expectation } from './scenarios/types.ts';

export interface ExpectationResult {
  measure: string;
  value: number;
  ok: boolean;
  why: string;
  range: string;
}

export function checkExpectations(expect: readonly Expectation[], run: RunView): ExpectationResult[] {
  return expect.map((e) => {
    const value = measure(e.measure, run);
    const ok =
      Number.isFinite(value) && (e.min === undefined || value >= e.min) && (e.max === undefined || value <= e.max);
    return { measure: e.measure, value, ok, why: e.why, range: `[${e.min ?? '-∞'}, ${e.max ?? '∞'}]` };
  });
}
