/**
 * Runs a preset with its script and measures its outcome. Measures are named, so a preset's
 * expectations stay plain data.
 */
import type { SimConfig } from './config.ts';
import { readMetrics, type Metrics } from './metrics.ts';
import { viewAtL4, viewAtL7 } from './model/views.ts';
import type { Scenario } from './scenarios.ts';
import { Simulation, type RemapReport } from './simulation.ts';
import type { Hop } from './trace.ts';

export interface PresetRun {
  scenario: Scenario;
  config: SimConfig;
  metrics: Metrics;
  hops: Hop[];
  remaps: RemapReport[];
}

export function runPreset(scenario: Scenario, seed = scenario.seed): PresetRun {
  const sim = new Simulation(scenario.config, seed);
  const remaps: RemapReport[] = [];
  const hops: Hop[] = [];
  let seen = 0;
  const collect = () => {
    for (const hop of sim.tracer.since(seen)) hops.push(hop);
    seen = sim.tracer.lastSeq;
  };
  const steps = [...scenario.script].sort((a, b) => a.atMs - b.atMs);
  for (const step of steps) {
    sim.advanceTo(step.atMs * 1000);
    collect();
    switch (step.action) {
      case 'crash':
        sim.setBackendState(step.backend, 'crashed');
        break;
      case 'gray':
        sim.setBackendState(step.backend, 'gray');
        break;
      case 'revive':
        sim.setBackendState(step.backend, 'up');
        break;
      case 'remove':
        remaps.push(sim.removeBackend(step.backend));
        break;
      case 'add':
        remaps.push(sim.addBackend(step.pool, step.backend));
        break;
      case 'update':
        sim.update(step.patch);
        break;
    }
  }
  sim.advanceTo(scenario.durationMs * 1000);
  collect();
  return { scenario, config: sim.config, metrics: readMetrics(sim), hops, remaps };
}

const requestHops = (run: PresetRun, to?: 'lb' | 'backend') =>
  run.hops.filter((h) => h.kind === 'request' && (to === undefined || (to === 'lb' ? h.to === 'lb' : h.from === 'lb')));
const share = (hits: number, total: number) => (total === 0 ? NaN : hits / total);
const poolRequests = (run: PresetRun, id: string) => run.metrics.pools.find((p) => p.id === id)?.requests ?? 0;

export const MEASURES: Record<string, (run: PresetRun) => number> = {
  imbalance: (run) => run.metrics.imbalance,
  sessionsLost: (run) => run.metrics.sessionsLost,
  /** Sessions lost per simulated user: how much of the user base had to log in again. */
  sessionsLostShare: (run) => share(run.metrics.sessionsLost, run.config.clients.count),
  balancerByteShare: (run) => run.metrics.balancer.bytesShare,
  errorShare: (run) => share(run.metrics.requests.failed, run.metrics.requests.sent),
  cacheHitShare: (run) => share(run.metrics.requests.cacheHits, run.metrics.requests.sent),
  remapFraction: (run) => run.remaps[0]?.fraction ?? NaN,
  canaryShareOfV2: (run) => share(poolRequests(run, 'canary'), poolRequests(run, 'canary') + poolRequests(run, 'v2')),
  staticShare: (run) => share(poolRequests(run, 'static'), run.metrics.requests.sent),
  busyBackends: (run) => run.metrics.backends.filter((b) => b.requests > 0).length,
  newBackendsWindowShare: (run) =>
    run.metrics.backends
      .filter((b) => ['ws-4', 'ws-5', 'ws-6'].includes(b.id))
      .reduce((sum, b) => sum + b.window.share, 0),
  p99OverService: (run) => run.metrics.latencyMs.p99 / (run.config.pools[0]?.backends[0]?.serviceMs ?? 1),
  grayHealthy: (run) => (run.metrics.backends.find((b) => b.state === 'gray')?.healthy ? 1 : 0),
  crashedGetsNothingLate: (run) =>
    run.metrics.backends.filter((b) => b.state === 'crashed').reduce((sum, b) => sum + b.window.requests, 0),
  backendConnectionsPerRequest: (run) =>
    share(run.metrics.balancer.backendConnectionsOpened, run.metrics.requests.sent),
  proxyImbalance: (run) => {
    const shares = run.metrics.frontTier?.proxies.map((p) => p.share) ?? [];
    return shares.length ? Math.max(...shares) * shares.length : NaN;
  },
  frontTierByteShare: (run) => share(run.metrics.frontTier?.bytes ?? 0, run.metrics.balancer.bytesIn),
  l4ReadsPath: (run) => fractionOf(requestHops(run), (h) => viewAtL4(h.facts).path.readable),
  l7ReadsPath: (run) => fractionOf(requestHops(run), (h) => viewAtL7(h.facts).path.readable),
  l4ReadsSni: (run) => fractionOf(requestHops(run, 'lb'), (h) => viewAtL4(h.facts).sni.readable),
  backendHopEncrypted: (run) => fractionOf(requestHops(run, 'backend'), (h) => h.encrypted),
  xffKeepsSpoofedEntry: (run) =>
    fractionOf(requestHops(run, 'backend'), (h) =>
      /^X-Forwarded-For: 1\.2\.3\.4, \d+\.\d+\.\d+\.\d+$/m.test(h.facts.headers),
    ),
};

function fractionOf<T>(items: T[], test: (item: T) => boolean): number {
  return items.length === 0 ? NaN : items.filter(test).length / items.length;
}

export interface ExpectationResult {
  measure: string;
  value: number;
  ok: boolean;
  why: string;
  range: string;
}

export function checkExpectations(run: PresetRun): ExpectationResult[] {
  return run.scenario.expect.map((e) => {
    const measure = MEASURES[e.measure];
    const value = measure ? measure(run) : NaN;
    const ok =
      Number.isFinite(value) && (e.min === undefined || value >= e.min) && (e.max === undefined || value <= e.max);
    return { measure: e.measure, value, ok, why: e.why, range: `[${e.min ?? '-∞'}, ${e.max ?? '∞'}]` };
  });
}
