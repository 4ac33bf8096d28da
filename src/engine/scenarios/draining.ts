/**
 * A rolling deploy: four servers are replaced one by one, a new one joining before each old one
 * is removed. With `balancer.drainMs` 0 every removal cuts the requests the old server holds; with
 * draining it finishes them first. The widget's knobs set the drain deadline and the protocol, so
 * a student also sees a WebSocket hold a drain open until its deadline.
 */
import { pool } from '../config.ts';
import { preset } from './build.ts';
import type { ScriptStep } from './types.ts';

/** Seconds between replacements: each old server has this long before the next one goes. */
const STEP_MS = 3000;
const FIRST_MS = 2000;

/** v2-1 joins and web-1 leaves, then v2-2 and web-2, and so on. */
const ROLLING_SCRIPT: ScriptStep[] = [1, 2, 3, 4].flatMap((i): ScriptStep[] => [
  { atMs: FIRST_MS + (i - 1) * STEP_MS, action: 'add', pool: 'web', backend: { id: `v2-${i}` } },
  { atMs: FIRST_MS + (i - 1) * STEP_MS, action: 'remove', backend: `web-${i}` },
]);

/** Requests of 100 ms on average, 32 at a time per server: about ten in service each at 400 req/s. */
const DEPLOY_POOL = pool('web', 4, { serviceMs: 100, concurrency: 32 });

const rollingDeploy = preset(
  'rolling-deploy',
  { clients: { count: 400, ratePerSecond: 400 }, pools: [DEPLOY_POOL], balancer: { drainMs: 0 } },
  {
    durationMs: 14_000,
    script: ROLLING_SCRIPT,
    expect: [
      { measure: 'failedRequests', min: 10, why: 'each abrupt removal fails the requests the old server holds' },
      { measure: 'drainsFinished', min: 4, max: 4, why: 'all four old servers leave' },
    ],
    widget: {
      knobs: ['drain', 'protocol'],
      backendButtons: false,
      addRemove: false,
      timeScale: 1000,
      headline: ['failedRequests', 'slowestLeave'],
      goal: (m, config) => config.balancer.drainMs > 0 && m.drains.length === 4 && m.requests.failed === 0,
    },
  },
);

export const DRAINING_SCENARIOS = {
  'rolling-deploy': rollingDeploy,
} as const;
