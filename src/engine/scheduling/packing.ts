/**
 * Placement as bin packing: servers of a fixed capacity, items (pods, jobs) of given sizes, and
 * the question how many servers are needed. First-fit decreasing is the greedy answer.
 */

/** First-fit decreasing: largest item first, each into the first server it fits. Returns the bins' contents. */
export function firstFitDecreasing(items: readonly number[], capacity: number): number[][] {
  const bins: number[][] = [];
  const free: number[] = [];
  for (const item of [...items].sort((a, b) => b - a)) {
    const at = free.findIndex((room) => room >= item);
    if (at >= 0) {
      bins[at]!.push(item);
      free[at]! -= item;
    } else {
      bins.push([item]);
      free.push(capacity - item);
    }
  }
  return bins;
}

/** The fewest bins that hold `items`, by exhaustive search (small instances only, a dozen items). */
export function optimalBinCount(items: readonly number[], capacity: number): number {
  const sorted = [...items].sort((a, b) => b - a);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  const floor = Math.ceil(total / capacity);
  let best = firstFitDecreasing(sorted, capacity).length;
  const free: number[] = [];

  const place = (i: number): void => {
    if (free.length >= best) return;
    if (i === sorted.length) {
      best = free.length;
      return;
    }
    const item = sorted[i]!;
    const tried = new Set<number>();
    for (let b = 0; b < free.length; b++) {
      // Bins with the same room left are interchangeable for what follows.
      if (free[b]! < item || tried.has(free[b]!)) continue;
      tried.add(free[b]!);
      free[b]! -= item;
      place(i + 1);
      free[b]! += item;
      if (best <= floor) return;
    }
    free.push(capacity - item);
    place(i + 1);
    free.pop();
  };
  place(0);
  return best;
}
