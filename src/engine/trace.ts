/**
 * A bounded trace of hop events for the animation. Each hop carries its timing, its kind and the
 * facts a balancer could read from it (see model/views.ts). A ring buffer keeps memory flat no
 * matter how long the simulation runs; readers ask for everything after the last `seq` they saw.
 */
import { viewAtL4, viewAtL7, type L7View, type PacketFacts } from './model/views.ts';
import type { Simulation } from './simulation.ts';
import { VIP } from './simulation.ts';

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
  readonly l4: L7View;
  readonly l7: L7View;
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
  private views: { l4: L7View; l7: L7View } | undefined;

  constructor(record: HopRecord) {
    Object.assign(this, record);
  }

  get l4(): L7View {
    return (this.views ??= { l4: viewAtL4(this.facts), l7: viewAtL7(this.facts) }).l4;
  }

  get l7(): L7View {
    return (this.views ??= { l4: viewAtL4(this.facts), l7: viewAtL7(this.facts) }).l7;
  }

  toJSON(): HopRecord & { l4: L7View; l7: L7View } {
    const { views: _views, ...record } = this;
    return { ...record, l4: this.l4, l7: this.l7 };
  }
}

const BALANCER_IP = '10.0.0.2';

export class Tracer {
  private readonly hops: (Hop | undefined)[];
  private seq = 0;
  private packets = 0;

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

  private push(hop: Omit<HopRecord, 'seq' | 'packetId'>): void {
    const seq = ++this.seq;
    const record = hop as HopRecord;
    record.seq = seq;
    record.packetId = ++this.packets;
    this.hops[seq % this.capacity] = new TraceHop(record);
  }

  /** The handshake that opens the connection request `r` is the first to use. */
  handshake(sim: Simulation, c: number, r: number, setupUs: number): void {
    if (!this.enabled || !this.sampled(sim, r)) return;
    const { balancer, network } = sim.config;
    const from = clientNode(sim, c);
    const at = sim.nowUs / 1000;
    const half = network.clientRttMs / 2;
    const facts = clientFacts(sim, c, 0);
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
      encrypted: false,
      facts,
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
      encrypted: false,
      facts,
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
    const template = sim.config.requests[v.reqTemplate[r] as number]!;
    const requestId = v.reqId[r] as number;
    const connectionId = v.connId[c] as number;
    const depart = (sim.nowUs + setupUs) / 1000;
    const atLb = depart + network.clientRttMs / 2;
    const atBackend = (sim.nowUs + toBackendUs) / 1000;
    const backendId = v.backends[b]!.id;
    const front = clientFacts(sim, c, r);
    this.push({
      requestId,
      connectionId,
      kind: 'request',
      from: clientNode(sim, c),
      to: 'lb',
      departMs: depart,
      arriveMs: atLb,
      bytes: template.requestBytes,
      encrypted: front.encrypted,
      facts: front,
    });
    const back = backendFacts(sim, c, r, b);
    this.push({
      requestId,
      connectionId,
      kind: 'request',
      from: 'lb',
      to: backendId,
      departMs: atBackend - network.backendRttMs / 2,
      arriveMs: atBackend,
      bytes: template.requestBytes,
      encrypted: back.encrypted,
      facts: back,
    });
  }

  response(sim: Simulation, r: number, b: number, returnUs: number, viaBalancer: boolean): void {
    if (!this.enabled || !this.sampled(sim, r)) return;
    const { network } = sim.config;
    const v = sim.view;
    const c = v.reqClient[r] as number;
    const template = sim.config.requests[v.reqTemplate[r] as number]!;
    const requestId = v.reqId[r] as number;
    const connectionId = v.connId[c] as number;
    const at = sim.nowUs / 1000;
    const backendId = v.backends[b]!.id;
    const toBackend = backendFacts(sim, c, r, b);
    const back = { ...toBackend, ...swap(toBackend) };
    const client = clientNode(sim, c);
    if (!viaBalancer) {
      // Direct Server Return: the backend answers the client itself, from the VIP.
      this.push({
        requestId,
        connectionId,
        kind: 'response',
        from: backendId,
        to: client,
        departMs: at,
        arriveMs: at + returnUs / 1000,
        bytes: template.responseBytes,
        encrypted: back.encrypted,
        facts: { ...back, srcIp: VIP },
      });
      return;
    }
    const atLb = at + network.backendRttMs / 2;
    this.push({
      requestId,
      connectionId,
      kind: 'response',
      from: backendId,
      to: 'lb',
      departMs: at,
      arriveMs: atLb,
      bytes: template.responseBytes,
      encrypted: back.encrypted,
      facts: back,
    });
    const front = clientFacts(sim, c, r);
    this.push({
      requestId,
      connectionId,
      kind: 'response',
      from: 'lb',
      to: client,
      departMs: at + returnUs / 1000 - network.clientRttMs / 2,
      arriveMs: at + returnUs / 1000,
      bytes: template.responseBytes,
      encrypted: front.encrypted,
      facts: { ...front, ...swap(front) },
    });
  }

