/**
 * What the scheduling widgets rely on from the model: the sliced balls stepper ends bit-identical
 * to the one-shot run (so the widget and the quiz show the same numbers), and the builder's goal
 * is granted exactly by Graham's instance, judged with the model's own makespan and bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BallsStepper,
  getExperiment,
  goalReached,
  grahamWorstCase,
  measureExperiment,
  schedule,
  throwBalls,
  type BallsSetup,
} from '../../src/engine/scheduling';

function sliced(options: { balls: number; bins: number; choices: number; seed: number }, slices: number[]) {
  const stepper = new BallsStepper(options);
  let i = 0;
  while (!stepper.done) stepper.throwSome(slices[i++ % slices.length]!);
  return stepper.result();
}

describe('BallsStepper', () => {
  it('any slicing ends bit-identical to throwBalls', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
        (balls, bins, choices, seed, slices) => {
          const options = { balls, bins, choices, seed };
          expect(sliced(options, slices)).toEqual(throwBalls(options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a million balls in 37,000-ball slices match the one-shot run and the quiz’s measurement', () => {
    const setup = getExperiment('balls-two-choices').setup as BallsSetup;
    const options = { balls: setup.n, bins: setup.n, choices: setup.choices, seed: setup.seeds[0]! };
    const result = sliced(options, [37_000]);
    expect(result).toEqual(throwBalls(options));
    expect(result.maxLoad).toBe(measureExperiment(setup, 'maxLoad'));
  });

  it('keeps the histogram right mid-way: its counts add up to the bins and the balls thrown', () => {
    const stepper = new BallsStepper({ balls: 5000, bins: 1000, choices: 2, seed: 3 });
    stepper.throwSome(1234);
    const { loadCounts, maxLoad } = stepper.result();
    expect(loadCounts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(loadCounts.reduce((sum, count, load) => sum + count * load, 0)).toBe(1234);
    expect(loadCounts.length).toBe(maxLoad + 1);
  });
});

describe('the graham-worst-case goal', () => {
  const check = (jobs: number[], servers: number, algorithm: 'list' | 'lpt' = 'list') =>
    goalReached('graham-worst-case', { algorithm, servers, schedule: schedule(jobs, { algorithm, servers }) });

  it('is reached by Graham’s instance on 2 to 8 servers, and not by LPT on it', () => {
    for (let m = 2; m <= 8; m++) {
      expect(check(grahamWorstCase(m), m)).toBe(true);
      expect(check(grahamWorstCase(m), m, 'lpt')).toBe(false);
    }
  });

  it('is not reached by near misses: the big job first, one unit job short, or one server', () => {
    expect(check([3, 1, 1, 1, 1, 1, 1], 3)).toBe(false);
    expect(check([1, 1, 1, 1, 1, 3], 3)).toBe(false);
    expect(check([5], 1)).toBe(false);
    expect(check([], 3)).toBe(false);
  });

  it('scales: twice Graham’s sizes still reach it', () => {
    expect(
      check(
        grahamWorstCase(4).map((s) => s * 2),
        4,
      ),
    ).toBe(true);
  });
});
