/**
 * The Gantt widget's link format and geometry: a link is untrusted input (only offered knobs, only
 * in-range values), and the chart fits 1 to 64 servers.
 */
import { describe, expect, it } from 'vitest';
import { getExperiment, LIMITS, type ScheduleSetup } from '../../src/engine/scheduling';
import { ganttGeometry, timeTicks } from '../../src/viz/gantt-geometry';
import { parseGanttState, serializeGanttState, settingsOf, setupOf } from '../../src/widgets/gantt-state';

const explore = getExperiment('greedy-jobs');
const builder = getExperiment('graham-builder');
const defaults = (setup: unknown) => settingsOf(setup as ScheduleSetup);

describe('Gantt links', () => {
  it('round-trip every offered knob', () => {
    const spec = explore.widget!;
    const s = { ...defaults(explore.setup), algorithm: 'power-of-d' as const, servers: 64, jobs: 400, d: 3 };
    const raw = serializeGanttState(s, spec);
    expect(raw).toBe('alg:power-of-d,m:64,dist:uniform,n:400,s:4,d:3');
    expect(parseGanttState(raw, defaults(explore.setup), spec)).toEqual(s);
  });

  it('ignore unknown knobs, bad values and values past the model’s limits', () => {
    const spec = explore.widget!;
    const base = defaults(explore.setup);
    const parsed = parseGanttState(
      `alg:magic,m:${LIMITS.servers + 1},n:0,d:2.5,s:-1,dist:heavy-tail,zz:1,jobs:1.2`,
      base,
      spec,
    );
    expect(parsed).toEqual({ ...base, distribution: 'heavy-tail' });
  });

  it('carry the builder’s jobs, capped in size and count, only in builder mode', () => {
    const spec = builder.widget!;
    const base = defaults(builder.setup);
    expect(parseGanttState('m:4,jobs:1.1.4', base, spec).sizes).toEqual([1, 1, 4]);
    expect(parseGanttState(`jobs:1.${LIMITS.jobSize + 1}`, base, spec).sizes).toEqual([]);
    expect(parseGanttState('jobs:1.1', defaults(explore.setup), explore.widget!).sizes).toEqual([]);
    const many = Array.from({ length: LIMITS.jobs + 5 }, () => '1').join('.');
    expect(parseGanttState(`jobs:${many}`, base, spec).sizes).toHaveLength(LIMITS.jobs);
    const setup = setupOf(builder.setup as ScheduleSetup, { ...base, sizes: [2, 3] }, true);
    expect(setup.jobs).toEqual({ kind: 'sizes', sizes: [2, 3] });
  });
});

describe('Gantt geometry', () => {
  it('fits 64 servers in under 420 px, and labels only the rows that have room', () => {
    const g = ganttGeometry(360, 64, 100);
    expect(g.height).toBeLessThan(420);
    expect(g.labelEvery).toBeGreaterThan(1);
    expect(ganttGeometry(640, 4, 10).labelEvery).toBe(1);
  });

  it('puts round ticks along the axis, never past it', () => {
    expect(timeTicks(7.3, 600)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const ticks = timeTicks(412, 300);
    expect(ticks.every((v) => v % 100 === 0 && v <= 412)).toBe(true);
  });
});
