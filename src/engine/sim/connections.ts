/**
 * Client connections: opening one (a fresh ephemeral port and connection id), closing it, and
 * resetting the flows pinned to a backend the balancer stopped trusting. The per-client arrays
 * they work on are the balancer's connection-tracking table; they live in `SimState`.
 */
import { mix32 } from '../core/hash.ts';
import type { SimState } from './state.ts';

/** The flow's hash key (client address and port), for picks made once per connection. */
export function flowKey(s: SimState, c: number): number {
  return mix32((s.population.ipKey[c] as number) ^ mix32(s.connPort[c] as number));
}

/** Closes client `c`'s connection, if any, and opens a new one that carries `requests` requests. */
export function openConnection(s: SimState, c: number, requests: number): void {
  closeConnection(s, c);
  s.connOpen[c] = 1;
  s.connLeft[c] = requests;
  // The next ephemeral port: a hash, not a random draw, so opening connections never shifts
  // the arrival or balancing streams.
  const portStep = 1 + (mix32(c ^ Math.imul(s.nextConnectionId, 0x9e3779b9)) % 97);
  s.connPort[c] = 49152 + (((s.connPort[c] as number) - 49152 + portStep) % 16384);
  s.connId[c] = s.nextConnectionId++;
  s.totals.connectionsOpened++;
}

/** Closes client `c`'s connection (if open), releasing its backend and front-tier proxy. */
export function closeConnection(s: SimState, c: number): void {
  if (s.connOpen[c] === 0) return;
  const b = s.connBackend[c] as number;
  if (b >= 0) s.openConns[b]!--;
  if (s.config.frontTier) {
    const p = s.connProxy[c] as number;
    if (p >= 0) s.proxyConnections[p]!--;
  }
  s.connBackend[c] = -1;
  s.connOpen[c] = 0;
}

/** Resets the flows pinned to a backend the balancer stopped trusting (GCP NEVER_PERSIST). */
export function dropConnectionsTo(s: SimState, b: number): void {
  for (let c = 0; c < s.config.clients.count; c++) {
    if (s.connBackend[c] === b) closeConnection(s, c);
  }
}
