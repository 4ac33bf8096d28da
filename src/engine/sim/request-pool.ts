/**
 * Requests in flight, as rows of parallel typed arrays indexed by a request number `r`. Finished
 * rows go on a free list and are reused, and the arrays double when full, so a run allocates
 * nothing per request. Events carry only `r`; everything else about the request is read here.
 */
const INITIAL_SIZE = 1024;

/** The in-flight requests' rows; `r` indexes every array. */
export class RequestPool {
  client = new Int32Array(INITIAL_SIZE);
  /** The backend chosen for it, -1 before the decision. */
  backend = new Int32Array(INITIAL_SIZE);
  template = new Int32Array(INITIAL_SIZE);
  /** When the client sent it (µs). */
  start = new Float64Array(INITIAL_SIZE);
  /** Its backend's epoch when it was sent: a crash or removal since then fails it. */
  epoch = new Int32Array(INITIAL_SIZE);
  /** Request id: increases by one per request over the run (the trace samples by it). */
  id = new Float64Array(INITIAL_SIZE);
  /** The request's service-time draw, made on arrival from the service stream. */
  u = new Float64Array(INITIAL_SIZE);
  private readonly free: number[] = [];
  private used = 0;
  private nextId = 1;

  /** A row for a new request from client `c`, sent at `nowUs` with service draw `u`. */
  alloc(c: number, template: number, nowUs: number, u: number): number {
    let r = this.free.pop();
    if (r === undefined) {
      r = this.used++;
      if (r >= this.client.length) this.grow();
    }
    this.client[r] = c;
    this.template[r] = template;
    this.start[r] = nowUs;
    this.backend[r] = -1;
    this.id[r] = this.nextId++;
    this.u[r] = u;
    return r;
  }

  /** Returns a finished request's row to the pool; its fields stay readable until reused. */
  release(r: number): void {
    this.free.push(r);
  }

  private grow(): void {
    const size = this.client.length * 2;
    this.client = grown(this.client, new Int32Array(size));
    this.backend = grown(this.backend, new Int32Array(size));
    this.template = grown(this.template, new Int32Array(size));
    this.start = grown(this.start, new Float64Array(size));
    this.epoch = grown(this.epoch, new Int32Array(size));
    this.id = grown(this.id, new Float64Array(size));
    this.u = grown(this.u, new Float64Array(size));
  }
}

function grown<T extends Int32Array | Float64Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
