import type { BlockNode } from '../tree';

export interface SectionGroup {
  /** The id of the `##` heading that opens the group; undefined for text before the first one. */
  id: string | undefined;
  blocks: BlockNode[];
}

/** Splits a lesson body at its `##` headings, so each section can be its own <section>. */
export function groupSections(body: BlockNode[]): SectionGroup[] {
  const groups: SectionGroup[] = [];
  for (const block of body) {
    const opensSection = block.t === 'heading' && block.depth === 2;
    const last = groups[groups.length - 1];
    if (opensSection || !last) groups.push({ id: opensSection ? block.id : undefined, blocks: [block] });
    else last.blocks.push(block);
  }
  return groups;
}

/**
 * A rough render cost per block, so a long lesson can be rendered in slices of similar cost: a
 * quiz is many elements and a React component per option, a paragraph is one element.
 */
export function blockCost(block: BlockNode): number {
  switch (block.t) {
    case 'directive':
      return block.name === 'quiz' ? 8 : block.name === 'reflection' ? 4 : 2;
    case 'table':
      return 1 + Math.ceil(block.rows.length / 2);
    case 'list':
      return 1 + Math.ceil(block.items.length / 2);
    default:
      return 1;
  }
}

/**
 * The lesson as far as `budget` reaches, in whole blocks and in order (at least one block);
 * `complete` once every block is in.
 */
export function takeBudget(groups: SectionGroup[], budget: number): { groups: SectionGroup[]; complete: boolean } {
  const out: SectionGroup[] = [];
  let left = budget;
  for (const group of groups) {
    const blocks: BlockNode[] = [];
    for (const block of group.blocks) {
      if (left <= 0 && (blocks.length > 0 || out.length > 0)) {
        if (blocks.length > 0) out.push({ id: group.id, blocks });
        return { groups: out, complete: false };
      }
      blocks.push(block);
      left -= blockCost(block);
    }
    // A whole section keeps its original array, so memoised sections skip re-rendering as later
    // slices arrive (otherwise every slice would re-render the lesson so far).
    out.push(group);
  }
  return { groups: out, complete: true };
}
