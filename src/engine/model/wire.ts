/**
 * Bytes and packets on the wire for one request and one connection, in both directions. A balancer
 * in DSR mode still carries everything the client sends: requests, handshakes and the client's
 * ACKs for every response. Counting only payloads would make DSR look twice as good as it is.
 *
 * Model assumptions, typical values rather than sourced facts: an MSS of 1,448 bytes (1,500 MTU
 * minus IP, TCP and the timestamp option), 52-byte headers on every segment and bare ACK (20 IP +
 * 20 TCP + 12 timestamp), delayed ACKs (one per two full segments, RFC 1122), 60-byte SYNs with
 * options, a 517-byte ClientHello (browsers pad it, RFC 7685) and a 4,000-byte server flight
 * (ServerHello to Finished with a ~3 KB certificate chain).
 */
import type { SimConfig, TlsMode, TlsVersion } from '../config.ts';

export const MSS = 1448;
export const HEADER_BYTES = 52;
const SYN_BYTES = 60;
const CLIENT_HELLO_BYTES = 517;
const SERVER_FLIGHT_BYTES = 4000;
/** TLS 1.3 client Finished; TLS 1.2 adds ClientKeyExchange and ChangeCipherSpec. */
const CLIENT_FINISH_BYTES = { '1.3': 74, '1.2': 126 } as const;
/** TLS 1.2's second server flight (ChangeCipherSpec + Finished); TLS 1.3 has none. */
const SERVER_FINISH_BYTES = { '1.3': 0, '1.2': 51 } as const;

/** One direction of traffic: bytes on the wire (headers included) and packets. */
export interface Flow {
  bytes: number;
  packets: number;
}

export function segments(payload: number): number {
  return Math.max(1, Math.ceil(payload / MSS));
}

/** A payload sent as data segments, each with its headers. */
export function dataFlow(payload: number): Flow {
  const n = segments(payload);
  return { bytes: payload + n * HEADER_BYTES, packets: n };
}

/** The receiver's delayed ACKs for a payload: one per two segments, at least one. */
export function ackFlow(payload: number): Flow {
  const n = Math.ceil(segments(payload) / 2);
  return { bytes: n * HEADER_BYTES, packets: n };
}

/** What opening one connection costs each side: the TCP handshake and, with TLS, the TLS one. */
export function handshakeFlows(tls: TlsMode, version: TlsVersion): { client: Flow; server: Flow } {
  // TCP: SYN and the final ACK from the client, SYN-ACK from the server.
  const client = { bytes: SYN_BYTES + HEADER_BYTES, packets: 2 };
  const server = { bytes: SYN_BYTES, packets: 1 };
  if (tls === 'none') return { client, server };
  add(client, dataFlow(CLIENT_HELLO_BYTES));
  add(client, dataFlow(CLIENT_FINISH_BYTES[version]));
  add(client, ackFlow(SERVER_FLIGHT_BYTES));
  add(server, dataFlow(SERVER_FLIGHT_BYTES));
  if (SERVER_FINISH_BYTES[version] > 0) add(server, dataFlow(SERVER_FINISH_BYTES[version]));
  add(server, ackFlow(CLIENT_HELLO_BYTES));
  return { client, server };
}

/*
 * QUIC (HTTP/3) over UDP, model assumptions in the same spirit: each packet carries 20 IP + 8 UDP
 * bytes, a short header (1 flag byte, an 8-byte connection ID, a 2-byte packet number), a 16-byte
 * AEAD tag and a few bytes of frame header: 60 bytes in all, so 1,440 bytes of data fit a 1,500-byte
 * MTU. There are no SYNs, and acknowledgements are ACK frames in small packets of their own (one
 * per two packets received, RFC 9000 §13.2.2), so the ACK count matches TCP's and only sizes differ.
 * The handshake: the client's Initial is padded to a 1,200-byte datagram (RFC 9000 §14.1), the
 * server answers with the same TLS 1.3 flight as over TCP, and the client's Finished closes it.
 * Behind an L7 balancer the backend leg is really TCP; the tally uses the QUIC sizes on both legs,
 * a difference of a few header bytes per packet.
 */
const QUIC_HEADER_BYTES = 60;
const QUIC_DATA_BYTES = 1440;
const QUIC_INITIAL_DATAGRAM = 1200;
const IP_UDP_BYTES = 28;

