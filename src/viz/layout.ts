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
  /** The node's box, sized to its label, and the label's font size (px). */
  width: number;
  height: number;
  fontSize: number;
  /** The label as drawn, one entry per line. */
  lines: readonly string[];
}

/** Below this width the picture uses its compact arrangement (a phone). */
export const COMPACT_WIDTH = 480;
const PAD = 6;
const LABEL_PAD = 14;
/** Average glyph width as a share of the font size; generous, so Cyrillic labels fit too. */
const GLYPH = 0.6;

/**
 * Where each node goes. Boxes are sized to their labels (in either language), columns are spread
 * so no two boxes touch, and backends are as tall as their count allows. On a narrow picture the
 * L4 tier sits above the balancer instead of in a column of its own, so the balancer keeps room
 * for its label.
 */
export function layoutTopology(
  topology: Topology,
  size: Size,
  labelOf: (node: TopologyNode) => readonly string[] = (node) => [node.label],
): Map<string, PlacedNode> {
  const compact = size.width < COMPACT_WIDTH;
  const fontSize = compact ? 11 : 12;
  const box = (node: TopologyNode, minWidth: number, height: number) => {
    const lines = labelOf(node);
    const longest = Math.max(0, ...lines.map((l) => l.length));
    return { lines, width: Math.max(minWidth, Math.ceil(longest * fontSize * GLYPH + LABEL_PAD)), height };
  };
  const placed = new Map<string, PlacedNode>();
  const put = (node: TopologyNode, x: number, y: number, b: ReturnType<typeof box>) =>
    placed.set(node.id, { ...node, x, y, ...b, fontSize });

  const sources = topology.nodes.filter((n) => n.kind === 'clients' || n.kind === 'nat');
  const tier = topology.nodes.find((n) => n.kind === 'l4-tier');
  const balancer = topology.nodes.find((n) => n.kind === 'balancer');
  const store = topology.nodes.find((n) => n.kind === 'store');
  const backends = topology.nodes.filter((n) => n.kind === 'backend');

  const sourceBoxes = sources.map((n) => box(n, compact ? 52 : 84, 28));
  const backendHeight = backendBoxHeight(backends.length, size.height, store !== undefined);
  const backendBoxes = backends.map((n) => box(n, compact ? 52 : 76, backendHeight));
  const sourceWidth = Math.max(0, ...sourceBoxes.map((b) => b.width));
  const backendWidth = Math.max(0, ...backendBoxes.map((b) => b.width));
  const left = PAD + sourceWidth / 2;
  const right = size.width - PAD - backendWidth / 2;

  sources.forEach((node, i) =>
    put(node, left, spread(i, sources.length, size.height * 0.2, size.height * 0.8), sourceBoxes[i]!),
  );
  backends.forEach((node, i) => {
    const b = { ...backendBoxes[i]!, width: backendWidth };
    const bottom = store ? size.height - 56 : size.height - 24;
    put(node, right, spread(i, backends.length, 24, bottom), b);
  });
  // The middle: the balancer, and the L4 tier before it (a column of its own when there is room).
  const middleLeft = left + sourceWidth / 2;
  const middleRight = right - backendWidth / 2;
  const balancerBox = balancer ? box(balancer, compact ? 72 : 120, 40) : null;
  const tierBox = tier ? box(tier, compact ? 64 : 84, 28) : null;
  if (balancer && balancerBox) {
    if (tier && tierBox && !compact) {
      const free = middleRight - middleLeft - tierBox.width - balancerBox.width;
      const gap = free / 3;
      put(tier, middleLeft + gap + tierBox.width / 2, size.height / 2, tierBox);
      put(balancer, middleRight - gap - balancerBox.width / 2, size.height / 2, balancerBox);
    } else {
      const x = (middleLeft + middleRight) / 2;
      put(balancer, x, tier ? size.height * 0.58 : size.height / 2, balancerBox);
      if (tier && tierBox) put(tier, x, size.height * 0.2, tierBox);
    }
  }
  if (store) put(store, right - backendWidth / 2 - 50, size.height - 22, box(store, 84, 24));
  return placed;
}

/** Backends share the height: boxes shrink (down to a readable 16 px) when many are stacked. */
function backendBoxHeight(count: number, height: number, withStore: boolean): number {
  if (count <= 1) return 28;
  const pitch = (height - (withStore ? 56 : 24) - 24) / (count - 1);
  // Room under each box for its load bar (2 px gap, 4 px bar) and a little air.
  return Math.max(16, Math.min(28, Math.floor(pitch - 9)));
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
