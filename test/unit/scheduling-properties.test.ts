import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstFitDecreasing,
  optimalBinCount,
  optimalMakespan,
  schedule,
  SCHEDULING_ALGORITHMS,
} from '../../src/engine/scheduling';

const RUNS = { numRuns: 1000, seed: 20261203 };
// Float slack for bounds like (4/3 − 1/(3m)) × OPT, which are not whole numbers.
const EPS = 1e-9;

/** Instances small enough to solve exactly: n ≤ 8 jobs, m ≤ 3 servers. */
const instance = fc.record({
  jobs: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }),
  servers: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
});

describe('scheduling model: bounds that hold on every small instance', () => {
  it('no algorithm finishes before the lower bound max(total / m, largest), nor before the optimum', () => {
    fc.assert(
      fc.property(
        instance,
        fc.constantFrom(...SCHEDULING_ALGORITHMS),
        fc.integer({ min: 1, max: 4 }),
        ({ jobs, servers, seed }, algorithm, staleness) => {
          const result = schedule(jobs, { algorithm, servers, seed, d: 2, staleness });
          const opt = optimalMakespan(jobs, servers);
          expect(result.makespan).toBeGreaterThanOrEqual(result.lowerBound - EPS);
          expect(opt).toBeGreaterThanOrEqual(result.lowerBound - EPS);
          expect(result.makespan).toBeGreaterThanOrEqual(opt);
        },
      ),
      RUNS,
    );
  });

  it('list scheduling stays within (2 − 1/m) × optimal (Graham 1966)', () => {
    fc.assert(
      fc.property(instance, ({ jobs, servers }) => {
        const list = schedule(jobs, { algorithm: 'list', servers }).makespan;
        expect(list).toBeLessThanOrEqual((2 - 1 / servers) * optimalMakespan(jobs, servers) + EPS);
      }),
      RUNS,
    );
  });

  it('LPT stays within (4/3 − 1/(3m)) × optimal (Graham 1969)', () => {
    fc.assert(
      fc.property(instance, ({ jobs, servers }) => {
        const lpt = schedule(jobs, { algorithm: 'lpt', servers }).makespan;
        expect(lpt).toBeLessThanOrEqual((4 / 3 - 1 / (3 * servers)) * optimalMakespan(jobs, servers) + EPS);
      }),
      RUNS,
    );
  });

  it('every job is placed exactly once, back to back, and loads add up', () => {
    fc.assert(
      fc.property(instance, fc.constantFrom(...SCHEDULING_ALGORITHMS), ({ jobs, servers, seed }, algorithm) => {
        const result = schedule(jobs, { algorithm, servers, seed, d: 2, staleness: 3 });
        expect(result.placements.map((p) => p.job).sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i));
        const ends = new Array<number>(servers).fill(0);
        for (const p of result.placements) {
          expect(p.start).toBe(ends[p.server]);
          expect(p.end - p.start).toBe(jobs[p.job]);
          ends[p.server] = p.end;
        }
        expect(ends).toEqual(result.loads);
      }),
      RUNS,
    );
  });

  it('the same seed gives the same schedule', () => {
    fc.assert(
      fc.property(
        instance,
        fc.constantFrom('random' as const, 'power-of-d' as const),
        ({ jobs, servers, seed }, algorithm) => {
          expect(schedule(jobs, { algorithm, servers, seed })).toEqual(schedule(jobs, { algorithm, servers, seed }));
        },
      ),
      RUNS,
    );
  });

  it('first-fit decreasing never needs more than 11/9 × OPT + 6/9 bins (Dósa 2007)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 9 }), (items) => {
        const ffd = firstFitDecreasing(items, 10).length;
        const opt = optimalBinCount(items, 10);
        expect(ffd).toBeGreaterThanOrEqual(opt);
        expect(ffd).toBeLessThanOrEqual((11 / 9) * opt + 6 / 9 + EPS);
      }),
      RUNS,
    );
  });
});