function quicDataFlow(payload: number): Flow {
  const n = Math.max(1, Math.ceil(payload / QUIC_DATA_BYTES));
  return { bytes: payload + n * QUIC_HEADER_BYTES, packets: n };
}

function quicAckFlow(payload: number): Flow {
  const n = Math.ceil(Math.max(1, Math.ceil(payload / QUIC_DATA_BYTES)) / 2);
  return { bytes: n * QUIC_HEADER_BYTES, packets: n };
}

/** QUIC's one combined handshake: transport and TLS 1.3 together, no SYN or SYN-ACK. */
export function quicHandshakeFlows(): { client: Flow; server: Flow } {
  const client = { bytes: QUIC_INITIAL_DATAGRAM + IP_UDP_BYTES, packets: 1 };
  add(client, quicDataFlow(CLIENT_FINISH_BYTES['1.3']));
  add(client, quicAckFlow(SERVER_FLIGHT_BYTES));
  const server = quicDataFlow(SERVER_FLIGHT_BYTES);
  return { client, server };
}

function add(into: Flow, flow: Flow): void {
  into.bytes += flow.bytes;
  into.packets += flow.packets;
}

/** CPU per forwarded packet at L4 (Katran ≈ 5 Mpps per core). */
const L4_CPU_PER_PACKET_US = 0.2;

/**
 * What one exchange adds to each traffic counter, one entry per request template (one entry in
 * all for a handshake). Client-to-server packets always cross the balancer (and an L4 tier in
 * front of it); the server's cross it only when they come back through it (L7, or L4 in NAT mode).
 */
export interface Tally {
  /** Bytes both ways on the wire. */
  traffic: Float64Array;
  /** Bytes through the balancer (counted once in and once out). */
  balancerBytes: Float64Array;
  /** L4 forwarding CPU (µs); only an L4 balancer adds it. */
  balancerCpuUs: Float64Array;
  /** Bytes through the front L4 tier, and its CPU (µs); only with a tier. */
  tierBytes: Float64Array;
  tierCpuUs: Float64Array;
}

/** Every per-request byte, packet and CPU count of one configuration, worked out once per change. */
export interface WireTable {
  /** A request goes out; the server's ACK for it comes back. */
  request: Tally;
  /** A response comes back; the client's ACKs for it go out. */
  response: Tally;
  /** Opening a connection: the TCP (and TLS) handshake packets of both sides. */
  handshake: Tally;
  /** Whether the balancer works at L4 (it then spends CPU per packet). */
  l4: boolean;
  /** Whether an L4 tier sits in front of the balancer. */
  tier: boolean;
}

export function wireTable(config: SimConfig): WireTable {
  const { requests, balancer, clients, frontTier } = config;
  const back = balancer.mode === 'l7' || balancer.forwarding === 'nat';
  const tierBack = frontTier?.forwarding === 'nat';
  const tally = (flows: { toServer: Flow; toClient: Flow }[]): Tally => {
    const each = (f: (toServer: Flow, toClient: Flow) => number) =>
      Float64Array.from(flows, ({ toServer, toClient }) => f(toServer, toClient));
    return {
      traffic: each((up, down) => up.bytes + down.bytes),
      balancerBytes: each((up, down) => (back ? up.bytes + down.bytes : up.bytes)),
      balancerCpuUs: each((up, down) => L4_CPU_PER_PACKET_US * (back ? up.packets + down.packets : up.packets)),
      tierBytes: each((up, down) => (tierBack ? up.bytes + down.bytes : up.bytes)),
      tierCpuUs: each((up, down) => L4_CPU_PER_PACKET_US * (tierBack ? up.packets + down.packets : up.packets)),
    };
  };
  const quic = clients.protocol === 'quic';
  const handshake = quic ? quicHandshakeFlows() : handshakeFlows(balancer.tls, clients.tlsVersion);
  const data = quic ? quicDataFlow : dataFlow;
  const ack = quic ? quicAckFlow : ackFlow;
  return {
    request: tally(requests.map((t) => ({ toServer: data(t.requestBytes), toClient: ack(t.requestBytes) }))),
    response: tally(requests.map((t) => ({ toServer: ack(t.responseBytes), toClient: data(t.responseBytes) }))),
    handshake: tally([{ toServer: handshake.client, toClient: handshake.server }]),
    l4: balancer.mode === 'l4',
    tier: Boolean(frontTier),
  };
}
