import { describe, expect, it } from 'vitest';
import {
  firstFitDecreasing,
  grahamWorstCase,
  greedyKnapsack,
  optimalBinCount,
  optimalKnapsack,
  optimalMakespan,
  schedule,
  throwBalls,
} from '../../src/engine/scheduling';

const SEEDS = [1, 2, 3, 4, 5];
const MILLION = 1_000_000;

describe('scheduling model: known answers from the literature', () => {
  it.each([2, 3, 4, 8, 16])(
    "Graham's instance drives list scheduling on %i servers to 2m − 1 against an optimum of m",
    (m) => {
      const jobs = grahamWorstCase(m);
      const list = schedule(jobs, { algorithm: 'list', servers: m });
      expect(list.makespan).toBe(2 * m - 1);
      expect(list.lowerBound).toBe(m);
      // LPT puts the big job first and reaches the optimum.
      expect(schedule(jobs, { algorithm: 'lpt', servers: m }).makespan).toBe(m);
      if (m <= 3) expect(optimalMakespan(jobs, m)).toBe(m);
    },
  );

  it('stale information herds: with loads refreshed every m jobs, one round lands on one server', () => {
    const jobs = new Array<number>(12).fill(1);
    const stale = schedule(jobs, { algorithm: 'stale-least-loaded', servers: 4, staleness: 4 });
    expect(stale.placements.slice(0, 4).map((p) => p.server)).toEqual([0, 0, 0, 0]);
    expect(stale.makespan).toBe(4);
    expect(schedule(jobs, { algorithm: 'stale-least-loaded', servers: 4, staleness: 1 }).makespan).toBe(3);
  });

  it.each(SEEDS)(
    'a million balls in a million bins (seed %i): one choice peaks at 8–11, two at 4–5, three at 3–4',
    (seed) => {
      const bins = { balls: MILLION, bins: MILLION, seed };
      expect(throwBalls({ ...bins, choices: 1 }).maxLoad).toBeGreaterThanOrEqual(8);
      expect(throwBalls({ ...bins, choices: 1 }).maxLoad).toBeLessThanOrEqual(11);
      expect([4, 5]).toContain(throwBalls({ ...bins, choices: 2 }).maxLoad);
      expect([3, 4]).toContain(throwBalls({ ...bins, choices: 3 }).maxLoad);
    },
  );

  it('load counts cover every bin and every ball', () => {
    const { loadCounts } = throwBalls({ balls: 5000, bins: 1000, choices: 2, seed: 7 });
    expect(loadCounts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(loadCounts.reduce((sum, count, load) => sum + count * load, 0)).toBe(5000);
  });

  it('first-fit decreasing can need more bins than the optimum', () => {
    // Capacity 10: FFD fills 5 + 4 and 3 + 3 + 3, leaving the 2 a bin of its own; 5 + 3 + 2 and
    // 4 + 3 + 3 fill two bins exactly.
    const items = [5, 4, 3, 3, 3, 2];
    expect(firstFitDecreasing(items, 10)).toEqual([[5, 4], [3, 3, 3], [2]]);
    expect(optimalBinCount(items, 10)).toBe(2);
  });

  it('greedy by value density can be far from the best knapsack', () => {
    const items = [
      { weight: 1, value: 2 },
      { weight: 10, value: 10 },
    ];
    expect(greedyKnapsack(items, 10).value).toBe(2);
    expect(optimalKnapsack(items, 10).value).toBe(10);
  });
});
