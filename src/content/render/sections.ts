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
