/** The scenario's topology as data (nodes and links), for the renderer to lay out. */
import type { Simulation } from './simulation.ts';

export type NodeKind = 'clients' | 'nat' | 'l4-tier' | 'balancer' | 'backend' | 'store';

export interface TopologyNode {
  id: string;
  kind: NodeKind;
  /** Pool id for backends. */
  pool?: string;
  label: string;
}

export interface Topology {
  nodes: TopologyNode[];
  links: { from: string; to: string }[];
  pools: { id: string; backends: string[] }[];
  mode: 'l4' | 'l7';
  tls: string;
  forwarding: 'nat' | 'dsr';
}

export function readTopology(sim: Simulation): Topology {
  const { config } = sim;
  const v = sim.view;
  const nodes: TopologyNode[] = [];
  const links: Topology['links'] = [];
  const natUsers = v.population.natCount;
  if (natUsers < config.clients.count) nodes.push({ id: 'clients', kind: 'clients', label: 'clients' });
  if (natUsers > 0) nodes.push({ id: 'nat', kind: 'nat', label: 'NAT 203.0.113.10' });
  const entry = config.frontTier ? 'l4-tier' : 'lb';
  if (config.frontTier) nodes.push({ id: 'l4-tier', kind: 'l4-tier', label: `L4 tier ×${config.frontTier.proxies}` });
  nodes.push({ id: 'lb', kind: 'balancer', label: config.balancer.mode.toUpperCase() });
  for (const n of nodes) if (n.kind === 'clients' || n.kind === 'nat') links.push({ from: n.id, to: entry });
  if (config.frontTier) links.push({ from: 'l4-tier', to: 'lb' });
  const pools = v.pools.map((pool) => ({
    id: pool.id,
    backends: pool.backends.filter((b) => !v.backends[b]!.removed).map((b) => v.backends[b]!.id),
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
