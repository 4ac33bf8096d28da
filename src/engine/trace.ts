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
import type { Simulation } from './simulation.ts';

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

  private sniOf(sim: Simulation, c: number, r: number): string {
    return this.helloSni[c] ?? template(sim, r).host;
  }

  /**
   * The handshake that opens the connection request `r` is the first to use: one hop for the TCP
   * handshake (SYN, SYN-ACK, ACK) and, with TLS, one for the ClientHello.
   */
  handshake(sim: Simulation, c: number, r: number, setupUs: number): void {
    if (!this.enabled) return;
    // Every connection's SNI is remembered, sampled or not: its later requests may be sampled.
    this.helloSni[c] = template(sim, r).host;
    if (!this.sampled(sim, r)) return;
    const { balancer, network } = sim.config;
    const from = clientNode(sim, c);
    const at = sim.nowUs / 1000;
    const half = network.clientRttMs / 2;
    const connectionId = sim.view.connId[c] as number;
    this.push({
      requestId: null,
      connectionId,
      kind: 'syn',
      from,
      to: 'lb',
      departMs: at,
      arriveMs: at + half,
      bytes: 60,
      facts: handshakeFacts(sim, c),
    });
    if (balancer.tls === 'none') return;
    const tlsStart = at + network.clientRttMs;
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
      facts: clientHelloFacts(sim, c, this.helloSni[c]!),
    });
  }

  /** Whether request `r` is in the traced sample (every k-th request id). */
  sampled(sim: Simulation, r: number): boolean {
    const { ratePerSecond } = sim.config.clients;
    const stride = Math.max(1, Math.ceil(ratePerSecond / sim.config.traceRequestsPerSecond));
    return (sim.view.reqId[r] as number) % stride === 0;
  }

  request(sim: Simulation, r: number, c: number, b: number, setupUs: number, toBackendUs: number): void {
    if (!this.enabled || !this.sampled(sim, r)) return;
    const { network } = sim.config;
    const v = sim.view;
    const requestBytes = template(sim, r).requestBytes;
    const requestId = v.reqId[r] as number;
    const connectionId = v.connId[c] as number;
    const depart = (sim.nowUs + setupUs) / 1000;
    const atLb = depart + network.clientRttMs / 2;
    const atBackend = (sim.nowUs + toBackendUs) / 1000;
    const sni = this.sniOf(sim, c, r);
    this.push({
      requestId,
      connectionId,
      kind: 'request',
      from: clientNode(sim, c),
      to: 'lb',
      departMs: depart,
      arriveMs: atLb,
      bytes: requestBytes,
      facts: requestFacts(sim, c, r, sni),
    });
    this.push({
      requestId,
      connectionId,
      kind: 'request',
      from: 'lb',
      to: v.backends[b]!.id,
      departMs: atBackend - network.backendRttMs / 2,
      arriveMs: atBackend,
      bytes: requestBytes,
      facts: forwardedRequestFacts(sim, c, r, b, sni),
    });
  }

  response(sim: Simulation, r: number, b: number, returnUs: number, viaBalancer: boolean): void {
    if (!this.enabled || !this.sampled(sim, r)) return;
    const { network } = sim.config;
    const v = sim.view;
    const c = v.reqClient[r] as number;
    const responseBytes = template(sim, r).responseBytes;
    const requestId = v.reqId[r] as number;
    const connectionId = v.connId[c] as number;
    const at = sim.nowUs / 1000;
    const backendId = v.backends[b]!.id;
    const client = clientNode(sim, c);
    const sni = this.sniOf(sim, c, r);
    const common = { requestId, connectionId, kind: 'response' as const, bytes: responseBytes };
    if (!viaBalancer) {
      // Direct Server Return: the backend answers the client itself, from the VIP.
      this.push({
        ...common,
        from: backendId,
        to: client,
        departMs: at,
        arriveMs: at + returnUs / 1000,
        facts: responseFacts(sim, c, r, b, sni, 'dsr'),
      });
      return;
    }
    this.push({
      ...common,
      from: backendId,
      to: 'lb',
      departMs: at,
      arriveMs: at + network.backendRttMs / 2,
      facts: responseFacts(sim, c, r, b, sni, 'backend-lb'),
    });
    this.push({
      ...common,
      from: 'lb',
      to: client,
      departMs: at + returnUs / 1000 - network.clientRttMs / 2,
      arriveMs: at + returnUs / 1000,
      facts: responseFacts(sim, c, r, b, sni, 'lb-client'),
    });
  }

  healthCheck(sim: Simulation, b: number, passed: boolean): void {
    if (!this.enabled) return;
    const at = sim.nowUs / 1000;
    this.push({
      requestId: null,
      connectionId: null,
      kind: 'health',
      from: 'lb',
      to: sim.view.backends[b]!.id,
      departMs: at,
      arriveMs: at + sim.config.network.backendRttMs / 2,
      bytes: 200,
      ok: passed,
      facts: healthCheckFacts(sim, b),
    });
  }
}

function clientNode(sim: Simulation, c: number): string {
  return c < sim.view.population.natCount ? 'nat' : 'clients';
}

function template(sim: Simulation, r: number) {
  return sim.config.requests[sim.view.reqTemplate[r] as number]!;
}
