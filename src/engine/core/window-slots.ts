/**
 * Counters kept per time slot over a sliding window, so "the last second" of a run updates as soon
 * as a slider moves instead of averaging the whole run. The window is split into WINDOW_SLOTS
 * slots; each holds a row of numeric columns and a latency histogram, reset lazily when its slot
 * comes round again. Writing is O(1) and allocation-free; reading sums the live slots.
 */
import { Histogram } from './histogram.ts';

export const WINDOW_SLOTS = 10;

/** A ring of WINDOW_SLOTS slots of `slotUs` each, `width` columns per slot. */
export class WindowSlots {
  /** Per slot: the epoch (slot number since time zero) its data belongs to, -1 if never used. */
  readonly epoch = new Float64Array(WINDOW_SLOTS).fill(-1);
  readonly data: Float64Array[];
  readonly latency: Histogram[];
  private currentStart = Infinity;
  private currentEnd = -Infinity;
  private current = 0;

  constructor(
    readonly slotUs: number,
    width: number,
  ) {
    this.data = Array.from({ length: WINDOW_SLOTS }, () => new Float64Array(width));
    this.latency = Array.from({ length: WINDOW_SLOTS }, () => new Histogram());
  }

  /** The slot for time `nowUs`, cleared first if it still holds an older epoch. */
  slot(nowUs: number): number {
    if (nowUs >= this.currentStart && nowUs < this.currentEnd) return this.current;
    const epoch = Math.floor(nowUs / this.slotUs);
    this.currentStart = epoch * this.slotUs;
    this.currentEnd = this.currentStart + this.slotUs;
    const i = (this.current = epoch % WINDOW_SLOTS);
    if (this.epoch[i] !== epoch) {
      this.epoch[i] = epoch;
      this.data[i]!.fill(0);
      this.latency[i]!.reset();
    }
    return i;
  }

  /** Sums one column over the slots that belong to the last WINDOW_SLOTS epochs. */
  sum(nowUs: number, column: number): number {
    const current = Math.floor(nowUs / this.slotUs);
    let total = 0;
    for (let i = 0; i < WINDOW_SLOTS; i++) {
      const e = this.epoch[i] as number;
      if (e >= 0 && e > current - WINDOW_SLOTS) total += (this.data[i] as Float64Array)[column] as number;
    }
    return total;
  }

  /** The latencies recorded in the window, merged into a new histogram. */
  histogram(nowUs: number): Histogram {
    const current = Math.floor(nowUs / this.slotUs);
    const out = new Histogram();
    for (let i = 0; i < WINDOW_SLOTS; i++) {
      const e = this.epoch[i] as number;
      if (e >= 0 && e > current - WINDOW_SLOTS) out.addFrom(this.latency[i] as Histogram);
    }
    return out;
  }
}
