/**
 * A bounded trace of hop events for the animation. Each hop carries its timing, its kind and the
 * facts of its packet on that hop (model/packet-facts.ts), from which the L4 and L7 views are
 * derived (model/views.ts). A ring buffer keeps memory flat no matter how long the simulation
 * runs; readers ask for everything after the last `seq` they saw.
 */
import {
  clientHelloFacts,
  forwardedRequestFacts,
  handshakeFacts,
  healthCheckFacts,
  requestFacts,
  responseFacts,
} from './model/packet-facts.ts';
import { viewAtL4, viewAtL7, type PacketFacts, type PacketView } from './model/views.ts';
import type { SimState } from './sim/state.ts';

export type HopKind = 'syn' | 'tls' | 'request' | 'response' | 'health';

/** Hop fields as recorded; `Hop` adds the two views, computed on first read. */
export interface HopRecord {
  /** Increases by one per hop; pass the last one seen to `since()`. */
  seq: number;
  packetId: number;
  requestId: number | null;
  connectionId: number | null;
  kind: HopKind;
  /** Topology node ids. */
  from: string;
  to: string;
  departMs: number;
  arriveMs: number;
  bytes: number;
  encrypted: boolean;
  /** Health checks: whether the check passed. */
  ok?: boolean;
  facts: PacketFacts;
}

export interface Hop extends HopRecord {
  /** What an L4 device and an L7 device can read of this packet (unreadable fields say why). */
  readonly l4: PacketView;
  readonly l7: PacketView;
}

/**
 * A recorded hop. The views are derived from `facts` when first read and then kept: most hops are
 * animated and never inspected, and building views for all of them cost frame time.
 */
class TraceHop implements Hop {
  seq!: number;
  packetId!: number;
  requestId!: number | null;
  connectionId!: number | null;
  kind!: HopKind;
  from!: string;
  to!: string;
  departMs!: number;
  arriveMs!: number;
  bytes!: number;
  encrypted!: boolean;
  ok?: boolean;
  facts!: PacketFacts;
  private views: { l4: PacketView; l7: PacketView } | undefined;

  constructor(record: HopRecord) {
    Object.assign(this, record);
  }

  get l4(): PacketView {
    return (this.views ??= { l4: viewAtL4(this.facts), l7: viewAtL7(this.facts) }).l4;
  }

  get l7(): PacketView {
    return (this.views ??= { l4: viewAtL4(this.facts), l7: viewAtL7(this.facts) }).l7;
  }

  toJSON(): HopRecord & { l4: PacketView; l7: PacketView } {
    const { views: _views, ...record } = this;
    return { ...record, l4: this.l4, l7: this.l7 };
  }
}

/** Records hops into the ring buffer; the simulation calls it at each step of a traced request. */
export class Tracer {
  private readonly hops: (Hop | undefined)[];
  private seq = 0;
  private packets = 0;
  /** Per client: the server name its open connection's ClientHello asked for. A connection keeps
   * its SNI for every later request, whatever their Host headers say. */
  private readonly helloSni: string[] = [];

