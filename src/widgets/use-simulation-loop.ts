import { startTransition, useCallback, useEffect, useRef } from 'react';
import type { Hop, Metrics, ScenarioRun } from '../engine';
import type { PacketFlowRenderer } from '../viz/packet-flow-renderer';
import { pauseClock, startClock, tick, type ClockState } from './clock';

/**
 * Hops are kept while they can still be drawn or inspected: until KEEP_AFTER_ARRIVAL_MS of
 * simulated time after they arrive, and never more than MAX_HOPS (1,000 packets in flight fit
 * easily). So memory stays flat however long a widget plays.
 */
const KEEP_AFTER_ARRIVAL_MS = 250;
const MAX_HOPS = 8000;
/** "Run to the end" works in slices of this much wall time per frame, so the page stays responsive. */
const FAST_SLICE_MS = 24;
const FAST_STEP_SIM_MS = 50;

/**
 * The mutable side of one widget: its run, clock, renderer and the hops kept for the log. A class,
 * so React code changes it only through these methods.
 */
export class LoopHandles {
  renderer: PacketFlowRenderer | null = null;
  readonly clock: ClockState = startClock();
  readonly hops: Hop[] = [];
  seq = 0;

  /** `endMs`: where a replay stops (its scenario's duration); open-ended widgets have none. */
  constructor(
    readonly run: ScenarioRun,
    readonly endMs: number = Infinity,
  ) {}

  get sim() {
    return this.run.sim;
  }

  get ended(): boolean {
    return this.clock.simMs >= this.endMs;
  }

  attach(renderer: PacketFlowRenderer | null): void {
    this.renderer = renderer;
  }

  /** Moves simulated time on by `ms` (the Step button, and reduced motion), never past the end. */
  stepBy(ms: number): void {
    this.advanceTo(this.clock.simMs + ms);
  }

  advanceTo(ms: number): void {
    this.clock.simMs = Math.min(ms, this.endMs);
    this.run.advanceTo(this.clock.simMs);
  }
}

/**
 * The per-frame path: clock → run → renderer, with no React render per frame. React hears about
 * metrics and new hops a few times a second through `onSample`.
 */
export type SamplePart = 'all' | 'metrics' | 'log';

export function useSimulationLoop(params: {
  loop: LoopHandles;
  running: boolean;
  speed: number;
  selectedPacket: number | null;
  /** Simulated ms per wall second at 1×. */
  timeScale: number;
  /** `part` says which text readouts to refresh: both after a change, one at a time while playing. */
  onSample: (metrics: Metrics, hops: Hop[], part: SamplePart) => void;
  /** Called once when a replay reaches its end while playing. */
  onEnd: () => void;
}): { drawNow: (part?: SamplePart) => void; runToEnd: () => Promise<void> } {
  const { loop, running, speed, selectedPacket, onSample, timeScale, onEnd } = params;
  const latest = useRef({ speed, selectedPacket, onSample, timeScale, onEnd });
  useEffect(() => {
    latest.current = { speed, selectedPacket, onSample, timeScale, onEnd };
  }, [speed, selectedPacket, onSample, timeScale, onEnd]);

  const drawNow = useCallback(
    (part: SamplePart = 'all') => {
      const h = loop;
      collect(h);
      const metrics = h.sim.metrics();
      h.renderer?.update({
        timeMs: h.clock.simMs,
        hops: h.hops,
        selectedPacket: latest.current.selectedPacket,
        backends: metrics.backends,
      });
      latest.current.onSample(metrics, h.hops, part);
    },
    [loop],
  );

  /** Takes a replay to its end in a few frames of wall time, then draws the final state once. */
  const runToEnd = useCallback(
    () =>
      new Promise<void>((resolve) => {
        const h = loop;
        if (!Number.isFinite(h.endMs)) return resolve();
        const slice = () => {
          const start = performance.now();
          while (!h.ended && performance.now() - start < FAST_SLICE_MS) h.stepBy(FAST_STEP_SIM_MS);
          if (!h.ended) {
            requestAnimationFrame(slice);
            return;
          }
          pauseClock(h.clock);
          drawNow();
          resolve();
        };
        requestAnimationFrame(slice);
      }),
    [loop, drawNow],
  );

  useEffect(() => {
    const h = loop;
    if (!running || h.ended) {
      pauseClock(h.clock);
      drawNow();
      return undefined;
    }
    let frame = 0;
    let lastSample = 0;
    let lastRead = 0;
    let part: SamplePart = 'log';
    let backends = h.sim.metrics().backends;
    const onFrame = (now: number) => {
      const { speed: s, selectedPacket: selected, onSample: sample, timeScale: scale } = latest.current;
      h.advanceTo(tick(h.clock, now, s, scale));
      if (h.ended) {
        // The replay reached its scenario's duration: the numbers now equal the build's.
        pauseClock(h.clock);
        drawNow();
        latest.current.onEnd();
        return;
      }
      frame = requestAnimationFrame(onFrame);
      collect(h);
      // Reading metrics walks every backend's counters: ten times a second is plenty for the load
      // bars, and leaves each frame's budget to the packets.
      const read = now - lastRead >= 100;
      const metrics = read ? h.sim.metrics() : null;
      if (metrics) {
        lastRead = now;
        backends = metrics.backends;
      }
      h.renderer?.update({ timeMs: h.clock.simMs, hops: h.hops, selectedPacket: selected, backends });
      // Text readouts refresh every second, the metrics and the event log half a second apart:
      // calm enough to read, and each refresh is a React render small enough to fit in a frame on
      // a slow phone. A change the student makes shows at once (drawNow).
      if (metrics && now - lastSample > 500) {
        lastSample = now;
        part = part === 'metrics' ? 'log' : 'metrics';
        const which = part;
        // A transition: React renders the readouts in slices between animation frames instead of
        // holding up the next frame.
        startTransition(() => sample(metrics, h.hops, which));
      }
    };
    frame = requestAnimationFrame(onFrame);
    return () => {
      cancelAnimationFrame(frame);
      pauseClock(h.clock);
    };
  }, [loop, running, drawNow]);

  return { drawNow, runToEnd };
}

function collect(h: LoopHandles): void {
  const fresh = h.sim.traceSince(h.seq);
  if (fresh.length === 0) return;
  h.seq = h.sim.lastTraceSeq;
  for (const hop of fresh) h.hops.push(hop);
  const cutoff = h.clock.simMs - KEEP_AFTER_ARRIVAL_MS;
  // Hops arrive roughly in order, so the stale ones sit at the front.
  let stale = 0;
  while (stale < h.hops.length && (h.hops[stale] as Hop).arriveMs < cutoff) stale++;
  if (h.hops.length - stale > MAX_HOPS) stale = h.hops.length - MAX_HOPS;
  if (stale > 0) h.hops.splice(0, stale);
}
