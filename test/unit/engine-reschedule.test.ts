import { describe, expect, it } from 'vitest';
import { defaultConfig, startRun, type ScriptStep } from '../../src/engine';

const spec = (script: ScriptStep[]) => ({ config: defaultConfig(), script, seed: 7, durationMs: 10_000 });
const crash = (atMs: number, backend: string): ScriptStep => ({ atMs, action: 'crash', backend });

describe('ScenarioRun.reschedule (the Lab edits faults ahead of the clock)', () => {
  it('gives the same run as if the new script had been there from the start', () => {
    const edited = startRun(spec([crash(4000, 'web-1')]));
    edited.advanceTo(2000);
    edited.reschedule([crash(3000, 'web-2'), crash(5000, 'web-3')]);
    edited.advanceTo(8000);
    const fresh = startRun(spec([crash(3000, 'web-2'), crash(5000, 'web-3')]));
    fresh.advanceTo(8000);
    expect(edited.events.map((e) => [e.atMs, e.step])).toEqual(fresh.events.map((e) => [e.atMs, e.step]));
    expect(edited.sim.metrics()).toEqual(fresh.sim.metrics());
  });

  it('never schedules a step at or before now, and keeps a student’s replayed actions', () => {
    const run = startRun(spec([]), { actions: [crash(6000, 'web-4')] });
    run.advanceTo(3000);
    run.reschedule([crash(1000, 'web-1'), crash(3000, 'web-2'), crash(4000, 'web-3')]);
    expect(run.upcoming.map((p) => [p.step.atMs, p.source])).toEqual([
      [4000, 'script'],
      [6000, 'student'],
    ]);
  });
});
