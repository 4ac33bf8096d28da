/**
 * The event queue: a binary min-heap over one Float64Array of keys. A key packs the event time
 * (integer microseconds) with a 16-bit sequence number, so one comparison orders by time and,
 * among equal times, by scheduling order; that keeps runs deterministic. The kind and a reference
 * (a request or backend index) pack into one Int32 beside it. No object per event, so millions of
 * events per second make no garbage. Time is exact up to 2^37 µs, about 38 hours of simulation.
 *
 * Events scheduled a fixed delay ahead (requests crossing the network) arrive in time order, so
 * `pushMonotone` keeps them in a plain FIFO lane instead of the heap; pops merge the two by key.
 */
const SEQ_SPAN = 65_536;
const REF_BITS = 24;
const REF_MASK = (1 << REF_BITS) - 1;
export const MAX_TIME_US = 2 ** 37;

export class EventQueue {
  private keys: Float64Array;
  private payload: Int32Array;
  private count = 0;
  private seq = 0;
  private readonly lane = new Lane();
  private topFromLane = false;
  private topKey = Infinity;
  private topPayload = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.payload = new Int32Array(capacity);
  }

  get size(): number {
    return this.count + this.lane.size;
  }

  /** Time of the earliest event, or Infinity when empty. Call before reading `top*` or `pop`. */
  peekTime(): number {
    const heapKey = this.count > 0 ? (this.keys[0] as number) : Infinity;
    const laneKey = this.lane.size > 0 ? this.lane.headKey : Infinity;
    this.topFromLane = laneKey < heapKey;
    const key = this.topFromLane ? laneKey : heapKey;
    this.topKey = key;
    this.topPayload = this.topFromLane ? this.lane.headPayload : (this.payload[0] as number);
    return key === Infinity ? Infinity : Math.floor(key / SEQ_SPAN);
  }

  get topKind(): number {
    return this.topPayload >>> REF_BITS;
  }

  get topRef(): number {
    return this.topPayload & REF_MASK;
  }

  /** Schedules `kind` for `ref` at `timeUs` (rounded to a whole microsecond). */
  push(timeUs: number, kind: number, ref: number): void {
    this.insert(this.key(timeUs), (kind << REF_BITS) | ref);
  }

  /** Like push, for events whose times never decrease (falls back to the heap if one would). */
  pushMonotone(timeUs: number, kind: number, ref: number): void {
    const key = this.key(timeUs);
    const payload = (kind << REF_BITS) | ref;
    if (this.lane.size > 0 && key < this.lane.lastKey) this.insert(key, payload);
    else this.lane.push(key, payload);
  }

  /** Removes the earliest event (as found by the last `peekTime`). */
  pop(): void {
    if (this.topFromLane) {
      this.lane.shift();
      return;
    }
    const last = --this.count;
    if (last <= 0) return;
    const key = this.keys[last] as number;
    const payload = this.payload[last] as number;
    const keys = this.keys;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && (keys[child + 1] as number) < (keys[child] as number)) child++;
      if (key <= (keys[child] as number)) break;
      keys[i] = keys[child] as number;
      this.payload[i] = this.payload[child] as number;
      i = child;
    }
    keys[i] = key;
    this.payload[i] = payload;
  }

  private key(timeUs: number): number {
    const time = Math.round(timeUs);
    const seq = this.seq;
    this.seq = seq === SEQ_SPAN - 1 ? 0 : seq + 1;
    return time * SEQ_SPAN + seq;
  }

  private insert(key: number, payload: number): void {
    if (this.count === this.keys.length) this.grow();
    const keys = this.keys;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      this.payload[i] = this.payload[parent] as number;
      i = parent;
    }
    keys[i] = key;
    this.payload[i] = payload;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const payload = new Int32Array(this.payload.length * 2);
    payload.set(this.payload);
    this.keys = keys;
    this.payload = payload;
  }
}

/** FIFO ring of events for `pushMonotone`; lengths stay powers of two so indices can be masked. */
class Lane {
  private keys = new Float64Array(256);
  private payload = new Int32Array(256);
  private head = 0;
  size = 0;
  lastKey = -Infinity;

  get headKey(): number {
    return this.keys[this.head] as number;
  }

  get headPayload(): number {
    return this.payload[this.head] as number;
  }

  push(key: number, payload: number): void {
    if (this.size === this.keys.length) this.grow();
    const i = (this.head + this.size) & (this.keys.length - 1);
    this.keys[i] = key;
    this.payload[i] = payload;
    this.size++;
    this.lastKey = key;
  }

  shift(): void {
    this.head = (this.head + 1) & (this.keys.length - 1);
    this.size--;
  }

  private grow(): void {
    const length = this.keys.length;
    const keys = new Float64Array(length * 2);
    const payload = new Int32Array(length * 2);
    for (let k = 0; k < this.size; k++) {
      const from = (this.head + k) & (length - 1);
      keys[k] = this.keys[from] as number;
      payload[k] = this.payload[from] as number;
    }
    this.keys = keys;
    this.payload = payload;
    this.head = 0;
  }
}
