/**
 * The scenario's topology as data (nodes and links), for the renderer to lay out, and the
 * addresses the packets of every design share.
 */
import type { Forwarding, Mode, TlsMode } from './config.ts';
import type { SimState } from './sim/state.ts';

/** The balancer's virtual IP: what clients connect to, and what a DSR backend answers from. */
export const VIP = '192.0.2.10';

export type NodeKind = 'clients' | 'nat' | 'l4-tier' | 'balancer' | 'backend' | 'store';

export interface TopologyNode {
  id: string;
  kind: NodeKind;
  /** Pool id for backends. */
  pool?: string;
  label: string;
  /** How many machines the node stands for (the L4 tier's nodes behind the routers). */
  count?: number;
}

export interface Topology {
  nodes: TopologyNode[];
  links: { from: string; to: string }[];
  pools: { id: string; backends: string[] }[];
  mode: Mode;
  tls: TlsMode;
  forwarding: Forwarding;
}

/** The nodes and links of the run as it is now (removed backends left out). */
export function readTopology(s: SimState): Topology {
  const { config } = s;
  const nodes: TopologyNode[] = [];
  const links: Topology['links'] = [];
  const natUsers = s.population.natCount;
  if (natUsers < config.clients.count) nodes.push({ id: 'clients', kind: 'clients', label: 'clients' });
  if (natUsers > 0) nodes.push({ id: 'nat', kind: 'nat', label: 'NAT 203.0.113.10' });
  const entry = config.frontTier ? 'l4-tier' : 'lb';
  if (config.frontTier)
    nodes.push({ id: 'l4-tier', kind: 'l4-tier', label: `L4 tier ×${s.l4NodeCount}`, count: s.l4NodeCount });
  nodes.push({ id: 'lb', kind: 'balancer', label: config.balancer.mode.toUpperCase() });
  for (const n of nodes) if (n.kind === 'clients' || n.kind === 'nat') links.push({ from: n.id, to: entry });
  if (config.frontTier) links.push({ from: 'l4-tier', to: 'lb' });
  const pools = s.pools.map((pool) => ({
    id: pool.id,
    backends: pool.backends.filter((b) => !s.backends[b]!.removed).map((b) => s.backends[b]!.id),
  }));
  for (const pool of pools) {
    for (const id of pool.backends) {
      nodes.push({ id, kind: 'backend', pool: pool.id, label: id });
      links.push({ from: 'lb', to: id });
    }
  }
  if (config.sessions === 'shared') {
    nodes.push({ id: 'store', kind: 'store', label: 'session store' });
    for (const pool of pools) for (const id of pool.backends) links.push({ from: id, to: 'store' });
  }
  return {
    nodes,
    links,
    pools,
    mode: config.balancer.mode,
    tls: config.balancer.tls,
    forwarding: config.balancer.forwarding,
  };
}
