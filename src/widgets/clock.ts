/**
 * Maps wall-clock time to simulated time for the animation. One wall second shows `SIM_MS_PER_SECOND`
 * of simulation at 1× speed, so packets that cross a 20 ms link stay visible long enough to follow.
 * Long gaps (a background tab, a breakpoint) are capped, so the simulation never jumps ahead in one
 * giant step (compare matter-js Runner's delta clamp).
 */
export const SIM_MS_PER_SECOND = 40;
export const MAX_FRAME_MS = 100;
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface ClockState {
  /** Simulated milliseconds reached so far. */
  simMs: number;
  lastWallMs: number | null;
}

export function startClock(): ClockState {
  return { simMs: 0, lastWallMs: null };
}

/** Advances the clock to wall time `nowMs`; returns the new simulated time. */
export function tick(clock: ClockState, nowMs: number, speed: number, simMsPerSecond = SIM_MS_PER_SECOND): number {
  if (clock.lastWallMs !== null) {
    const wall = Math.min(Math.max(nowMs - clock.lastWallMs, 0), MAX_FRAME_MS);
    clock.simMs += (wall / 1000) * simMsPerSecond * speed;
  }
  clock.lastWallMs = nowMs;
  return clock.simMs;
}

/** Forgets the last wall time, so resuming after a pause does not count the pause. */
export function pauseClock(clock: ClockState): void {
  clock.lastWallMs = null;
}

/** One "step": a fixed slice of simulated time, for step-by-step viewing and reduced motion. */
export const STEP_SIM_MS = 5;
