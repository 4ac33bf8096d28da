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

function add(into: Flow, flow: Flow): void {
  into.bytes += flow.bytes;
  into.packets += flow.packets;
}

/** Every per-request byte and packet count of one configuration, worked out once per change. */
export interface WireTable {
  /** Per request template: the request and the server's ACK for it, the response and the client's ACKs. */
  reqBytes: Float64Array;
  reqPackets: Float64Array;
  reqAckBytes: Float64Array;
  reqAckPackets: Float64Array;
  respBytes: Float64Array;
  respPackets: Float64Array;
  respAckBytes: Float64Array;
  respAckPackets: Float64Array;
  handshake: { client: Flow; server: Flow };
  /** Whether the server's packets come back through the balancer (L7, or L4 in NAT mode). */
  viaBalancer: boolean;
  l4: boolean;
  /** The L4 tier in front, if any, and how its return path goes. */
  tier: 'none' | 'nat' | 'dsr';
}

export function wireTable(config: SimConfig): WireTable {
  const { requests, balancer, clients, frontTier } = config;
  const each = (f: (t: (typeof requests)[number]) => number) => Float64Array.from(requests, f);
  return {
    reqBytes: each((t) => dataFlow(t.requestBytes).bytes),
    reqPackets: each((t) => dataFlow(t.requestBytes).packets),
    reqAckBytes: each((t) => ackFlow(t.requestBytes).bytes),
    reqAckPackets: each((t) => ackFlow(t.requestBytes).packets),
    respBytes: each((t) => dataFlow(t.responseBytes).bytes),
    respPackets: each((t) => dataFlow(t.responseBytes).packets),
    respAckBytes: each((t) => ackFlow(t.responseBytes).bytes),
    respAckPackets: each((t) => ackFlow(t.responseBytes).packets),
    handshake: handshakeFlows(balancer.tls, clients.tlsVersion),
    viaBalancer: balancer.mode === 'l7' || balancer.forwarding === 'nat',
    l4: balancer.mode === 'l4',
    tier: frontTier ? frontTier.forwarding : 'none',
  };
}