  healthCheck(sim: Simulation, b: number, passed: boolean): void {
    if (!this.enabled) return;
    const at = sim.nowUs / 1000;
    const backend = sim.view.backends[b]!;
    const facts: PacketFacts = {
      ...emptyFacts(),
      srcIp: BALANCER_IP,
      srcPort: 40000,
      dstIp: backendIp(b),
      dstPort: 8080,
      method: 'GET',
      host: backend.id,
      path: '/health',
    };
    this.push({
      requestId: null,
      connectionId: null,
      kind: 'health',
      from: 'lb',
      to: backend.id,
      departMs: at,
      arriveMs: at + sim.config.network.backendRttMs / 2,
      bytes: 200,
      encrypted: false,
      ok: passed,
      facts,
    });
  }
}

function clientNode(sim: Simulation, c: number): string {
  return c < sim.view.population.natCount ? 'nat' : 'clients';
}

export function backendIp(b: number): string {
  return `10.0.1.${(b % 250) + 10}`;
}

function emptyFacts(): PacketFacts {
  return {
    srcIp: '',
    srcPort: 0,
    dstIp: '',
    dstPort: 0,
    sni: '',
    ech: false,
    alpn: '',
    method: '',
    host: '',
    path: '',
    headers: '',
    cookies: '',
    encrypted: false,
    balancerHasKeys: false,
    plaintextProtocol: true,
  };
}

function requestBasics(sim: Simulation, c: number, r: number) {
  const { clients, balancer } = sim.config;
  const template = sim.config.requests[sim.view.reqTemplate[r] as number]!;
  const tls = balancer.tls !== 'none';
  const cookieParts = [];
  if (sim.view.population.hasCookie[c]) cookieParts.push(`${clients.cookie.name}=${clients.cookie.value}`);
  cookieParts.push(`session=u${c}`);
  const headers = Object.entries(template.headers).map(([k, v]) => `${k}: ${v}`);
  if (clients.spoofedXff) headers.push(`X-Forwarded-For: ${clients.spoofedXff}`);
  return {
    template,
    tls,
    sni: template.host,
    alpn: clients.protocol === 'http2' ? 'h2' : 'http/1.1',
    cookies: cookieParts.join('; '),
    headers,
  };
}

/** The client ↔ balancer hop. */
function clientFacts(sim: Simulation, c: number, r: number): PacketFacts {
  const { balancer, clients } = sim.config;
  const basics = requestBasics(sim, c, r);
  return {
    srcIp: sim.formatClientIp(c),
    srcPort: sim.view.connPort[c] as number,
    dstIp: VIP,
    dstPort: basics.tls ? 443 : 80,
    sni: basics.sni,
    ech: clients.ech,
    alpn: basics.alpn,
    method: basics.template.method,
    host: basics.template.host,
    path: basics.template.path,
    headers: basics.headers.join('\n'),
    cookies: basics.cookies,
    encrypted: basics.tls,
    balancerHasKeys: balancer.tls === 'terminate' || balancer.tls === 'reencrypt',
    plaintextProtocol: !basics.tls,
  };
}

/** The balancer ↔ backend hop: L7 opens its own connection and adds X-Forwarded-For. */
function backendFacts(sim: Simulation, c: number, r: number, b: number): PacketFacts {
  const { balancer, clients } = sim.config;
  const basics = requestBasics(sim, c, r);
  const l7 = balancer.mode === 'l7';
  const headers = [...basics.headers];
  if (l7 && balancer.xff) {
    const clientIp = sim.formatClientIp(c);
    const existing = headers.findIndex((h) => h.startsWith('X-Forwarded-For: '));
    // Appended, never replaced: the client-supplied (spoofed) entry stays in front.
    if (existing >= 0) headers[existing] = `${headers[existing]}, ${clientIp}`;
    else headers.push(`X-Forwarded-For: ${clientIp}`);
  }
  const encrypted = balancer.tls === 'passthrough' || balancer.tls === 'reencrypt';
  let cookies = basics.cookies;
  if (l7 && balancer.stickiness === 'cookie') cookies += `; AWSALB=${sim.view.backends[b]!.id}`;
  return {
    srcIp: l7 ? BALANCER_IP : sim.formatClientIp(c),
    srcPort: l7 ? 40000 + (r % 20000) : (sim.view.connPort[c] as number),
    dstIp: balancer.mode === 'l4' && balancer.forwarding === 'dsr' ? VIP : backendIp(b),
    dstPort: l7 ? 8080 : basics.tls ? 443 : 80,
    sni: basics.sni,
    ech: clients.ech && balancer.tls === 'passthrough',
    alpn: basics.alpn,
    method: basics.template.method,
    host: basics.template.host,
    path: basics.template.path,
    headers: headers.join('\n'),
    cookies,
    encrypted,
    balancerHasKeys: balancer.tls === 'terminate' || balancer.tls === 'reencrypt',
    plaintextProtocol: balancer.tls === 'none' || balancer.tls === 'terminate',
  };
}

function swap(p: PacketFacts): Pick<PacketFacts, 'srcIp' | 'srcPort' | 'dstIp' | 'dstPort'> {
  return { srcIp: p.dstIp, srcPort: p.dstPort, dstIp: p.srcIp, dstPort: p.srcPort };
}
