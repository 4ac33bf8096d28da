import type { InlineNode } from '../tree';

/** Plain text of compiled inline nodes (labels, titles). */
export function inlineTextOf(nodes: InlineNode[]): string {
  return nodes.map((n) => ('v' in n ? n.v : 'c' in n ? inlineTextOf(n.c) : '')).join('');
}
