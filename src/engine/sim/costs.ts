/**
 * What each step of a request costs: delays (handshakes, balancer hops, backend connections), the
 * balancer's CPU, and bytes and packets on the wire. Bytes are counted per direction and per hop
 * from the per-template table in `model/wire.ts`, so DSR is credited only with what it really
 * skips. All of this runs per request: arithmetic on plain fields, nothing allocated.
 */
import type { Tally } from '../model/wire.ts';
import { US, type SimState } from './state.ts';

/** CPU per request at L7 (Istio 1.24); L4 pays per packet instead (`model/wire.ts`). */
export const L7_CPU_PER_REQUEST_US = 200;
export const TLS_HANDSHAKE_CPU_US = 50;

/**
 * TCP handshake plus TLS: 1 round trip for TLS 1.3, 2 for TLS 1.2 (fact base §6). QUIC combines
 * its transport and TLS 1.3 handshakes into one round trip (RFC 9000 §7).
 */
export function handshakeUs(s: SimState): number {
  const { balancer, network, clients } = s.config;
  if (clients.protocol === 'quic')
    return (balancer.tls === 'passthrough' ? network.clientRttMs + network.backendRttMs : network.clientRttMs) * US;
  const tlsRtts = balancer.tls === 'none' ? 0 : clients.tlsVersion === '1.3' ? 1 : 2;
  // Under passthrough (L4) the TLS handshake runs end to end with the backend.
  const tlsRttUs =
    balancer.tls === 'passthrough' ? (network.clientRttMs + network.backendRttMs) * US : network.clientRttMs * US;
  return network.clientRttMs * US + tlsRtts * tlsRttUs;
}

/** The time a packet spends crossing the balancer. */
export function balancerHopUs(s: SimState): number {
  const { balancer, network } = s.config;
  return (balancer.mode === 'l7' ? network.l7HopMs : network.l4HopMs) * US;
}

/** L7 opens (or reuses) its own backend connection; L4 forwards the client's. */
export function backendConnectUs(s: SimState): number {
  const { balancer, clients } = s.config;
  if (balancer.mode === 'l4') return 0;
  if (balancer.backendPooling && clients.protocol !== 'websocket') return 0;
  return openBackendConnection(s);
}

/** An L7 balancer connects to the backend: one round trip, more with re-encryption (TLS). */
function openBackendConnection(s: SimState): number {
  const { balancer, network, clients } = s.config;
  s.totals.backendConnectionsOpened++;
  const tls = balancer.tls === 'reencrypt';
  if (tls) {
    s.totals.handshakesAtBackends++;
    s.totals.lbCpuUs += TLS_HANDSHAKE_CPU_US;
  }
  return network.backendRttMs * US * (tls ? (clients.tlsVersion === '1.3' ? 2 : 3) : 1);
}

/** From the backend back to the client: through the balancer (L7, L4 NAT) or around it (DSR). */
export function returnUs(s: SimState, viaBalancer: boolean): number {
  const { network } = s.config;
  return (network.backendRttMs * US) / 2 + (viaBalancer ? balancerHopUs(s) : 0) + (network.clientRttMs * US) / 2;
}

/** Opening a connection: the TCP (and TLS) handshake packets of both sides. */
export function countHandshake(s: SimState): void {
  tally(s, s.wire.handshake, 0);
}

/** A request goes out; the server's ACK for it comes back (sizes worked out per template). */
export function countRequest(s: SimState, template: number): void {
  tally(s, s.wire.request, template);
}

/** A response comes back; the client's ACKs for it go out. */
export function countResponse(s: SimState, template: number): void {
  tally(s, s.wire.response, template);
}

/** Adds entry `i` of a precomputed tally to the traffic counters (see `model/wire.ts`). */
function tally(s: SimState, d: Tally, i: number): void {
  const t = s.totals;
  const w = s.wire;
  t.trafficBytes += d.traffic[i] as number;
  const bytes = d.balancerBytes[i] as number;
  t.lbBytesIn += bytes;
  t.lbBytesOut += bytes;
  if (w.l4) t.lbCpuUs += d.balancerCpuUs[i] as number;
  if (w.tier) {
    t.frontTierBytes += d.tierBytes[i] as number;
    t.frontTierCpuUs += d.tierCpuUs[i] as number;
  }
}
