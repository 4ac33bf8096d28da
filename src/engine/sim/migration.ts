/**
 * QUIC connection migration (RFC 9000 §9): a client's address changes mid-connection (a phone
 * moves from Wi-Fi to mobile data) and its packets arrive from a new 5-tuple with the same
 * connection ID. Moves are drawn lazily, per connection, from the `mobility` stream: the balancer
 * only learns of a move from the client's next packet, so several moves between two requests are
 * one path change, and a connection that sends nothing costs nothing.
 *
 * What the move does depends on who routes it:
 * - an L7 balancer is the QUIC endpoint itself: it validates the new path and keeps the connection;
 * - an L4 balancer routing by connection ID (QUIC-LB: the server ID is encoded in the CID) sends
 *   the packet to the same server;
 * - an L4 balancer hashing the 5-tuple has no tracking entry for the new tuple and picks again. If
 *   the pick lands on another server, that server does not know the connection ID: the connection
 *   is lost and the client reconnects with a full handshake. If it lands on the same server (about
 *   1/N of the time with N servers behind a hash) the connection survives, by luck.
 *
 * Left out, for simplicity: the time a client takes to notice the loss (a stateless reset or an
 * idle timeout), so a reconnect costs only its handshake, a lower bound; and the front L4 tier of
 * the layered scenario, whose proxy pick stays per connection.
 */
import { pickFromPool, effectiveAlgorithm } from './routing.ts';
import { flowKey } from './connections.ts';
import { US, type SimState } from './state.ts';

/** Draws when client `c`'s address next changes (call when its QUIC connection opens). */
export function scheduleMove(s: SimState, c: number): void {
  s.connMoveAt[c] = s.nowUs + s.mobility.exp((1000 * US) / s.config.clients.migrationPerSecond);
}

/**
 * Client `c` sends on its open QUIC connection: if its address changed since its last packet, the
 * balancer sees the new path now. Returns true when that lost the connection (the caller then
 * opens a new one, whose handshake is the reconnect's cost).
 */
export function moveIfDue(s: SimState, c: number, template: number): boolean {
  const at = s.connMoveAt[c] as number;
  if (at < 0) {
    // The rate was 0 when this connection opened: start its clock now.
    scheduleMove(s, c);
    return false;
  }
  if (at > s.nowUs) return false;
  scheduleMove(s, c);
  s.totals.migrations++;
  // The new path, as the hash sees it: a fresh source port (the address usually changes too;
  // either way the 5-tuple is one the tracking table has never seen).
  s.connPort[c] = 49152 + s.mobility.int(16384);
  const { balancer } = s.config;
  const b = s.connBackend[c] as number;
  if (balancer.mode !== 'l4' || balancer.quicRouting === 'connection-id' || b < 0) return false;
  const poolIndex = s.rules.l4Pool[template] as number;
  const again = poolIndex < 0 ? -1 : pickFromPool(s, poolIndex, effectiveAlgorithm(balancer), flowKey(s, c), c);
  if (again === b) return false;
  s.totals.migrationsLost++;
  s.totals.reconnectHandshakes++;
  return true;
}
