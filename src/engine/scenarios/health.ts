/** Scenarios about failure detection: active checks miss a gray failure, passive checks catch it. */
import { GRAY_POOL, preset } from './build.ts';

const grayGoal = (m: { backends: { id: string; state: string }[] }) =>
  m.backends.some((b) => b.id === 'web-3' && b.state === 'crashed');

const healthGrayFailure = preset(
  'health-gray-failure',
  { clients: { count: 500, ratePerSecond: 500 }, pools: [GRAY_POOL] },
  {
    durationMs: 20_000,
    expect: [
      {
        measure: 'errorShare',
        min: 0.15,
        max: 0.25,
        why: 'active checks pass on a gray server, so 1 request in 5 keeps failing',
      },
      { measure: 'grayHealthy', min: 1, max: 1, why: 'the gray server still looks healthy to /health' },
    ],
    widget: {
      knobs: [],
      backendButtons: true,
      addRemove: false,
      timeScale: 1000,
      headline: ['errorRate'],
      goal: grayGoal,
    },
  },
);

const healthPassiveEjection = preset(
  'health-passive-ejection',
  {
    clients: { count: 500, ratePerSecond: 500 },
    health: { passive: { consecutiveErrors: 5, ejectionMs: 30_000 } },
    pools: [GRAY_POOL],
  },
  {
    durationMs: 20_000,
    expect: [
      { measure: 'errorShare', max: 0.01, why: 'passive checks eject the gray server after a few real failures' },
    ],
    widget: {
      knobs: [],
      backendButtons: true,
      addRemove: false,
      timeScale: 1000,
      headline: ['errorRate'],
      goal: (m) => m.backends.some((b) => b.id === 'web-3' && !b.healthy),
    },
  },
);

export const HEALTH_SCENARIOS = {
  'health-gray-failure': healthGrayFailure,
  'health-passive-ejection': healthPassiveEjection,
} as const;
