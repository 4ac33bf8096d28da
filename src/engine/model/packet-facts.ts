/**
 * The facts of each traced packet: what is in it, on that hop, and nothing else. A TCP handshake
 * carries addresses, ports and flags; the ClientHello adds SNI and ALPN; a request carries its
 * request line, headers and cookies; a response its status, headers and size. Whether a balancer
 * can read them is decided by the views (`views.ts`), from these facts alone.
 *
 * Hops: client → balancer, balancer → backend (an L7 balancer's own connection, from its own
 * address, with X-Forwarded-For appended; L4 NAT keeps the client's addresses; DSR delivers to the
 * VIP), backend → balancer, balancer → client, the DSR reply (backend → client from the VIP, around
 * the balancer), and the balancer's own health checks.
 */
import type { SimConfig } from '../config.ts';
import type { SimState } from '../sim/state.ts';
import { mix32 } from '../core/hash.ts';
import { VIP } from '../topology.ts';
import { formatIp } from './population.ts';
import type { PacketFacts, TlsKeyHolder } from './views.ts';

export const BALANCER_IP = '10.0.0.2';
/** Where an L7 balancer, and its health checker, reach the backends. */
const BACKEND_PORT = 8080;
const BACKEND_TLS_PORT = 8443;
const HANDSHAKE_FLAGS = 'SYN, SYN-ACK, ACK';
const DATA_FLAGS = 'PSH, ACK';

export function backendIp(b: number): string {
  return `10.0.1.${(b % 250) + 10}`;
}

/** A packet with nothing in it yet: every field empty, to be filled for its kind. */
function blank(): PacketFacts {
  return {
    content: 'tcp-handshake',
    seenByBalancer: true,
    srcIp: '',
    srcPort: 0,
    dstIp: '',
    dstPort: 0,
    flags: DATA_FLAGS,
    transport: 'tcp',
    quicPacket: '',
    dcid: '',
    scid: '',
    tls: 'none',
    sni: '',
    alpn: '',
    ech: false,
    encrypted: false,
    reencrypted: false,
    method: '',
    path: '',
    host: '',
    headers: '',
    cookies: '',
    status: '',
    responseHeaders: '',
    setCookie: '',
    size: 0,
  };
}

/** TLS between the client and the balancer's address: who holds the key. */
function clientSideTls(config: SimConfig): TlsKeyHolder {
  switch (config.balancer.tls) {
    case 'none':
      return 'none';
    case 'passthrough':
      return 'backend';
    case 'terminate':
    case 'reencrypt':
      return 'balancer';
  }
}

/** TLS between the balancer and the backend: plaintext after termination, the balancer's own
 * connection under re-encryption, the client's own under passthrough. */
function backendSideTls(config: SimConfig): TlsKeyHolder {
  switch (config.balancer.tls) {
    case 'none':
    case 'terminate':
      return 'none';
    case 'passthrough':
      return 'backend';
    case 'reencrypt':
      return 'balancer';
  }
}

function alpnOf(config: SimConfig): string {
  const { protocol } = config.clients;
  return protocol === 'quic' ? 'h3' : protocol === 'http2' ? 'h2' : 'http/1.1';
}

