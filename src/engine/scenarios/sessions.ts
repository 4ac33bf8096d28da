/** Scenarios about stickiness and sessions: IP hashing behind NAT, cookies, crashes. */
import type { DeepPartial, SimConfig } from '../config.ts';
import { pool } from '../config.ts';
import { preset, replayOf } from './build.ts';
import type { GoalCheck } from './types.ts';

/** 10,000 users, 30% of them behind one corporate NAT address, on ten servers. */
const natPopulation = (stickiness: 'source-ip' | 'cookie'): DeepPartial<SimConfig> => ({
  clients: { count: 10_000, ratePerSecond: 5000, natShare: 0.3 },
  balancer: { stickiness },
  sessions: 'memory',
  pools: [pool('web', 10, { concurrency: 64, serviceMs: 5 })],
});

const windowTotal: (m: Parameters<GoalCheck>[0]) => number = (m) =>
  m.backends.reduce((sum, b) => sum + b.window.requests, 0);

const natWidget = (goal: GoalCheck) =>
  ({
    knobs: ['affinity', 'natShare'],
    // Ten servers and nothing to crash: the question is where the load goes.
    backendButtons: false,
    addRemove: false,
    timeScale: 200,
    headline: ['imbalance'],
    goal,
  }) as const;

const stickyIpHashNat = preset('sticky-ip-hash-nat', natPopulation('source-ip'), {
  durationMs: 20_000,
  expect: [
    {
      measure: 'imbalance',
      min: 3.3,
      max: 4.1,
      why: '30% of users behind one NAT give its server 3.7× its fair share',
    },
  ],
  widget: natWidget((m, c) => c.clients.natShare >= 0.3 && windowTotal(m) > 100 && m.windowImbalance < 1.3),
});

const stickyCookieNat = preset('sticky-cookie-nat', natPopulation('cookie'), {
  durationMs: 20_000,
  expect: [
    { measure: 'imbalance', max: 1.2, why: 'cookies pin each browser, not each address, so NAT does not skew load' },
    { measure: 'sessionsLost', max: 0, why: 'every user keeps landing on the server that holds their session' },
  ],
  widget: natWidget(
    (m, c) =>
      c.clients.natShare >= 0.6 &&
      c.balancer.stickiness === 'cookie' &&
      windowTotal(m) > 100 &&
      m.windowImbalance < 1.3,
  ),
});

/** 1,000 users on four servers; where their sessions live is the difference. */
const crashPopulation = (sessions: 'memory' | 'shared'): DeepPartial<SimConfig> => ({
  clients: { count: 1000, ratePerSecond: 1000 },
  balancer: { stickiness: sessions === 'memory' ? 'cookie' : 'none' },
  sessions,
  pools: [pool('web', 4)],
});

const crashWidget = (goal: GoalCheck) =>
  ({
    knobs: ['sessions', 'affinity'],
    backendButtons: true,
    addRemove: false,
    timeScale: 1000,
    headline: ['sessionsLost', 'errorRate'],
    goal,
  }) as const;

const crashMemorySessions = preset('crash-memory-sessions', crashPopulation('memory'), {
  durationMs: 10_000,
  expect: [{ measure: 'sessionsLost', max: 0, why: 'with cookies and no failures, every user keeps their session' }],
  widget: crashWidget((m) => m.sessionsLost > 0),
});

const crashMemorySessionsReplay = replayOf(crashMemorySessions, 'crash-memory-sessions-replay', {
  script: [{ atMs: 5000, action: 'crash', backend: 'web-2' }],
  expect: [
    {
      measure: 'sessionsLostShare',
      min: 0.15,
      max: 0.35,
      why: 'the crashed server’s in-memory sessions are gone (≈ 1/4 of users)',
    },
  ],
});

const crashSharedStore = preset('crash-shared-store', crashPopulation('shared'), {
  durationMs: 15_000,
  expect: [{ measure: 'sessionsLost', max: 0, why: 'a shared store keeps every session, whichever server answers' }],
  widget: crashWidget((m, c) => c.sessions === 'shared' && m.backends.some((b) => b.state === 'crashed')),
});

const crashSharedStoreReplay = replayOf(crashSharedStore, 'crash-shared-store-replay', {
  script: [{ atMs: 5000, action: 'crash', backend: 'web-2' }],
  expect: [
    { measure: 'sessionsLost', max: 0, why: 'a shared store keeps every session, whichever server answers' },
    {
      measure: 'crashedGetsNothingLate',
      max: 0,
      why: 'once health checks mark it down, the crashed server gets no new requests',
    },
  ],
});

export const SESSION_SCENARIOS = {
  'sticky-ip-hash-nat': stickyIpHashNat,
  'sticky-cookie-nat': stickyCookieNat,
  'crash-memory-sessions': crashMemorySessions,
  'crash-memory-sessions-replay': crashMemorySessionsReplay,
  'crash-shared-store': crashSharedStore,
  'crash-shared-store-replay': crashSharedStoreReplay,
} as const;
