/**
 * Where packets are drawn. The canvas layer draws hundreds of moving packets a frame in a worker,
 * with no style recalculation, layout, SVG repaint or canvas rasterising on the main thread (an
 * SVG group per packet cost ~10 ms a frame at 200 packets under 4× CPU throttling). The SVG layer
 * remains for browsers without OffscreenCanvas in workers, and for jsdom tests. Both take the same
 * positioned packets and report which packet a pointer hit.
 */
import type { Selection } from 'd3-selection';
import type { Hop } from '../engine';
import type { ToWorker } from './packet-canvas.worker';
import { KINDS, LOCK, SHAPES, styleIndex, type Palette } from './packet-sprites';
import { trustedWorkerUrl } from './worker-url';
// The worker is built as its own script; this import is its URL.
import packetWorkerUrl from './packet-canvas.worker.ts?worker&url';

export { LOCK, SHAPES };

export interface PlacedPacket {
  hop: Hop;
  x: number;
  y: number;
}

export interface PacketLayer {
  draw(packets: readonly PlacedPacket[], selected: number | null): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

/** How far from a packet's centre a click or tap still selects it, in CSS px. */
const HIT_RADIUS = 12;

export function packetClass(d: Hop, selected: number | null): string {
  return `pf-packet pf-packet--${d.kind}${d.encrypted ? ' pf-packet--encrypted' : ''}${d.packetId === selected ? ' pf-packet--selected' : ''}${d.kind === 'health' && d.ok === false ? ' pf-packet--failed' : ''}`;
}

/** The nearest packet within reach of a point, if any. */
export function hitPacket(packets: readonly PlacedPacket[], x: number, y: number): PlacedPacket | null {
  let best: PlacedPacket | null = null;
  let bestDistance = HIT_RADIUS * HIT_RADIUS;
  for (const p of packets) {
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestDistance) {
      best = p;
      bestDistance = d;
    }
  }
  return best;
}

/** One packet group per in-flight hop, keyed by packet id (d3 data join). */
export function svgPacketLayer(
  group: Selection<SVGGElement, unknown, null, undefined>,
  onSelect: (packetId: number) => void,
): PacketLayer {
  let lastSelected: number | null = null;
  return {
    draw(packets, selected) {
      // Per frame only positions change: shape, lock and class are set when a packet appears,
      // and classes again only when the selection changes.
      const items = group
        .selectAll<SVGGElement, PlacedPacket>('g.pf-packet')
        .data(packets, (d) => String(d.hop.packetId))
        .join((enter) => {
          const g = enter
            .append('g')
            .attr('class', (d) => packetClass(d.hop, selected))
            .attr('data-packet', (d) => d.hop.packetId)
            .on('click', (_event, d) => onSelect(d.hop.packetId));
          g.append('path')
            .attr('class', 'pf-packet__shape')
            .attr('d', (d) => SHAPES[d.hop.kind]);
          g.filter((d) => d.hop.encrypted)
            .append('path')
            .attr('class', 'pf-packet__lock')
            .attr('d', LOCK);
          return g;
        });
      if (selected !== lastSelected) {
        items.attr('class', (d) => packetClass(d.hop, selected));
        lastSelected = selected;
      }
      items.attr('transform', (d) => `translate(${d.x.toFixed(1)},${d.y.toFixed(1)})`);
    },
    resize() {},
    destroy() {
      group.selectAll('*').remove();
    },
  };
}

/** Whether this browser can draw packets in a worker. */
export function canUseCanvasWorker(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof HTMLCanvasElement !== 'undefined' &&
    'transferControlToOffscreen' in HTMLCanvasElement.prototype
  );
}

/**
 * Packets on a canvas over the SVG, drawn by a worker. The renderer creates the canvas in `host`
 * (an element React leaves empty) and removes it with the worker on destroy, because a canvas
 * handed to a worker can never be handed over again. Colours still come from the stylesheet:
 * hidden probe elements carry the same classes as SVG packets, and their computed colours are
 * sent again whenever the theme changes.
 */
export function workerPacketLayer(
  host: HTMLElement,
  probes: SVGGElement,
  onSelect: (packetId: number) => void,
): PacketLayer {
  const canvas = document.createElement('canvas');
  canvas.className = 'packet-flow__packets';
  host.appendChild(canvas);
  const worker = new Worker(trustedWorkerUrl(new URL(packetWorkerUrl, window.location.href)), { type: 'module' });
  const post = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);

  const probe = (className: string, part = 'pf-packet__shape') => {
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.setAttribute('class', className);
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('class', part);
    g.appendChild(path);
    probes.appendChild(g);
    return path;
  };
  const kindProbes = KINDS.map((k) => [k, probe(`pf-packet pf-packet--${k}`)] as const);
  const failedProbe = probe('pf-packet pf-packet--health pf-packet--failed');
  const selectedProbe = probe('pf-packet pf-packet--request pf-packet--selected');
  const lockProbe = probe('pf-packet', 'pf-packet__lock');
  const readPalette = (): Palette => ({
    fill: Object.fromEntries(kindProbes.map(([k, p]) => [k, getComputedStyle(p).fill])) as Palette['fill'],
    stroke: getComputedStyle(kindProbes[0]![1]).stroke,
    failed: getComputedStyle(failedProbe).fill,
    selected: getComputedStyle(selectedProbe).stroke,
    lock: getComputedStyle(lockProbe).stroke,
  });
  const offscreen = canvas.transferControlToOffscreen();
  post({ type: 'init', canvas: offscreen, palette: readPalette(), ratio: window.devicePixelRatio || 1 }, [offscreen]);
  const refresh = () => post({ type: 'palette', palette: readPalette() });
  const themeObserver = new MutationObserver(refresh);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)');
  dark?.addEventListener('change', refresh);

  let last: readonly PlacedPacket[] = [];
  const onClick = (event: MouseEvent) => {
    const box = canvas.getBoundingClientRect();
    const hit = hitPacket(last, event.clientX - box.left, event.clientY - box.top);
    if (hit) onSelect(hit.hop.packetId);
  };
  canvas.addEventListener('click', onClick);

  return {
    draw(packets, selected) {
      last = packets;
      // Positions and looks as one transferable buffer: no copying, no garbage per packet.
      const data = new Float32Array(packets.length * 3);
      let chosen = -1;
      packets.forEach((p, i) => {
        data[i * 3] = p.x;
        data[i * 3 + 1] = p.y;
        data[i * 3 + 2] = styleIndex(p.hop.kind, p.hop.encrypted, p.hop.kind === 'health' && p.hop.ok === false);
        if (p.hop.packetId === selected) chosen = i;
      });
      post({ type: 'frame', packets: data, count: packets.length, selected: chosen }, [data.buffer]);
    },
    resize(width, height) {
      post({ type: 'resize', width, height, ratio: window.devicePixelRatio || 1 });
    },
    destroy() {
      canvas.removeEventListener('click', onClick);
      themeObserver.disconnect();
      dark?.removeEventListener('change', refresh);
      worker.terminate();
      canvas.remove();
      probes.replaceChildren();
    },
  };
}
