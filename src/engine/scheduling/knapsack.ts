/**
 * 0/1 knapsack, where the greedy rule "best value per unit of weight first" can be simply wrong:
 * it has no guarantee at all, unlike list scheduling's 2 − 1/m.
 */

export interface Item {
  weight: number;
  value: number;
}

export interface Packed {
  /** Indexes of the chosen items. */
  chosen: number[];
  weight: number;
  value: number;
}

function packedOf(items: readonly Item[], chosen: number[]): Packed {
  chosen.sort((a, b) => a - b);
  return {
    chosen,
    weight: chosen.reduce((sum, i) => sum + items[i]!.weight, 0),
    value: chosen.reduce((sum, i) => sum + items[i]!.value, 0),
  };
}

/** Greedy by value density: take items in order of value/weight while they fit. */
export function greedyKnapsack(items: readonly Item[], capacity: number): Packed {
  const order = items
    .map((_, i) => i)
    .sort((a, b) => items[b]!.value / items[b]!.weight - items[a]!.value / items[a]!.weight || a - b);
  const chosen: number[] = [];
  let room = capacity;
  for (const i of order) {
    if (items[i]!.weight <= room) {
      chosen.push(i);
      room -= items[i]!.weight;
    }
  }
  return packedOf(items, chosen);
}

/** The best packing, by dynamic programming over integer weights. */
export function optimalKnapsack(items: readonly Item[], capacity: number): Packed {
  const cap = Math.floor(capacity);
  // best[i][w]: the most value from the first i items within weight w.
  const best: number[][] = [new Array<number>(cap + 1).fill(0)];
  items.forEach((item, i) => {
    const row = [...best[i]!];
    for (let w = item.weight; w <= cap; w++) row[w] = Math.max(row[w]!, best[i]![w - item.weight]! + item.value);
    best.push(row);
  });
  const chosen: number[] = [];
  let w = cap;
  for (let i = items.length; i > 0; i--) {
    if (best[i]![w] !== best[i - 1]![w]) {
      chosen.push(i - 1);
      w -= items[i - 1]!.weight;
    }
  }
  return packedOf(items, chosen);
}
