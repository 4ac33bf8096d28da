/**
 * Envoy's panic threshold ([ENVOY-PANIC], fact base §5.2): "if the percentage of available hosts
 * … becomes too low, Envoy will disregard health status and balance amongst all hosts", so that
 * the few survivors of a large failure are not crushed by the whole load and fail in turn. Here the
 * share is taken per pool when its candidate list is rebuilt (`routing.ts`), and the metrics read
 * it again live. Off (threshold 0) by default: then only the all-unhealthy fail open remains.
 */
import type { PoolState, SimState } from './state.ts';

/**
 * A pool's servers that count, and how many of them are healthy: active health checks pass and
 * passive checking has not ejected them. Removed servers do not count. Draining ones count on
 * neither side: they were taken out on purpose (a scale-in or a deploy), not lost to a failure, so
 * a routine drain must not tip a pool into panic, and panic must not send them new work either.
 * Weights do not matter here: weight 0 is an operator's choice, not ill health.
 */
export function poolHealth(s: SimState, pool: PoolState): { healthy: number; total: number } {
  let healthy = 0;
  let total = 0;
  for (const b of pool.backends) {
    const backend = s.backends[b]!;
    if (backend.removed || backend.drain !== null) continue;
    total++;
    if ((s.healthy[b] as boolean) && (s.ejectedUntil[b] as number) <= s.nowUs) healthy++;
  }
  return { healthy, total };
}

/** Whether the pool's healthy share is below the panic threshold (never when it is 0). */
export function inPanic(s: SimState, pool: PoolState): boolean {
  const threshold = s.config.balancer.panicThresholdPercent;
  if (threshold <= 0) return false;
  const { healthy, total } = poolHealth(s, pool);
  return total > 0 && healthy * 100 < threshold * total;
}
