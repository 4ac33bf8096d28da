/**
 * Slow start (`balancer.slowStartMs`): a server that joins the pool, or comes back to healthy (an
 * active health check's recovery, or a revive the checks had not noticed), gets a share of its
 * weight that ramps up over the window, so a cold server (empty caches, JIT not warm, connection
 * pools not filled) is not handed its full share at once. The factor is Envoy's with the default
 * aggression 1 and `min_weight_percent` 10: max(0.1, time in window / window) [ENVOY slow start];
 * AWS ALB ramps linearly over a slow start duration of 30 s–15 min. Servers in the scenario at time
 * zero start in full service.
 *
 * The factor moves in RAMP_STEPS steps, one queue event each, so the hot path only reads
 * `slowStartFactor`; `membershipVersion` is bumped only when a ramp starts or ends (the pool's
 * `ramping` flag, which selects the weighted pick paths, is cached with its candidate list).
 */
import { SLOW_START, US, type SimState } from './state.ts';

/** Envoy's `min_weight_percent` default: a ramp starts at a tenth of the weight. */
export const MIN_WEIGHT_FACTOR = 0.1;
/** Steps per window (one queue event each while a server ramps, none otherwise). */
export const RAMP_STEPS = 20;

/** The share of its weight a server gets `elapsedUs` into a ramp of `windowUs`. */
export function rampFactor(elapsedUs: number, windowUs: number): number {
  return Math.max(MIN_WEIGHT_FACTOR, Math.min(1, elapsedUs / windowUs));
}

/** Backend `b` starts (or restarts) its ramp now; nothing happens while slow start is off. */
export function startRamp(s: SimState, b: number): void {
  if (s.config.balancer.slowStartMs <= 0) return;
  s.rampStartUs[b] = s.nowUs;
  s.membershipVersion++;
  advanceRamp(s, b);
}

/** A ramp step came due; a step left over from an earlier ramp (or window) is ignored. */
export function rampStep(s: SimState, b: number): void {
  if (s.rampStartUs[b]! < 0 || s.nowUs !== s.rampNextUs[b]) return;
  advanceRamp(s, b);
}

/** `balancer.slowStartMs` changed live: ramps under way go on with the new window (or end, at 0). */
export function retimeRamps(s: SimState): void {
  for (let b = 0; b < s.backends.length; b++) if ((s.rampStartUs[b] as number) >= 0) advanceRamp(s, b);
  s.membershipVersion++;
}

/** Sets `b`'s factor for now and schedules its next step, or ends the ramp. */
function advanceRamp(s: SimState, b: number): void {
  const windowUs = s.config.balancer.slowStartMs * US;
  const startUs = s.rampStartUs[b] as number;
  const elapsedUs = s.nowUs - startUs;
  if (windowUs <= 0 || elapsedUs >= windowUs || s.backends[b]!.removed) {
    s.slowStartFactor[b] = 1;
    s.rampStartUs[b] = -1;
    s.rampNextUs[b] = -1;
    s.membershipVersion++;
    return;
  }
  s.slowStartFactor[b] = rampFactor(elapsedUs, windowUs);
  // Whole µs (the queue's clock), rounded up so the last step lands at or after the window's end.
  const next = Math.max(s.nowUs + 1, Math.ceil(Math.min(startUs + windowUs, s.nowUs + windowUs / RAMP_STEPS)));
  s.rampNextUs[b] = next;
  s.queue.push(next, SLOW_START, b);
}