  constructor(readonly capacity: number) {
    this.hops = new Array<Hop | undefined>(capacity);
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Hops recorded after `afterSeq`, oldest first (the oldest may have been overwritten). */
  since(afterSeq: number): Hop[] {
    const first = Math.max(afterSeq + 1, this.seq - this.capacity + 1, 1);
    const out: Hop[] = [];
    for (let s = first; s <= this.seq; s++) {
      const hop = this.hops[s % this.capacity];
      if (hop && hop.seq === s) out.push(hop);
    }
    return out;
  }

  private push(hop: Omit<HopRecord, 'seq' | 'packetId' | 'encrypted'>): void {
    const seq = ++this.seq;
    const record = hop as HopRecord;
    record.seq = seq;
    record.packetId = ++this.packets;
    record.encrypted = hop.facts.encrypted;
    this.hops[seq % this.capacity] = new TraceHop(record);
  }

  private sniOf(s: SimState, c: number, r: number): string {
    return this.helloSni[c] ?? template(s, r).host;
  }

  /**
   * The handshake that opens the connection request `r` is the first to use: one hop for the TCP
   * handshake (SYN, SYN-ACK, ACK) and, with TLS, one for the ClientHello.
   */
  handshake(s: SimState, c: number, r: number, setupUs: number): void {
    if (!this.enabled) return;
    // Every connection's SNI is remembered, sampled or not: its later requests may be sampled.
    this.helloSni[c] = template(s, r).host;
    if (this.sampled(s, r)) this.recordHandshake(s, c, setupUs);
  }

  /** Whether request `r` is in the traced sample (every k-th request id). */
  sampled(s: SimState, r: number): boolean {
    const { ratePerSecond } = s.config.clients;
    const stride = Math.max(1, Math.ceil(ratePerSecond / s.config.traceRequestsPerSecond));
    return (s.req.id[r] as number) % stride === 0;
  }

  /** Request `r` leaves the client and reaches backend `b` (the balancer's hop, then its own). */
  request(s: SimState, r: number, c: number, b: number, setupUs: number, toBackendUs: number): void {
    // The public methods only check: they run per request, so they stay small enough to inline.
    if (this.enabled && this.sampled(s, r)) this.recordRequest(s, r, c, b, setupUs, toBackendUs);
  }

  /** The response to `r` leaves backend `b`: through the balancer, or around it under DSR. */
  response(s: SimState, r: number, b: number, returnUs: number, viaBalancer: boolean): void {
    if (this.enabled && this.sampled(s, r)) this.recordResponse(s, r, b, returnUs, viaBalancer);
  }

  private recordHandshake(s: SimState, c: number, setupUs: number): void {
    const { balancer, network } = s.config;
    const from = clientNode(s, c);
    const at = s.nowUs / 1000;
    const half = network.clientRttMs / 2;
    const connectionId = s.connId[c] as number;
    const quic = s.config.clients.protocol === 'quic';
    // QUIC has no TCP handshake: its first packet, the Initial, already carries the ClientHello.
    if (!quic)
      this.push({
        requestId: null,
        connectionId,
        kind: 'syn',
        from,
        to: 'lb',
        departMs: at,
        arriveMs: at + half,
        bytes: 60,
        facts: handshakeFacts(s, c),
      });
    if (balancer.tls === 'none') return;
    const tlsStart = quic ? at : at + network.clientRttMs;
    const end = at + setupUs / 1000;
    this.push({
      requestId: null,
      connectionId,
      kind: 'tls',
      from,
      to: 'lb',
      departMs: tlsStart,
      arriveMs: Math.min(end, tlsStart + half),
      bytes: 1500,
      facts: clientHelloFacts(s, c, this.helloSni[c]!),
    });
  }

  private recordRequest(s: SimState, r: number, c: number, b: number, setupUs: number, toBackendUs: number): void {
    const { network } = s.config;
    const requestBytes = template(s, r).requestBytes;
    const requestId = s.req.id[r] as number;
    const connectionId = s.connId[c] as number;
    const depart = (s.nowUs + setupUs) / 1000;
    const atLb = depart + network.clientRttMs / 2;
    const atBackend = (s.nowUs + toBackendUs) / 1000;
    const sni = this.sniOf(s, c, r);
    this.push({
      requestId,
      connectionId,
      kind: 'request',
      from: clientNode(s, c),
      to: 'lb',
      departMs: depart,
      arriveMs: atLb,
      bytes: requestBytes,
      facts: requestFacts(s, c, r, sni),
    });
    this.push({
      requestId,
      connectionId,
      kind: 'request',
      from: 'lb',
      to: s.backends[b]!.id,
      departMs: atBackend - network.backendRttMs / 2,
      arriveMs: atBackend,
      bytes: requestBytes,
      facts: forwardedRequestFacts(s, c, r, b, sni),
    });
  }

  private recordResponse(s: SimState, r: number, b: number, returnUs: number, viaBalancer: boolean): void {
    const { network } = s.config;
    const c = s.req.client[r] as number;
    const responseBytes = template(s, r).responseBytes;
    const requestId = s.req.id[r] as number;
    const connectionId = s.connId[c] as number;
    const at = s.nowUs / 1000;
    const backendId = s.backends[b]!.id;
    const client = clientNode(s, c);
    const sni = this.sniOf(s, c, r);
    const common = { requestId, connectionId, kind: 'response' as const, bytes: responseBytes };
    if (!viaBalancer) {
      // Direct Server Return: the backend answers the client itself, from the VIP.
      this.push({
        ...common,
        from: backendId,
        to: client,
        departMs: at,
        arriveMs: at + returnUs / 1000,
        facts: responseFacts(s, c, r, b, sni, 'dsr'),
      });
      return;
    }
    this.push({
      ...common,
      from: backendId,
      to: 'lb',
      departMs: at,
      arriveMs: at + network.backendRttMs / 2,
      facts: responseFacts(s, c, r, b, sni, 'backend-lb'),
    });
    this.push({
      ...common,
      from: 'lb',
      to: client,
      departMs: at + returnUs / 1000 - network.clientRttMs / 2,
      arriveMs: at + returnUs / 1000,
      facts: responseFacts(s, c, r, b, sni, 'lb-client'),
    });
  }

  healthCheck(s: SimState, b: number, passed: boolean): void {
    if (!this.enabled) return;
    const at = s.nowUs / 1000;
    this.push({
      requestId: null,
      connectionId: null,
      kind: 'health',
      from: 'lb',
      to: s.backends[b]!.id,
      departMs: at,
      arriveMs: at + s.config.network.backendRttMs / 2,
      bytes: 200,
      ok: passed,
      facts: healthCheckFacts(s, b),
    });
  }
}

function clientNode(s: SimState, c: number): string {
  return c < s.population.natCount ? 'nat' : 'clients';
}

function template(s: SimState, r: number) {
  return s.config.requests[s.req.template[r] as number]!;
}
