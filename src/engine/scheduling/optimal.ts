/**
 * Exact optimum makespan by branch and bound, for instances small enough to search (the property
 * tests use n ≤ 8 jobs on m ≤ 3 servers; a dozen jobs is still instant).
 */
import { lowerBound } from './schedule.ts';

export function optimalMakespan(jobs: readonly number[], servers: number): number {
  const m = Math.max(1, Math.floor(servers));
  const sorted = [...jobs].sort((a, b) => b - a);
  const floor = lowerBound(sorted, m);
  const loads = new Array<number>(m).fill(0);
  let best = Infinity;

  const place = (i: number, current: number): void => {
    if (current >= best) return;
    if (i === sorted.length) {
      best = current;
      return;
    }
    const size = sorted[i]!;
    const tried = new Set<number>();
    for (let s = 0; s < m; s++) {
      // Servers with equal loads are interchangeable: trying one of them is enough.
      if (tried.has(loads[s]!)) continue;
      tried.add(loads[s]!);
      loads[s]! += size;
      place(i + 1, Math.max(current, loads[s]!));
      loads[s]! -= size;
      if (best <= floor) return;
    }
  };
  place(0, 0);
  return best === Infinity ? 0 : best;
}
