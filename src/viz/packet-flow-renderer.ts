/**
 * The packet-flow picture, drawn with d3-selection into an <svg> that React created and owns. A
 * vanilla factory: create once, `update(frame)` every animation frame, `destroy()` on unmount. It
 * reads no stores and knows no language: labels arrive from outside. Colours are CSS classes (the
 * Okabe–Ito palette in the stylesheet), never inline styles, so the strict CSP holds.
 */
import { select } from 'd3-selection';
import type { BackendMetrics, Hop, Topology } from '../engine';
import { layoutTopology, packetPosition, type PlacedNode, type Size } from './layout';

export interface RendererLabels {
  balancer: (mode: string, tls: string) => string;
  node: (node: PlacedNode) => string;
  packet: (hop: Hop) => string;
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

const SHAPES: Record<Hop['kind'], string> = {
  request: 'M -5 0 A 5 5 0 1 0 5 0 A 5 5 0 1 0 -5 0 Z',
  response: 'M -4.5 -4.5 H 4.5 V 4.5 H -4.5 Z',
  syn: 'M 0 -6 L 6 0 L 0 6 L -6 0 Z',
  tls: 'M 0 -6 L 6 0 L 0 6 L -6 0 Z',
  health: 'M 0 -6 L 6 5 L -6 5 Z',
};
// A small padlock above the packet: body and shackle.
const LOCK = 'M -3 -9 H 3 V -5 H -3 Z M -2 -9 V -11 A 2 2 0 0 1 2 -11 V -9';

export function createPacketFlowRenderer(
  svgElement: SVGSVGElement,
  options: { labels: RendererLabels; onSelect: (packetId: number) => void },
): PacketFlowRenderer {
  const svg = select(svgElement);
  const links = svg.append('g').attr('class', 'pf-links');
  const nodes = svg.append('g').attr('class', 'pf-nodes');
  const packets = svg.append('g').attr('class', 'pf-packets');
  let size: Size = { width: svgElement.clientWidth || 640, height: svgElement.clientHeight || 320 };
  let topology: Topology | null = null;
  let placed = new Map<string, PlacedNode>();

  const draw = () => {
    if (!topology) return;
    placed = layoutTopology(topology, size);
    svg.attr('viewBox', `0 0 ${size.width} ${size.height}`);
    const current = topology;
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
      .attr('x', (d) => -boxWidth(d) / 2)
      .attr('y', -14)
      .attr('width', (d) => boxWidth(d))
      .attr('height', 28)
      .attr('rx', 6);
    groups
      .select<SVGTextElement>('text.pf-node__label')
      .attr('text-anchor', 'middle')
      .attr('dy', '0.35em')
      .text((d) =>
        d.kind === 'balancer' ? options.labels.balancer(current.mode, current.tls) : options.labels.node(d),
      );
    groups
      .select<SVGRectElement>('rect.pf-node__load')
      .attr('x', (d) => -boxWidth(d) / 2)
      .attr('y', 16)
      .attr('height', (d) => (d.kind === 'backend' ? 4 : 0))
      .attr('width', 0);
  };

  const lb = () => placed.get('lb');

  return {
    setTopology(next) {
      topology = next;
      draw();
    },
    resize(next) {
      if (next.width === size.width && next.height === size.height) return;
      size = next;
      draw();
    },
    update(frame) {
      const inFlight = frame.hops.filter(
        (h) => h.departMs <= frame.timeMs && h.arriveMs >= frame.timeMs && placed.has(h.from) && placed.has(h.to),
      );
      const balancer = lb();
      const bypass = balancer ? { x: balancer.x, y: size.height - 6 } : null;
      const items = packets
        .selectAll<SVGGElement, Hop>('g.pf-packet')
        .data(inFlight, (d) => String(d.packetId))
        .join((enter) => {
          const g = enter.append('g').on('click', (_event, d) => options.onSelect(d.packetId));
          g.append('path').attr('class', 'pf-packet__shape');
          g.append('path').attr('class', 'pf-packet__lock');
          return g;
        });
      items
        .attr(
          'class',
          (d) =>
            `pf-packet pf-packet--${d.kind}${d.encrypted ? ' pf-packet--encrypted' : ''}${d.packetId === frame.selectedPacket ? ' pf-packet--selected' : ''}${d.kind === 'health' && d.ok === false ? ' pf-packet--failed' : ''}`,
        )
        .attr('data-packet', (d) => d.packetId)
        .attr('transform', (d) => {
          const from = placed.get(d.from)!;
          const to = placed.get(d.to)!;
          const dsr = d.kind === 'response' && d.to !== 'lb' && d.from !== 'lb' && d.to !== 'l4-tier';
          const p = packetPosition({
            from,
            to,
            departMs: d.departMs,
            arriveMs: d.arriveMs,
            t: frame.timeMs,
            bypass: dsr ? bypass : null,
          });
          return `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`;
        });
      items.select('path.pf-packet__shape').attr('d', (d) => SHAPES[d.kind]);
      items.select('path.pf-packet__lock').attr('d', (d) => (d.encrypted ? LOCK : ''));
      // Load bars: each backend's share of the recent window, against a fair share.
      const fair = frame.backends.length > 0 ? 1 / frame.backends.length : 1;
      const loads = new Map(frame.backends.map((b) => [b.id, b]));
      nodes
        .selectAll<SVGGElement, PlacedNode>('g.pf-node--backend')
        .classed('pf-node--crashed', (d) => loads.get(d.id)?.state === 'crashed')
        .classed('pf-node--gray', (d) => loads.get(d.id)?.state === 'gray')
        .classed('pf-node--unhealthy', (d) => loads.get(d.id)?.healthy === false)
        .select<SVGRectElement>('rect.pf-node__load')
        .attr('width', (d) =>
          Math.min(boxWidth(d) * 2, (boxWidth(d) * (loads.get(d.id)?.window.share ?? 0)) / (fair * 2)),
        )
        .classed('pf-node__load--hot', (d) => (loads.get(d.id)?.window.share ?? 0) > fair * 1.5);
    },
    destroy() {
      svg.selectAll('*').remove();
    },
  };
}

function boxWidth(node: PlacedNode): number {
  return node.kind === 'balancer' ? 120 : node.kind === 'clients' || node.kind === 'nat' ? 84 : 76;
}