/** Eight bytes of hex from a hash of the connection and a salt: random-looking to an observer. */
function hex64(connection: number, salt: number): string {
  const high = mix32(connection ^ Math.imul(salt, 0x9e3779b9));
  return [high, mix32(high ^ 0x85ebca6b)].map((n) => (n >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The client's first destination connection ID: random, and the seed of the Initial keys. */
function initialDcid(s: SimState, c: number): string {
  return hex64(s.connId[c] as number, 0x51c1);
}

/** The connection ID the client chose for itself: server → client packets carry it. */
function clientCid(s: SimState, c: number): string {
  return hex64(s.connId[c] as number, 0xc11e);
}

/**
 * The connection ID the server issued, which client → server packets carry after the handshake.
 * Behind a QUIC-LB balancer it starts with the server's ID (here one byte after a config byte);
 * otherwise it is random. An L7 balancer is the QUIC endpoint, so the ID is its own.
 */
function serverCid(s: SimState, c: number): string {
  const { balancer } = s.config;
  const id = hex64(s.connId[c] as number, 0x5e7e);
  const b = s.connBackend[c] as number;
  if (balancer.mode === 'l4' && balancer.quicRouting === 'connection-id' && b >= 0)
    return `01${((b + 1) % 256).toString(16).padStart(2, '0')}${id.slice(4)}`;
  return id;
}

/** The QUIC header of a client-side hop, or nothing over TCP. */
function quicHeader(s: SimState, c: number, packet: 'initial' | '1-rtt', toClient = false) {
  if (s.config.clients.protocol !== 'quic') return {};
  if (packet === 'initial')
    return { transport: 'udp' as const, quicPacket: packet, dcid: initialDcid(s, c), scid: clientCid(s, c) };
  return { transport: 'udp' as const, quicPacket: packet, dcid: toClient ? clientCid(s, c) : serverCid(s, c) };
}

/** The QUIC header on a balancer ↔ backend hop: the client's own packets at L4; TCP at L7. */
function forwardedQuicHeader(s: SimState, c: number, toClient: boolean) {
  return s.config.balancer.mode === 'l4' ? quicHeader(s, c, '1-rtt', toClient) : {};
}

function template(s: SimState, r: number) {
  return s.config.requests[s.req.template[r] as number]!;
}

/** Client `c`'s public address (its own, a CGNAT one, or the corporate NAT's). */
function clientIp(s: SimState, c: number): string {
  return formatIp(s.population.ip[c] as number);
}

/** The client's side of its connection to the VIP. */
function clientEnds(s: SimState, c: number) {
  const tls = clientSideTls(s.config);
  return {
    srcIp: clientIp(s, c),
    srcPort: s.connPort[c] as number,
    dstIp: VIP,
    dstPort: tls === 'none' ? 80 : 443,
    tls,
  };
}

/** The TCP handshake that opens a client connection (one hop stands for SYN, SYN-ACK and ACK). */
export function handshakeFacts(s: SimState, c: number): PacketFacts {
  return { ...blank(), ...clientEnds(s, c), content: 'tcp-handshake', flags: HANDSHAKE_FLAGS };
}

/** The ClientHello: unencrypted, it names the server (SNI) and offers protocols (ALPN). Over QUIC
 * it rides in the client's Initial packet, encrypted with keys derived from public values. */
export function clientHelloFacts(s: SimState, c: number, sni: string): PacketFacts {
  return {
    ...blank(),
    ...clientEnds(s, c),
    ...quicHeader(s, c, 'initial'),
    content: 'client-hello',
    sni,
    alpn: alpnOf(s.config),
    ech: s.config.clients.ech,
  };
}

/** What the client wrote: the request as it leaves the browser. */
function clientRequest(s: SimState, c: number, r: number) {
  const { clients } = s.config;
  const t = template(s, r);
  const cookies: string[] = [];
  if (s.population.hasCookie[c]) cookies.push(`${clients.cookie.name}=${clients.cookie.value}`);
  cookies.push(`session=u${c}`);
  const headers = Object.entries(t.headers).map(([k, v]) => `${k}: ${v}`);
  if (clients.spoofedXff) headers.push(`X-Forwarded-For: ${clients.spoofedXff}`);
  return { method: t.method, host: t.host, path: t.path, headers, cookies: cookies.join('; ') };
}

/** The connection's ClientHello fields, for the packets after it (`sni` as the client sent it). */
function helloOf(s: SimState, tls: TlsKeyHolder, sni: string) {
  if (tls === 'none') return { sni: '', alpn: '', ech: false };
  return { sni, alpn: alpnOf(s.config), ech: s.config.clients.ech };
}

/** A request from the client to the VIP (`sni`: what its connection's ClientHello named). */
export function requestFacts(s: SimState, c: number, r: number, sni: string): PacketFacts {
  const ends = clientEnds(s, c);
  const request = clientRequest(s, c, r);
  return {
    ...blank(),
    ...ends,
    ...helloOf(s, ends.tls, sni),
    ...quicHeader(s, c, '1-rtt'),
    content: 'http-request',
    encrypted: ends.tls !== 'none',
    ...request,
    headers: request.headers.join('\n'),
  };
}

/** Addresses of the balancer → backend hop: an L7 balancer's own connection, L4 NAT's rewritten
 * destination, or DSR's untouched one (the backend holds the VIP). */
function forwardEnds(s: SimState, c: number, r: number, b: number) {
  const { balancer } = s.config;
  const client = clientEnds(s, c);
  const tls = backendSideTls(s.config);
  if (balancer.mode === 'l7') {
    return {
      srcIp: BALANCER_IP,
      srcPort: 40000 + ((s.req.id[r] as number) % 20000),
      dstIp: backendIp(b),
      dstPort: tls === 'none' ? BACKEND_PORT : BACKEND_TLS_PORT,
      tls,
    };
  }
  return {
    srcIp: client.srcIp,
    srcPort: client.srcPort,
    dstIp: balancer.forwarding === 'dsr' ? VIP : backendIp(b),
    dstPort: client.dstPort,
    tls,
  };
}

/** The backend side's ClientHello: the client's own under passthrough, the balancer's (no ECH)
 * under re-encryption, none after termination. */
function forwardHello(s: SimState, tls: TlsKeyHolder, sni: string, host: string) {
  if (tls === 'none') return { sni: '', alpn: '', ech: false };
  if (s.config.balancer.tls === 'passthrough') return helloOf(s, tls, sni);
  // The balancer's own TLS connection to the backend runs over TCP: h2 where the client spoke QUIC.
  return { sni: host, alpn: s.config.clients.protocol === 'quic' ? 'h2' : alpnOf(s.config), ech: false };
}

/** The request on its way from the balancer to backend `b`. */
export function forwardedRequestFacts(s: SimState, c: number, r: number, b: number, sni: string): PacketFacts {
  const { balancer } = s.config;
  const l7 = balancer.mode === 'l7';
  const ends = forwardEnds(s, c, r, b);
  const request = clientRequest(s, c, r);
  const headers = [...request.headers];
  if (l7 && balancer.xff) {
    const ip = clientIp(s, c);
    const existing = headers.findIndex((h) => h.startsWith('X-Forwarded-For: '));
    // Appended, never replaced: a client-supplied (spoofed) entry stays in front.
    if (existing >= 0) headers[existing] = `${headers[existing]}, ${ip}`;
    else headers.push(`X-Forwarded-For: ${ip}`);
  }
  let cookies = request.cookies;
  if (l7 && balancer.stickiness === 'cookie') cookies += `; AWSALB=${s.backends[b]!.id}`;
  return {
    ...blank(),
    ...ends,
    ...forwardHello(s, ends.tls, sni, request.host),
    ...forwardedQuicHeader(s, c, false),
    content: 'http-request',
    encrypted: ends.tls !== 'none',
    reencrypted: balancer.tls === 'reencrypt',
    ...request,
    headers: headers.join('\n'),
    cookies,
  };
}

export type ResponseLeg = 'backend-lb' | 'lb-client' | 'dsr';

/**
 * A response on one leg of its way back. It carries its status, headers and size; the request's
 * method and path stay only as context (the views mark them "not in this packet").
 */
export function responseFacts(
  s: SimState,
  c: number,
  r: number,
  b: number,
  sni: string,
  leg: ResponseLeg,
): PacketFacts {
  const { balancer } = s.config;
  const t = template(s, r);
  const client = clientEnds(s, c);
  const back = forwardEnds(s, c, r, b);
  const body = {
    content: 'http-response' as const,
    method: t.method,
    path: t.path,
    status: '200 OK',
    responseHeaders: [`Content-Type: application/json`, `Content-Length: ${t.responseBytes}`].join('\n'),
    size: t.responseBytes,
  };
  if (leg === 'lb-client') {
    // An L7 balancer with cookie affinity names the backend in a cookie of its own.
    const setCookie =
      balancer.mode === 'l7' && balancer.stickiness === 'cookie' ? `AWSALB=${s.backends[b]!.id}; Path=/` : '';
    return {
      ...blank(),
      srcIp: client.dstIp,
      srcPort: client.dstPort,
      dstIp: client.srcIp,
      dstPort: client.srcPort,
      tls: client.tls,
      ...helloOf(s, client.tls, sni),
      ...quicHeader(s, c, '1-rtt', true),
      encrypted: client.tls !== 'none',
      ...body,
      setCookie,
    };
  }
  const facts: PacketFacts = {
    ...blank(),
    srcIp: back.dstIp,
    srcPort: back.dstPort,
    dstIp: back.srcIp,
    dstPort: back.srcPort,
    tls: back.tls,
    ...forwardHello(s, back.tls, sni, t.host),
    ...forwardedQuicHeader(s, c, true),
    encrypted: back.tls !== 'none',
    ...body,
  };
  // Direct Server Return: the backend holds the VIP and answers the client from it, around the balancer.
  return leg === 'dsr' ? { ...facts, seenByBalancer: false } : facts;
}

/** An active health check: the balancer's own plaintext `GET /health` to the backend. */
export function healthCheckFacts(s: SimState, b: number): PacketFacts {
  const backend = s.backends[b]!;
  return {
    ...blank(),
    content: 'http-request',
    srcIp: BALANCER_IP,
    srcPort: 40000,
    dstIp: backendIp(b),
    dstPort: BACKEND_PORT,
    method: 'GET',
    host: backend.id,
    path: '/health',
    headers: 'User-Agent: health-check',
  };
}
