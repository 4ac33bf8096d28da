/**
 * The packet-flow picture, drawn with d3-selection into an <svg> that React created and owns. A
 * vanilla factory: create once, `update(frame)` every animation frame, `destroy()` on unmount. It
 * reads no stores and knows no language: labels arrive from outside. Colours are CSS classes (the
 * Okabe–Ito palette in the stylesheet), never inline styles, so the strict CSP holds.
 */
import { select } from 'd3-selection';
import type { BackendMetrics, Hop, Topology, TopologyNode } from '../engine';
import { layoutTopology, packetPosition, type PlacedNode, type Size } from './layout';
import {
  canUseCanvasWorker,
  svgPacketLayer,
  workerPacketLayer,
  type PacketLayer,
  type PlacedPacket,
} from './packet-layers';

export interface RendererLabels {
  /** Two lines: the layer ("L7") and the TLS mode, so long labels fit narrow screens. */
  balancer: (mode: Topology['mode'], tls: Topology['tls']) => readonly [string, string];
  node: (node: TopologyNode) => string;
}

export interface Frame {
  timeMs: number;
  hops: readonly Hop[];
  selectedPacket: number | null;
  backends: readonly BackendMetrics[];
}

export interface PacketFlowRenderer {
  setTopology(topology: Topology): void;
  update(frame: Frame): void;
  resize(size: Size): void;
  destroy(): void;
}

