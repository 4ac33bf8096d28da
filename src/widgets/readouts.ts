/**
 * The live numbers a widget shows, each read from one metrics sample: the headline picks a few per
 * scenario (its record's `widget.headline`), and the full panel shows every one that applies.
 */
import {
  canaryShare,
  ecmpShare,
  migratedLostShare,
  slowestLeaveSeconds,
  type Metrics,
  type ReadoutId,
} from '../engine';

export interface ReadoutValue {
  /** The number, or null when there is nothing to show yet (no traffic in the window). */
  value: number | null;
  unit: 'ratio' | 'percent' | 'ms' | 'count' | 'seconds';
}

const windowRequests = (m: Metrics) => m.backends.reduce((sum, b) => sum + b.window.requests, 0);
const windowErrors = (m: Metrics) => m.backends.reduce((sum, b) => sum + b.window.errors, 0);
/** Nothing to show yet (an engine measure says NaN): the readout shows a dash. */
const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

export const READOUTS: Record<ReadoutId, (m: Metrics) => ReadoutValue> = {
  imbalance: (m) => ({ value: windowRequests(m) > 0 ? m.windowImbalance : null, unit: 'ratio' }),
  latency: (m) => ({ value: m.window.requests > 0 ? m.window.latencyMs.p95 : null, unit: 'ms' }),
  balancerBytes: (m) => ({ value: m.balancer.trafficBytes > 0 ? m.balancer.bytesShare : null, unit: 'percent' }),
  errorRate: (m) => ({
    value: windowRequests(m) > 0 ? windowErrors(m) / windowRequests(m) : null,
    unit: 'percent',
  }),
  sessionsLost: (m) => ({ value: m.sessionsLost, unit: 'count' }),
  remapped: (m) => ({ value: m.remap ? m.remap.fraction : null, unit: 'percent' }),
  canaryOfV2: (m) => ({ value: finiteOrNull(canaryShare(m, 'window')), unit: 'percent' }),
  busyServers: (m) => ({ value: m.backends.filter((b) => b.window.requests > 0).length, unit: 'count' }),
  cacheHits: (m) => ({
    value: m.requests.sent > 0 ? m.requests.cacheHits / m.requests.sent : null,
    unit: 'percent',
  }),
  failedRequests: (m) => ({ value: m.requests.failed, unit: 'count' }),
  // Read by the engine's own measures, so a readout and a lesson's figure are the same number.
  ecmpMoved: (m) => ({ value: finiteOrNull(ecmpShare(m, 'moved')), unit: 'percent' }),
  ecmpBroken: (m) => ({ value: finiteOrNull(ecmpShare(m, 'broken')), unit: 'percent' }),
  slowestLeave: (m) => ({ value: finiteOrNull(slowestLeaveSeconds(m)), unit: 'seconds' }),
  // QUIC migration: shown once a connection has moved (the panel skips them in other runs).
  migratedLost: (m) => ({ value: finiteOrNull(migratedLostShare(m)), unit: 'percent' }),
  reconnects: (m) => ({ value: m.migration.moves > 0 ? m.migration.reconnects : null, unit: 'count' }),
};

/** Every readout in the full panel, in a stable order. */
export const READOUT_ORDER: readonly ReadoutId[] = [
  'imbalance',
  'latency',
  'balancerBytes',
  'errorRate',
  'sessionsLost',
  'remapped',
  'canaryOfV2',
  'busyServers',
  'cacheHits',
  'failedRequests',
  'slowestLeave',
  'ecmpMoved',
  'ecmpBroken',
  'migratedLost',
  'reconnects',
];
