/**
 * Pure geometry for the packet-flow picture: where each topology node sits, and where a packet is
 * along its hop at a given time. No DOM, so it is tested directly.
 */
import type { Topology, TopologyNode } from '../engine';

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface PlacedNode extends TopologyNode {
  x: number;
  y: number;
}

const COLUMN = { clients: 0.09, nat: 0.09, 'l4-tier': 0.3, balancer: 0.5, backend: 0.86, store: 0.86 } as const;

export function layoutTopology(topology: Topology, size: Size): Map<string, PlacedNode> {
  const placed = new Map<string, PlacedNode>();
  const pad = 28;
  const column = (kind: TopologyNode['kind']) => pad + COLUMN[kind] * (size.width - 2 * pad);
  const sources = topology.nodes.filter((n) => n.kind === 'clients' || n.kind === 'nat');
  sources.forEach((node, i) =>
    placed.set(node.id, {
      ...node,
      x: column(node.kind),
      y: spread(i, sources.length, size.height * 0.2, size.height * 0.8),
    }),
  );
  for (const node of topology.nodes.filter((n) => n.kind === 'l4-tier' || n.kind === 'balancer')) {
    placed.set(node.id, { ...node, x: column(node.kind), y: size.height / 2 });
  }
  const store = topology.nodes.find((n) => n.kind === 'store');
  const backends = topology.nodes.filter((n) => n.kind === 'backend');
  const bottom = store ? size.height - 56 : size.height - pad;
  backends.forEach((node, i) =>
    placed.set(node.id, { ...node, x: column('backend'), y: spread(i, backends.length, pad, bottom) }),
  );
  if (store) placed.set(store.id, { ...store, x: column('store') - 70, y: size.height - 22 });
  return placed;
}

/** Evenly spaced positions between `from` and `to` (centred when there is one). */
function spread(i: number, n: number, from: number, to: number): number {
  return n <= 1 ? (from + to) / 2 : from + ((to - from) * i) / (n - 1);
}

/**
 * A packet's position at time `t`: straight along the link, except Direct Server Return, which
 * curves below the balancer to show that it never passes through it.
 */
export function packetPosition(params: {
  from: Point;
  to: Point;
  departMs: number;
  arriveMs: number;
  t: number;
  bypass: Point | null;
}): Point {
  const { from, to, departMs, arriveMs, t, bypass } = params;
  const span = arriveMs - departMs;
  const f = span <= 0 ? 1 : Math.min(1, Math.max(0, (t - departMs) / span));
  if (!bypass) return { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f };
  // Quadratic Bézier through a control point below the balancer.
  const a = (1 - f) * (1 - f);
  const b = 2 * (1 - f) * f;
  const c = f * f;
  return { x: a * from.x + b * bypass.x + c * to.x, y: a * from.y + b * bypass.y + c * to.y };
}
