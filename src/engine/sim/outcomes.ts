/**
 * How a request ends and what that changes: a success (latency into three histograms, the session
 * it touched), an answer from the proxy cache, or a failure (which passive health checking counts
 * and may eject the backend for). Also the two draws that decide an outcome without a backend's
 * help: cache hits (a hash of the request id) and a gray backend's errors (the fault stream).
 */
import { bucketOf } from '../core/histogram.ts';
import { mix32 } from '../core/hash.ts';
import { dropConnectionsTo } from './connections.ts';
import { balancerHopUs, countRequest, countResponse } from './costs.ts';
import { COLUMN_ERRORS, PER_BACKEND, US, type SimState } from './state.ts';

/** Whether a request's response is in the proxy cache: a property of the request, not a draw. */
export function isCacheHit(s: SimState, r: number): boolean {
  const id = s.req.id[r] as number;
  return mix32(id ^ s.cacheSalt) / 4294967296 < s.config.balancer.cache.hitRatio;
}

/** A gray backend fails a share of what it serves (all of it by default), drawn from the fault stream. */
export function grayFails(s: SimState, b: number): boolean {
  const rate = s.backends[b]!.config.grayErrorRate;
  return rate >= 1 || s.random.faults.next() < rate;
}

/** A response reached the client after `latencyUs`: record it for the run, the backend and the window. */
export function recordSuccess(s: SimState, r: number, b: number, latencyUs: number): void {
  const bucket = bucketOf(latencyUs);
  s.latency.recordIn(bucket, latencyUs);
  s.backends[b]!.histogram.recordIn(bucket, latencyUs);
  s.window.latency[s.window.slot(s.nowUs)]!.recordIn(bucket, latencyUs);
  s.totals.completed++;
  s.perBackend.completed[b]!++;
  s.outstanding[b]!--;
  s.passiveErrors[b] = 0;
  trackSession(s, s.req.client[r] as number, b);
}

/** The proxy answers from its cache: both directions cross it and no backend is involved. */
export function finishCacheHit(s: SimState, r: number, setupUs: number): void {
  const latencyUs = setupUs + s.config.network.clientRttMs * US + balancerHopUs(s);
  countRequest(s, s.req.template[r] as number);
  countResponse(s, s.req.template[r] as number);
  s.latency.record(latencyUs);
  s.window.latency[s.window.slot(s.nowUs)]!.record(latencyUs);
  s.totals.completed++;
  s.totals.cacheHits++;
  s.req.release(r);
}

/** Request `r` failed at backend `b` (-1: the balancer answered 503 itself). */
export function fail(s: SimState, r: number, b: number): void {
  s.totals.failed++;
  if (b >= 0) {
    s.perBackend.errors[b]!++;
    s.outstanding[b]!--;
    s.window.data[s.window.slot(s.nowUs)]![b * PER_BACKEND + COLUMN_ERRORS]! += 1;
    const passive = s.config.health.passive;
    if (passive) {
      s.passiveErrors[b]!++;
      if ((s.passiveErrors[b] as number) >= passive.consecutiveErrors) {
        s.ejectedUntil[b] = s.nowUs + passive.ejectionMs * US;
        s.nextEjectionExpiryUs = Math.min(s.nextEjectionExpiryUs, s.ejectedUntil[b] as number);
        s.membershipVersion++;
        s.passiveErrors[b] = 0;
        dropConnectionsTo(s, b);
      }
    }
  }
  s.req.release(r);
}

/** With in-memory sessions, a user served by another backend than last time loses its session. */
function trackSession(s: SimState, c: number, b: number): void {
  if (s.config.sessions !== 'memory') return;
  const holder = s.sessionBackend[c] as number;
  if (holder >= 0 && holder !== b) s.totals.sessionsLost++;
  s.sessionBackend[c] = b;
}

/** In-memory sessions die with their server; a shared store keeps them. */
export function loseSessionsOn(s: SimState, b: number): void {
  if (s.config.sessions !== 'memory') return;
  for (let c = 0; c < s.config.clients.count; c++) {
    if (s.sessionBackend[c] === b) {
      s.sessionBackend[c] = -1;
      s.totals.sessionsLost++;
    }
  }
}
