/**
 * The controls each scenario offers, as data: what a knob reads from the running configuration and
 * which engine change it makes. Changes apply live through the engine's update API.
 */
import { ALGORITHMS, type KnobId, type SimConfig, type SimulationHandle } from '../engine';
import type { OptionLabel } from '../i18n/keys';

export type { KnobId };

export interface SelectKnob {
  id: KnobId;
  type: 'select';
  options: readonly OptionLabel[];
  read: (config: SimConfig) => string;
  apply: (sim: SimulationHandle, value: string) => void;
}

export interface RangeKnob {
  id: KnobId;
  type: 'range';
  min: number;
  max: number;
  step: number;
  /** For aria-valuetext and the visible value: the i18n unit key. */
  unit: 'perSecond' | 'percent' | 'kilobytes' | 'seconds' | 'nodes' | 'perMinute';
  read: (config: SimConfig) => number;
  apply: (sim: SimulationHandle, value: number) => void;
}

export type Knob = SelectKnob | RangeKnob;

const canaryRule = (config: SimConfig) => config.balancer.rules.find((r) => r.forward.some((f) => f.pool === 'canary'));

export const KNOBS: Record<KnobId, Knob> = {
  mode: {
    id: 'mode',
    type: 'select',
    options: ['l4', 'l7'],
    read: (c) => c.balancer.mode,
    apply: (sim, value) => {
      const { balancer } = sim.config;
      // Keep the combination valid: passthrough and DSR are L4-only, cookies need L7.
      if (value === 'l7')
        sim.update({
          balancer: { mode: 'l7', tls: balancer.tls === 'passthrough' ? 'terminate' : balancer.tls, forwarding: 'nat' },
        });
      else
        sim.update({
          balancer: {
            mode: 'l4',
            tls: balancer.tls === 'reencrypt' || balancer.tls === 'terminate' ? 'passthrough' : balancer.tls,
            stickiness: balancer.stickiness === 'cookie' ? 'none' : balancer.stickiness,
          },
        });
    },
  },
  tls: {
    id: 'tls',
    type: 'select',
    options: ['none', 'terminate', 'passthrough', 'reencrypt'],
    read: (c) => c.balancer.tls,
    apply: (sim, value) => {
      const tls = value as SimConfig['balancer']['tls'];
      // Passthrough only exists at L4; re-encryption needs a proxy that decrypts (L7).
      if (tls === 'passthrough')
        sim.update({
          balancer: {
            tls,
            mode: 'l4',
            stickiness: sim.config.balancer.stickiness === 'cookie' ? 'none' : sim.config.balancer.stickiness,
          },
        });
      else if (tls === 'reencrypt') sim.update({ balancer: { tls, mode: 'l7', forwarding: 'nat' } });
      else sim.update({ balancer: { tls } });
    },
  },
  algorithm: {
    id: 'algorithm',
    type: 'select',
    options: ALGORITHMS,
    read: (c) => c.balancer.algorithm,
    apply: (sim, value) => sim.update({ balancer: { algorithm: value as SimConfig['balancer']['algorithm'] } }),
  },
  forwarding: {
    id: 'forwarding',
    type: 'select',
    options: ['nat', 'dsr'],
    read: (c) => c.balancer.forwarding,
    apply: (sim, value) =>
      sim.update({
        balancer:
          value === 'dsr'
            ? { forwarding: 'dsr', mode: 'l4', tls: 'passthrough', stickiness: 'none' }
            : { forwarding: 'nat' },
      }),
  },
  affinity: {
    id: 'affinity',
    type: 'select',
    options: ['none', 'cookie', 'source-ip'],
    read: (c) => c.balancer.stickiness,
    apply: (sim, value) =>
      sim.update({
        balancer:
          value === 'cookie'
            ? {
                stickiness: 'cookie',
                mode: 'l7',
                tls: sim.config.balancer.tls === 'passthrough' ? 'terminate' : sim.config.balancer.tls,
                forwarding: 'nat',
              }
            : { stickiness: value as 'none' | 'source-ip' },
      }),
  },
  sessions: {
    id: 'sessions',
    type: 'select',
    options: ['memory', 'shared'],
    read: (c) => (c.sessions === 'shared' ? 'shared' : 'memory'),
    apply: (sim, value) => sim.update({ sessions: value as 'memory' | 'shared' }),
  },
  rate: {
    id: 'rate',
    type: 'range',
    min: 10,
    max: 5000,
    step: 10,
    unit: 'perSecond',
    read: (c) => c.clients.ratePerSecond,
    apply: (sim, value) => sim.update({ clients: { ratePerSecond: value } }),
  },
  natShare: {
    id: 'natShare',
    type: 'range',
    min: 0,
    max: 100,
    step: 5,
    unit: 'percent',
    read: (c) => Math.round(c.clients.natShare * 100),
    apply: (sim, value) => sim.update({ clients: { natShare: value / 100 } }),
  },
  canary: {
    id: 'canary',
    type: 'range',
    min: 0,
    max: 100,
    step: 1,
    unit: 'percent',
    read: (c) => {
      const rule = canaryRule(c);
      const total = rule?.forward.reduce((sum, f) => sum + f.weight, 0) ?? 0;
      return total > 0 ? Math.round(((rule?.forward.find((f) => f.pool === 'canary')?.weight ?? 0) / total) * 100) : 0;
    },
    apply: (sim, value) => {
      const rules = sim.config.balancer.rules.map((rule) =>
        rule === canaryRule(sim.config)
          ? { ...rule, forward: rule.forward.map((f) => ({ ...f, weight: f.pool === 'canary' ? value : 100 - value })) }
          : rule,
      );
      sim.update({ balancer: { rules } });
    },
  },
  responseKb: {
    id: 'responseKb',
    type: 'range',
    min: 1,
    max: 1000,
    step: 1,
    unit: 'kilobytes',
    read: (c) => Math.round((c.requests[0]?.responseBytes ?? 0) / 1000),
    apply: (sim, value) =>
      sim.update({ requests: sim.config.requests.map((r) => ({ ...r, responseBytes: value * 1000 })) }),
  },
  drain: {
    id: 'drain',
    type: 'range',
    // 0 removes a server at once; a minute is long enough to watch a WebSocket hold a drain open.
    min: 0,
    max: 60,
    step: 5,
    unit: 'seconds',
    read: (c) => Math.round(c.balancer.drainMs / 1000),
    apply: (sim, value) => sim.update({ balancer: { drainMs: value * 1000 } }),
  },
  protocol: {
    id: 'protocol',
    type: 'select',
    options: ['http1', 'http2', 'websocket'],
    read: (c) => c.clients.protocol,
    apply: (sim, value) => sim.update({ clients: { protocol: value as SimConfig['clients']['protocol'] } }),
  },
  l4Nodes: {
    id: 'l4Nodes',
    type: 'range',
    min: 1,
    max: 16,
    step: 1,
    unit: 'nodes',
    read: (c) => c.frontTier?.l4Nodes ?? 1,
    // A node joins or leaves behind the routers: the open flows are hashed again, live.
    apply: (sim, value) => sim.update({ frontTier: { l4Nodes: value } }),
  },
  ecmp: {
    id: 'ecmp',
    type: 'select',
    options: ['modulo', 'resilient'],
    read: (c) => c.frontTier?.ecmp ?? 'modulo',
    apply: (sim, value) => sim.update({ frontTier: { ecmp: value as 'modulo' | 'resilient' } }),
  },
  tierAlgorithm: {
    id: 'tierAlgorithm',
    type: 'select',
    options: ['maglev', 'round-robin'],
    read: (c) => c.frontTier?.algorithm ?? 'maglev',
    apply: (sim, value) => sim.update({ frontTier: { algorithm: value as 'maglev' | 'round-robin' } }),
  },
  migration: {
    id: 'migration',
    type: 'range',
    // Moves per connection per minute, in whole steps: 0 never moves, 60 moves once a second.
    min: 0,
    max: 60,
    step: 3,
    unit: 'perMinute',
    read: (c) => Math.round(c.clients.migrationPerSecond * 60),
    apply: (sim, value) => sim.update({ clients: { migrationPerSecond: value / 60 } }),
  },
  quicRouting: {
    id: 'quicRouting',
    type: 'select',
    options: ['5-tuple', 'connection-id'],
    read: (c) => c.balancer.quicRouting,
    apply: (sim, value) => sim.update({ balancer: { quicRouting: value as SimConfig['balancer']['quicRouting'] } }),
  },
};
