/** Scenarios about choosing a server: hashing churn, uneven request costs, stale load figures. */
import type { DeepPartial, SimConfig } from '../config.ts';
import { pool } from '../config.ts';
import { preset, replayOf } from './build.ts';

const hashChurn = preset(
  'hash-churn',
  {
    clients: { count: 10_000, ratePerSecond: 100 },
    balancer: { mode: 'l4', tls: 'passthrough', algorithm: 'maglev' },
    pools: [pool('web', 5)],
  },
  {
    durationMs: 2000,
    expect: [{ measure: 'busyBackends', min: 5, max: 5, why: 'Maglev spreads users over all five servers' }],
    widget: {
      knobs: ['algorithm'],
      backendButtons: false,
      addRemove: true,
      headline: ['remapped'],
      goal: (m) => (m.remap?.fraction ?? 1) < 0.25,
    },
  },
);

const hashChurnReplay = replayOf(hashChurn, 'hash-churn-replay', {
  script: [{ atMs: 1000, action: 'add', pool: 'web' }],
  expect: [
    {
      measure: 'remapFraction',
      min: 0.117,
      max: 0.217,
      why: 'Maglev moves about 1/6 of keys going from 5 to 6 servers',
    },
  ],
});

/**
 * Ten single-worker servers at 90% load with no network delay, so latency is queueing plus
 * service (fact base §5.1's model). Bimodal costs: 95% of requests take 0.5× the mean, 5% 10.5×.
 */
const raceSetup = (
  algorithm: 'p2c' | 'least-outstanding',
  statsRefreshMs: number,
  distribution: 'bimodal' | 'exponential',
): DeepPartial<SimConfig> => ({
  clients: { count: 1000, ratePerSecond: 900 },
  network: { clientRttMs: 0, backendRttMs: 0, l7HopMs: 0, l4HopMs: 0 },
  balancer: { algorithm, statsRefreshMs },
  pools: [pool('web', 10, { concurrency: 1, serviceMs: 10, distribution })],
});

const algorithmRace = preset('algorithm-race', raceSetup('p2c', 0, 'bimodal'), {
  durationMs: 120_000,
  expect: [{ measure: 'p99OverService', min: 20, max: 50, why: 'P2C keeps p99 within tens of mean service times' }],
  widget: {
    knobs: ['algorithm', 'rate'],
    backendButtons: false,
    addRemove: false,
    timeScale: 250,
    headline: ['latency', 'imbalance'],
    goal: (_m, c) => c.balancer.algorithm === 'least-outstanding',
  },
});

const herdingStaleStats = preset('herding-stale-stats', raceSetup('least-outstanding', 50, 'exponential'), {
  durationMs: 120_000,
  // Stats five service times old: least outstanding herds onto whichever server looked idle.
  expect: [
    { measure: 'p99OverService', min: 30, why: 'stale load information sends everyone to the same idle server' },
  ],
  widget: {
    knobs: ['algorithm', 'rate'],
    backendButtons: false,
    addRemove: false,
    timeScale: 250,
    headline: ['latency', 'imbalance'],
    goal: (_m, c) => c.balancer.algorithm === 'p2c',
  },
});

export const ALGORITHM_SCENARIOS = {
  'hash-churn': hashChurn,
  'hash-churn-replay': hashChurnReplay,
  'algorithm-race': algorithmRace,
  'herding-stale-stats': herdingStaleStats,
} as const;
