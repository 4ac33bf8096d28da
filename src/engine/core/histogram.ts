/**
 * Latency histogram with logarithmic buckets (about 4% wide) from 1 µs to ~1,000 s: constant
 * memory and O(1) recording, however long the run. Percentiles are read from bucket midpoints.
 */
const BUCKETS_PER_DOUBLING = 16;
const MAX_DOUBLINGS = 30;
const SIZE = BUCKETS_PER_DOUBLING * MAX_DOUBLINGS + 1;

export class Histogram {
  readonly counts = new Float64Array(SIZE);
  total = 0;
  /** Exact sum of recorded values, for the mean (buckets would round it). */
  sum = 0;

  record(valueUs: number): void {
    this.recordIn(bucketOf(valueUs), valueUs);
  }

  /** For a value recorded in several histograms: its bucket is worked out once (`bucketOf`). */
  recordIn(bucket: number, valueUs: number): void {
    this.counts[bucket]! += 1;
    this.total += 1;
    this.sum += valueUs;
  }

  mean(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  /** The value below which `q` (0–1) of recordings fall; 0 when empty. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const target = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < SIZE; i++) {
      seen += this.counts[i] as number;
      if (seen >= target) return valueOf(i);
    }
    return valueOf(SIZE - 1);
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.sum = 0;
  }

  addFrom(other: Histogram): void {
    for (let i = 0; i < SIZE; i++) this.counts[i]! += other.counts[i] as number;
    this.total += other.total;
    this.sum += other.sum;
  }
}

export function bucketOf(valueUs: number): number {
  if (!(valueUs > 1)) return 0;
  const index = Math.floor(Math.log2(valueUs) * BUCKETS_PER_DOUBLING) + 1;
  return index >= SIZE ? SIZE - 1 : index;
}

function valueOf(bucket: number): number {
  if (bucket === 0) return 1;
  // Geometric midpoint of the bucket.
  return 2 ** ((bucket - 0.5) / BUCKETS_PER_DOUBLING);
}
