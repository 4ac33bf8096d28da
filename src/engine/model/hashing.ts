/**
 * Key → backend tables: a hash ring with virtual nodes (Ketama-style) and Maglev. Each
 * table is built for one candidate list and answers `lookup(key)` with an index into it. Names, not
 * positions, feed the hashes, so a backend keeps its place when others come and go.
 */
import { hashString } from '../core/hash.ts';

export interface HashTable {
  lookup(key: number): number;
}

export interface HashMember {
  name: string;
  weight: number;
}

/** Ring hash: each member owns `vnodes × weight` points; a key goes to the next point clockwise. */
export function ringTable(members: HashMember[], vnodes: number): HashTable {
  const points: { at: number; owner: number }[] = [];
  members.forEach((member, owner) => {
    const count = Math.max(1, Math.round(vnodes * Math.max(member.weight, 0)));
    if (member.weight <= 0) return;
    for (let v = 0; v < count; v++) points.push({ at: hashString(`${member.name}#${v}`), owner });
  });
  points.sort((a, b) => a.at - b.at || a.owner - b.owner);
  const at = Uint32Array.from(points, (p) => p.at);
  const owner = Int32Array.from(points, (p) => p.owner);
  return {
    lookup(key) {
      if (at.length === 0) return -1;
      const k = key >>> 0;
      let lo = 0;
      let hi = at.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((at[mid] as number) < k) lo = mid + 1;
        else hi = mid;
      }
      return owner[lo === at.length ? 0 : lo] as number;
    },
  };
}

/**
 * Maglev (Eisenbud et al., NSDI 2016, §3.4): every member walks its own permutation of a prime-size
 * table, the members taking turns to claim their next free slot. Weights scale how many turns a
 * member takes.
 */
export function maglevTable(members: HashMember[], size: number): HashTable {
  const table = new Int32Array(size).fill(-1);
  const live = members.map((m, i) => ({ ...m, i })).filter((m) => m.weight > 0);
  if (live.length > 0) {
    const offset = live.map((m) => hashString(m.name, 0x2c9277b5) % size);
    const skip = live.map((m) => (hashString(m.name, 0x5bd1e995) % (size - 1)) + 1);
    const next = new Array<number>(live.length).fill(0);
    const maxWeight = Math.max(...live.map((m) => m.weight));
    const credit = new Array<number>(live.length).fill(0);
    let filled = 0;
    while (filled < size) {
      for (let j = 0; j < live.length && filled < size; j++) {
        credit[j]! += (live[j] as HashMember).weight / maxWeight;
        if ((credit[j] as number) < 1) continue;
        credit[j]! -= 1;
        let slot = ((offset[j] as number) + (next[j] as number) * (skip[j] as number)) % size;
        while (table[slot] !== -1) {
          next[j]! += 1;
          slot = ((offset[j] as number) + (next[j] as number) * (skip[j] as number)) % size;
        }
        table[slot] = (live[j] as { i: number }).i;
        next[j]! += 1;
        filled++;
      }
    }
  }
  return { lookup: (key) => (live.length === 0 ? -1 : (table[(key >>> 0) % size] as number)) };
}