export function createPacketFlowRenderer(
  svgElement: SVGSVGElement,
  options: {
    labels: RendererLabels;
    onSelect: (packetId: number) => void;
    /** Escape on the picture: clear the selection (without it, Escape is left to the page). */
    onClear?: () => void;
    /**
     * An empty element over the SVG where the renderer puts a canvas for the packets. Without one,
     * or where workers cannot draw on a canvas, packets are SVG.
     */
    packetHost?: HTMLElement | null;
  },
): PacketFlowRenderer {
  const svg = select(svgElement);
  let lastFrame: Frame | null = null;
  let lastInFlight: readonly Hop[] = [];
  let lastPlaced: readonly PlacedPacket[] = [];
  /** Selects a packet and marks it at once: a paused widget draws no frame until its next step. */
  const choose = (packetId: number | null) => {
    if (packetId === null) options.onClear?.();
    else options.onSelect(packetId);
    if (lastFrame) {
      lastFrame = { ...lastFrame, selectedPacket: packetId };
      layer.draw(lastPlaced, packetId);
    }
  };
  const links = svg.append('g').attr('class', 'pf-links');
  const nodes = svg.append('g').attr('class', 'pf-nodes');
  const packets = svg.append('g').attr('class', 'pf-packets');
  const layer: PacketLayer =
    options.packetHost && canUseCanvasWorker()
      ? workerPacketLayer(
          options.packetHost,
          svg.append('g').attr('class', 'pf-probes').attr('display', 'none').node()!,
          choose,
        )
      : svgPacketLayer(packets, choose);
  let topologyKey = '';
  let size: Size = { width: svgElement.clientWidth || 640, height: svgElement.clientHeight || 320 };
  let topology: Topology | null = null;
  let placed = new Map<string, PlacedNode>();
  let lastCount = -1;
  let lastBackends: Frame['backends'] | null = null;
  let sized = false;

  // The keyboard way into the picture (the event log is the other): arrows walk the packets in
  // flight in the order they left, Home and End jump to the ends, Escape clears the selection.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const selected = lastFrame?.selectedPacket ?? null;
    if (event.key === 'Escape') {
      if (selected === null || !options.onClear) return;
      event.preventDefault();
      choose(null);
      return;
    }
    const move = KEY_MOVES[event.key];
    if (!move || lastInFlight.length === 0) return;
    event.preventDefault();
    const current = selected === null ? null : (lastFrame?.hops.find((h) => h.packetId === selected) ?? null);
    const target = nextPacket(lastInFlight, current, move);
    if (target && target.packetId !== selected) choose(target.packetId);
  };
  svgElement.addEventListener('keydown', onKeyDown);

  const draw = () => {
    if (!topology) return;
    const current = topology;
    const labelOf = (node: TopologyNode) =>
      node.kind === 'balancer' ? options.labels.balancer(current.mode, current.tls) : [options.labels.node(node)];
    placed = layoutTopology(current, size, labelOf);
    svg.attr('viewBox', `0 0 ${size.width} ${size.height}`);
    links
      .selectAll<SVGLineElement, Topology['links'][number]>('line')
      .data(current.links, (d) => `${d.from}>${d.to}`)
      .join('line')
      .attr('class', (d) => (d.to === 'store' ? 'pf-link pf-link--store' : 'pf-link'))
      .attr('x1', (d) => placed.get(d.from)?.x ?? 0)
      .attr('y1', (d) => placed.get(d.from)?.y ?? 0)
      .attr('x2', (d) => placed.get(d.to)?.x ?? 0)
      .attr('y2', (d) => placed.get(d.to)?.y ?? 0);
    const groups = nodes
      .selectAll<SVGGElement, PlacedNode>('g.pf-node')
      .data([...placed.values()], (d) => d.id)
      .join((enter) => {
        const g = enter.append('g');
        g.append('rect').attr('class', 'pf-node__box');
        g.append('text').attr('class', 'pf-node__label');
        g.append('rect').attr('class', 'pf-node__load');
        return g;
      })
      .attr('class', (d) => `pf-node pf-node--${d.kind}`)
      .attr('data-node', (d) => d.id)
      .attr('transform', (d) => `translate(${d.x},${d.y})`);
    groups
      .select<SVGRectElement>('rect.pf-node__box')
      .attr('x', (d) => -d.width / 2)
      .attr('y', (d) => -d.height / 2)
      .attr('width', (d) => d.width)
      .attr('height', (d) => d.height)
      .attr('rx', 6);
    groups
      .select<SVGTextElement>('text.pf-node__label')
      .attr('text-anchor', 'middle')
      .attr('font-size', (d) => d.fontSize)
      .each(function (d) {
        const { lines } = d;
        select(this)
          .selectAll('tspan')
          .data(lines)
          .join('tspan')
          .attr('x', 0)
          .attr('dy', (_line, i) => (lines.length === 1 ? '0.35em' : i === 0 ? '-0.25em' : '1.2em'))
          .text((line) => line);
      });
    groups
      .select<SVGRectElement>('rect.pf-node__load')
      .attr('x', (d) => -d.width / 2)
      .attr('y', (d) => d.height / 2 + 2)
      .attr('height', (d) => (d.kind === 'backend' ? 4 : 0))
      .attr('width', 0);
  };

  const lb = () => placed.get('lb');

  return {
    setTopology(next) {
      // Most live changes (a rate, a weight) leave the picture as it is: no re-layout for those.
      const key = JSON.stringify(next);
      if (key === topologyKey) return;
      topologyKey = key;
      topology = next;
      draw();
      lastBackends = null;
      if (lastFrame) this.update(lastFrame);
    },
    resize(next) {
      if (next.width === size.width && next.height === size.height && sized) return;
      sized = true;
      size = next;
      layer.resize(size.width, size.height);
      draw();
      // Redrawing nodes resets their state marks and load bars: repaint the last frame at once.
      lastBackends = null;
      if (lastFrame) this.update(lastFrame);
    },
    update(frame) {
      lastFrame = frame;
      const inFlight = frame.hops.filter(
        (h) => h.departMs <= frame.timeMs && h.arriveMs >= frame.timeMs && placed.has(h.from) && placed.has(h.to),
      );
      const balancer = lb();
      const bypass = balancer ? { x: balancer.x, y: size.height - 6 } : null;
      const placedPackets: PlacedPacket[] = inFlight.map((hop) => {
        const dsr = hop.kind === 'response' && hop.to !== 'lb' && hop.from !== 'lb' && hop.to !== 'l4-tier';
        const p = packetPosition({
          from: placed.get(hop.from)!,
          to: placed.get(hop.to)!,
          departMs: hop.departMs,
          arriveMs: hop.arriveMs,
          t: frame.timeMs,
          bypass: dsr ? bypass : null,
        });
        return { hop, x: p.x, y: p.y };
      });
      lastInFlight = inFlight;
      lastPlaced = placedPackets;
      layer.draw(placedPackets, frame.selectedPacket);
      if (inFlight.length !== lastCount) {
        lastCount = inFlight.length;
        svgElement.dataset.inFlight = String(lastCount);
      }
      // Load bars: each backend's share of the recent window, against a fair share. Metrics are
      // read a few times a second, so bars change only when a new reading arrives.
      if (frame.backends === lastBackends) return;
      lastBackends = frame.backends;
      const fair = frame.backends.length > 0 ? 1 / frame.backends.length : 1;
      const loads = new Map(frame.backends.map((b) => [b.id, b]));
      nodes
        .selectAll<SVGGElement, PlacedNode>('g.pf-node--backend')
        .classed('pf-node--crashed', (d) => loads.get(d.id)?.state === 'crashed')
        .classed('pf-node--gray', (d) => loads.get(d.id)?.state === 'gray')
        .classed('pf-node--slow', (d) => loads.get(d.id)?.state === 'slow')
        .classed('pf-node--unhealthy', (d) => loads.get(d.id)?.healthy === false)
        .classed('pf-node--draining', (d) => loads.get(d.id)?.draining === true)
        .select<SVGRectElement>('rect.pf-node__load')
        // Half the box is a fair share, the whole box twice that; a hot server's bar stays in its box
        // (and the picture) and turns the warning colour instead.
        .attr('width', (d) =>
          Math.min(d.width, (d.width * (loads.get(d.id)?.window.share ?? 0)) / (fair * 2)).toFixed(1),
        )
        .classed('pf-node__load--hot', (d) => (loads.get(d.id)?.window.share ?? 0) > fair * 1.5);
    },
    destroy() {
      svgElement.removeEventListener('keydown', onKeyDown);
      layer.destroy();
      svg.selectAll('*').remove();
    },
  };
}

export type PacketMove = 'next' | 'previous' | 'first' | 'last';

const KEY_MOVES: Partial<Record<string, PacketMove>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
};

/** Packets in the order they left: by depart time, then by id. */
const byDeparture = (a: Hop, b: Hop) => a.departMs - b.departMs || a.packetId - b.packetId;

/**
 * The packet a key moves the selection to, among those in flight: the next or previous one by
 * depart time (from the selected packet, even one that has since arrived), or the first or last.
 * Nothing selected yet: "next" starts at the first, "previous" at the last. At an end it stays.
 */
export function nextPacket(inFlight: readonly Hop[], selected: Hop | null, move: PacketMove): Hop | null {
  const order = [...inFlight].sort(byDeparture);
  if (order.length === 0) return null;
  const first = order[0]!;
  const last = order[order.length - 1]!;
  switch (move) {
    case 'first':
      return first;
    case 'last':
      return last;
    case 'next':
      return selected ? (order.find((h) => byDeparture(h, selected) > 0) ?? last) : first;
    case 'previous':
      return selected ? (order.findLast((h) => byDeparture(h, selected) < 0) ?? first) : last;
  }
}
