import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulation, getScenario, type Hop, type SimulationHandle } from '../../src/engine';
import {
  createPacketFlowRenderer,
  nextPacket,
  type Frame,
  type RendererLabels,
} from '../../src/viz/packet-flow-renderer';
import { WIDGET_TRACE_CAPACITY } from '../../src/widgets/use-widget-run';

const SVG_NS = 'http://www.w3.org/2000/svg';
const SIZE = { width: 640, height: 320 };

/** Plain, deterministic labels: the renderer knows no language, so none is needed here. */
const labels: RendererLabels = {
  balancer: (mode, tls) => [mode.toUpperCase(), tls] as const,
  node: (node) => `${node.kind}:${node.label}`,
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Hops in flight at `t`, the way the renderer decides it. */
const inFlightAt = (hops: readonly Hop[], t: number) => hops.filter((h) => h.departMs <= t && h.arriveMs >= t);

/**
 * A widget's simulation (the preset plus tracing, seed 1) run to `atMs`, and a renderer drawing it
 * into a fresh <svg> at 640 × 320, as PacketFlowWidget sets it up.
 */
function draw(scenarioId: string, atMs: number, prepare?: (sim: SimulationHandle) => void, packetHost?: HTMLElement) {
  const { config } = getScenario(scenarioId);
  const sim = createSimulation({ ...config, traceCapacity: WIDGET_TRACE_CAPACITY }, { seed: 1 });
  prepare?.(sim);
  sim.advanceTo(atMs);
  const svg = document.createElementNS(SVG_NS, 'svg');
  document.body.append(svg);
  const onSelect = vi.fn();
  const onClear = vi.fn();
  const renderer = createPacketFlowRenderer(svg, { labels, onSelect, onClear, packetHost });
  cleanups.push(() => {
    renderer.destroy();
    svg.remove();
  });
  renderer.resize(SIZE);
  renderer.setTopology(sim.topology());
  const hops = sim.traceSince(0);
  const frame = (timeMs: number, selectedPacket: number | null = null): Frame => ({
    timeMs,
    hops,
    selectedPacket,
    backends: sim.metrics().backends,
  });
  renderer.update(frame(atMs));
  const packets = () => [...svg.querySelectorAll<SVGGElement>('g.pf-packet')];
  const hopOf = (g: Element) => hops.find((h) => String(h.packetId) === g.getAttribute('data-packet'))!;
  const node = (id: string) => svg.querySelector<SVGGElement>(`g.pf-node[data-node="${id}"]`);
  return { sim, svg, renderer, onSelect, onClear, hops, frame, packets, hopOf, node };
}

/** One element per line, so a snapshot diff points at the element that changed. */
const pretty = (svg: SVGSVGElement) => svg.outerHTML.replace(/></g, '>\n<');

const translate = (el: Element) => {
  const m = /^translate\(([-\d.]+),([-\d.]+)\)$/.exec(el.getAttribute('transform') ?? '');
  expect(m, el.outerHTML).not.toBeNull();
  return { x: Number(m![1]), y: Number(m![2]) };
};

describe('packet-flow renderer snapshots', () => {
  it('what-the-lb-sees: L7 with TLS terminated, handshakes, requests and responses in flight', () => {
    const { svg, packets, hops } = draw('what-the-lb-sees', 360);
    expect(packets()).toHaveLength(inFlightAt(hops, 360).length);
    expect(packets().length).toBeGreaterThanOrEqual(3);
    expect(svg.getAttribute('viewBox')).toBe('0 0 640 320');
    // The balancer's label is two lines: its layer, then its TLS mode.
    expect([...svg.querySelectorAll('g.pf-node--balancer tspan')].map((t) => t.textContent)).toEqual([
      'L7',
      'terminate',
    ]);
    expect(pretty(svg)).toMatchSnapshot();
  });

  it('nat-vs-dsr: DSR responses go from the backend straight to the clients', () => {
    const { svg, packets, hops, hopOf, node } = draw('nat-vs-dsr', 300);
    expect([...svg.querySelectorAll('g.pf-node--balancer tspan')].map((t) => t.textContent)).toEqual([
      'L4',
      'passthrough',
    ]);
    const responses = packets().filter((g) => g.classList.contains('pf-packet--response'));
    expect(responses.length).toBeGreaterThan(0);
    // No response in the whole trace passes through the balancer.
    expect(hops.filter((h) => h.kind === 'response' && (h.from === 'lb' || h.to === 'lb'))).toEqual([]);
    const lb = translate(node('lb')!);
    let midway = 0;
    for (const g of responses) {
      const hop = hopOf(g);
      expect(hop.from).toMatch(/^web-\d$/);
      expect(hop.to).toBe('clients');
      // On its way it curves below the balancer instead of following the straight line through it.
      const from = translate(node(hop.from)!);
      const to = translate(node(hop.to)!);
      const f = (300 - hop.departMs) / (hop.arriveMs - hop.departMs);
      const straightY = from.y + (to.y - from.y) * f;
      const at = translate(g);
      if (f > 0.05 && f < 0.95) {
        midway++;
        expect(at.y).toBeGreaterThan(straightY);
        expect(at.y).toBeGreaterThan(lb.y);
      }
    }
    expect(midway).toBeGreaterThan(0);
    expect(pretty(svg)).toMatchSnapshot();
  });

  it('sticky-ip-hash-nat: a NAT node beside the clients, ten backends', () => {
    const { svg, packets, node, hopOf } = draw('sticky-ip-hash-nat', 300);
    expect(node('nat')).toHaveClass('pf-node', 'pf-node--nat');
    expect(node('nat')).toHaveTextContent('nat:NAT 203.0.113.10');
    expect(node('clients')).toHaveClass('pf-node--clients');
    expect(svg.querySelectorAll('g.pf-node--backend')).toHaveLength(10);
    expect(svg.querySelector('line.pf-link[x1][y1][x2][y2]')).not.toBeNull();
    expect(svg.querySelectorAll('line.pf-link')).toHaveLength(2 + 10);
    expect(packets().some((g) => hopOf(g).from === 'nat' || hopOf(g).to === 'nat')).toBe(true);
    expect(pretty(svg)).toMatchSnapshot();
  });
});

describe('packet-flow renderer', () => {
  it('sets data-in-flight to the number of packet groups, frame by frame', () => {
    const { svg, renderer, frame, packets, hops } = draw('sticky-ip-hash-nat', 300);
    const counts = new Set<number>();
    for (let t = 200; t <= 300; t += 7) {
      renderer.update(frame(t));
      expect(svg.dataset.inFlight, `t=${t}`).toBe(String(packets().length));
      expect(packets()).toHaveLength(inFlightAt(hops, t).length);
      counts.add(packets().length);
    }
    // The check saw the count change, not one frame repeated.
    expect(counts.size).toBeGreaterThan(1);
    renderer.update(frame(1e9));
    expect(packets()).toHaveLength(0);
    expect(svg.dataset.inFlight).toBe('0');
  });

  it('encrypted packets, and only those, carry a padlock', () => {
    const { renderer, frame, packets, hopOf } = draw('what-the-lb-sees', 1000);
    let locked = 0;
    let open = 0;
    for (let t = 0; t <= 1000; t += 10) {
      renderer.update(frame(t));
      for (const g of packets()) {
        const hop = hopOf(g);
        const locks = g.querySelectorAll('path.pf-packet__lock');
        expect(g.classList.contains('pf-packet--encrypted')).toBe(hop.encrypted);
        expect(locks, `${hop.kind} ${hop.from}>${hop.to}`).toHaveLength(hop.encrypted ? 1 : 0);
        if (hop.encrypted) {
          locked++;
          expect(locks[0]!.getAttribute('d')).toMatch(/^M /);
        } else open++;
      }
    }
    expect(locked).toBeGreaterThan(0);
    expect(open).toBeGreaterThan(0);
  });

  it('draws each kind of packet with its own shape (TCP and TLS handshakes share one)', () => {
    const { renderer, frame, packets, hopOf } = draw('what-the-lb-sees', 2000);
    const shapes = new Map<string, Set<string>>();
    for (let t = 0; t <= 2000; t += 5) {
      renderer.update(frame(t));
      for (const g of packets()) {
        const kind = hopOf(g).kind;
        expect(g).toHaveClass('pf-packet', `pf-packet--${kind}`);
        const d = g.querySelector('path.pf-packet__shape')?.getAttribute('d');
        expect(d).toBeTruthy();
        if (!shapes.has(kind)) shapes.set(kind, new Set());
        shapes.get(kind)!.add(d!);
      }
    }
    expect([...shapes.keys()].sort()).toEqual(['health', 'request', 'response', 'syn', 'tls']);
    // One shape per kind, whichever frame drew it.
    for (const [kind, ds] of shapes) expect(ds.size, kind).toBe(1);
    const shape = (kind: string) => [...shapes.get(kind)!][0];
    const distinct = new Set(['request', 'response', 'health', 'syn'].map(shape));
    expect(distinct.size).toBe(4);
    expect(shape('tls')).toBe(shape('syn'));
  });

  it('marks the selected packet after an update with selectedPacket, and unmarks it again', () => {
    const { renderer, frame, packets, svg } = draw('nat-vs-dsr', 300);
    expect(packets().length).toBeGreaterThan(2);
    expect(svg.querySelector('.pf-packet--selected')).toBeNull();
    const target = packets()[1]!;
    const id = Number(target.getAttribute('data-packet'));
    renderer.update(frame(300, id));
    expect(target).toHaveClass('pf-packet--selected');
    expect(svg.querySelectorAll('.pf-packet--selected')).toHaveLength(1);
    // Time moves on while selected: the mark stays on the same packet.
    renderer.update(frame(300.5, id));
    expect(svg.querySelectorAll('.pf-packet--selected')).toEqual(
      svg.querySelectorAll(`g.pf-packet[data-packet="${id}"]`),
    );
    const other = packets().find((g) => g !== target)!;
    renderer.update(frame(300.5, Number(other.getAttribute('data-packet'))));
    expect(other).toHaveClass('pf-packet--selected');
    expect(target).not.toHaveClass('pf-packet--selected');
    renderer.update(frame(300.5, null));
    expect(svg.querySelector('.pf-packet--selected')).toBeNull();
  });

  it('a packet that appears while selected is drawn selected', () => {
    const { renderer, frame, hops, svg } = draw('nat-vs-dsr', 400);
    const later = inFlightAt(hops, 350).find((h) => h.departMs > 300)!;
    expect(later).toBeDefined();
    renderer.update(frame(300, later.packetId));
    expect(svg.querySelector(`g.pf-packet[data-packet="${later.packetId}"]`)).toBeNull();
    renderer.update(frame(350, later.packetId));
    expect(svg.querySelector(`g.pf-packet[data-packet="${later.packetId}"]`)).toHaveClass('pf-packet--selected');
  });

  it('clicking a packet calls onSelect with its packetId', async () => {
    const user = userEvent.setup();
    const { packets, onSelect, hopOf } = draw('sticky-ip-hash-nat', 300);
    const [first, second] = packets();
    await user.click(first!);
    expect(onSelect).toHaveBeenLastCalledWith(hopOf(first!).packetId);
    await user.click(second!.querySelector('path.pf-packet__shape')!);
    expect(onSelect).toHaveBeenLastCalledWith(hopOf(second!).packetId);
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('marks crashed backends', () => {
    const { sim, renderer, frame, node } = draw('what-the-lb-sees', 300);
    expect(node('web-2')).not.toHaveClass('pf-node--crashed');
    sim.setBackendState('web-2', 'crashed');
    renderer.update(frame(300));
    expect(node('web-2')).toHaveClass('pf-node', 'pf-node--backend', 'pf-node--crashed');
    expect(node('web-1')).not.toHaveClass('pf-node--crashed');
    expect(node('web-3')).not.toHaveClass('pf-node--crashed');
    sim.setBackendState('web-2', 'up');
    renderer.update(frame(300));
    expect(node('web-2')).not.toHaveClass('pf-node--crashed');
  });

  it('marks failed health checks to a crashed backend', () => {
    const { renderer, frame, hops, svg } = draw('what-the-lb-sees', 2500, (sim) =>
      sim.setBackendState('web-1', 'crashed'),
    );
    const failed = hops.find((h) => h.kind === 'health' && h.ok === false);
    const passed = hops.find((h) => h.kind === 'health' && h.ok === true);
    expect(failed?.to).toBe('web-1');
    expect(passed).toBeDefined();
    for (const hop of [failed!, passed!]) {
      renderer.update(frame((hop.departMs + hop.arriveMs) / 2));
      const g = svg.querySelector(`g.pf-packet[data-packet="${hop.packetId}"]`);
      expect(g).toHaveClass('pf-packet--health');
      expect(g!.classList.contains('pf-packet--failed')).toBe(hop.ok === false);
    }
  });

  it('destroy() empties the svg', () => {
    const { svg, renderer, packets } = draw('sticky-ip-hash-nat', 300);
    expect(packets().length).toBeGreaterThan(0);
    expect(svg.childNodes.length).toBeGreaterThan(0);
    renderer.destroy();
    expect(svg.childNodes).toHaveLength(0);
    expect(svg.innerHTML).toBe('');
  });
});

/** A key pressed on the picture; returns whether the renderer took it (prevented the default). */
const press = (svg: SVGSVGElement, key: string, init: KeyboardEventInit = {}) =>
  !svg.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

/** Packets in the order they left, as the keys walk them. */
const byDeparture = (hops: readonly Hop[]) =>
  [...hops].sort((a, b) => a.departMs - b.departMs || a.packetId - b.packetId).map((h) => h.packetId);

describe('packet-flow renderer keyboard selection', () => {
  it('arrows walk the packets in flight by depart time, Home and End jump, Escape clears', () => {
    const { svg, hops, onSelect, onClear } = draw('nat-vs-dsr', 300);
    const order = byDeparture(inFlightAt(hops, 300));
    expect(order.length).toBeGreaterThan(3);
    const selectedIds = () =>
      [...svg.querySelectorAll('.pf-packet--selected')].map((g) => Number(g.getAttribute('data-packet')));

    expect(press(svg, 'ArrowRight')).toBe(true);
    expect(onSelect).toHaveBeenLastCalledWith(order[0]);
    // Marked at once, without waiting for the next frame (a paused widget draws none).
    expect(selectedIds()).toEqual([order[0]]);
    press(svg, 'ArrowDown');
    expect(onSelect).toHaveBeenLastCalledWith(order[1]);
    press(svg, 'ArrowRight');
    expect(onSelect).toHaveBeenLastCalledWith(order[2]);
    press(svg, 'ArrowLeft');
    expect(onSelect).toHaveBeenLastCalledWith(order[1]);
    press(svg, 'ArrowUp');
    expect(onSelect).toHaveBeenLastCalledWith(order[0]);
    expect(selectedIds()).toEqual([order[0]]);
    // At an end the selection stays: no call for the packet already selected.
    const calls = onSelect.mock.calls.length;
    press(svg, 'ArrowLeft');
    expect(onSelect).toHaveBeenCalledTimes(calls);
    press(svg, 'End');
    expect(onSelect).toHaveBeenLastCalledWith(order.at(-1));
    press(svg, 'ArrowRight');
    expect(onSelect).toHaveBeenCalledTimes(calls + 1);
    press(svg, 'Home');
    expect(onSelect).toHaveBeenLastCalledWith(order[0]);

    expect(press(svg, 'Escape')).toBe(true);
    expect(onClear).toHaveBeenCalledTimes(1);
    expect(selectedIds()).toEqual([]);
    // Nothing selected: Escape is left to the page.
    expect(press(svg, 'Escape')).toBe(false);
    expect(onClear).toHaveBeenCalledTimes(1);
  });

  it('nothing selected: ArrowLeft starts at the newest packet; other keys and modifiers are left alone', () => {
    const { svg, hops, onSelect } = draw('sticky-ip-hash-nat', 300);
    const order = byDeparture(inFlightAt(hops, 300));
    expect(press(svg, 'ArrowRight', { ctrlKey: true })).toBe(false);
    expect(press(svg, 'a')).toBe(false);
    expect(press(svg, 'Enter')).toBe(false);
    expect(onSelect).not.toHaveBeenCalled();
    press(svg, 'ArrowLeft');
    expect(onSelect).toHaveBeenLastCalledWith(order.at(-1));
  });

  it('follows the selection the widget sets (a click or the event log) and leaves an empty picture alone', () => {
    const { svg, renderer, frame, hops, onSelect } = draw('nat-vs-dsr', 300);
    const order = byDeparture(inFlightAt(hops, 300));
    renderer.update(frame(300, order[2]!));
    press(svg, 'ArrowRight');
    expect(onSelect).toHaveBeenLastCalledWith(order[3]);
    // Once every packet has arrived, the keys have nothing to walk and scroll the page as usual.
    renderer.update(frame(1e9, null));
    onSelect.mockClear();
    expect(press(svg, 'ArrowRight')).toBe(false);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('steps on from a selected packet that has since arrived', () => {
    const { hops } = draw('nat-vs-dsr', 400);
    const at = (t: number) => inFlightAt(hops, t);
    const gone = at(300).find((h) => h.arriveMs < 350 && at(350).some((o) => o.departMs > h.departMs))!;
    expect(gone).toBeDefined();
    const later = byDeparture(at(350).filter((h) => h.departMs > gone.departMs))[0];
    expect(nextPacket(at(350), gone, 'next')?.packetId).toBe(later);
    expect(nextPacket([], gone, 'next')).toBeNull();
  });

  describe('with packets on a canvas drawn by a worker', () => {
    const posted: { type: string; selected?: number; count?: number }[] = [];
    beforeEach(() => {
      posted.length = 0;
      class FakeWorker {
        postMessage(message: { type: string }) {
          posted.push(message);
        }
        terminate() {}
      }
      vi.stubGlobal('Worker', FakeWorker);
      vi.stubGlobal('OffscreenCanvas', class {});
      HTMLCanvasElement.prototype.transferControlToOffscreen = function () {
        return {} as OffscreenCanvas;
      };
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
    });

    it('the keys select packets there too, and the worker rings the selected one', () => {
      const host = document.createElement('div');
      document.body.append(host);
      cleanups.push(() => host.remove());
      const { svg, hops, onSelect } = draw('nat-vs-dsr', 300, undefined, host);
      // The packets are on the canvas, not in the SVG (which keeps only hidden colour probes).
      expect(host.querySelector('canvas.packet-flow__packets')).not.toBeNull();
      expect(svg.querySelectorAll('g.pf-packets > g')).toHaveLength(0);
      const inFlight = inFlightAt(hops, 300);
      const order = byDeparture(inFlight);
      const lastFrame = () => posted.filter((m) => m.type === 'frame').at(-1)!;
      expect(lastFrame().selected).toBe(-1);
      press(svg, 'ArrowRight');
      press(svg, 'ArrowRight');
      expect(onSelect).toHaveBeenLastCalledWith(order[1]);
      // The frame's packets are in the trace's order; `selected` is the index of the chosen one.
      expect(lastFrame().count).toBe(inFlight.length);
      expect(inFlight[lastFrame().selected!]?.packetId).toBe(order[1]);
      press(svg, 'Escape');
      expect(lastFrame().selected).toBe(-1);
    });
  });
});
