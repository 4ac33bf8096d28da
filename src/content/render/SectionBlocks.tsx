import { Fragment, memo } from 'react';
import type { BlockNode } from '../tree';
import { Blocks } from './Blocks';

/**
 * One `##` section's blocks, with an invisible marker where each section (and `###` subsection)
 * ends: scrolling a marker into view is what "read" means for progress.
 */
export const SectionBlocks = memo(function SectionBlocks({ id, nodes }: { id: string; nodes: BlockNode[] }) {
  const parts: { id: string; blocks: BlockNode[] }[] = [{ id, blocks: [] }];
  for (const node of nodes) {
    if (node.t === 'heading' && node.depth === 3) parts.push({ id: node.id, blocks: [] });
    parts[parts.length - 1]!.blocks.push(node);
  }
  return (
    <>
      {parts.map((part) => (
        <Fragment key={part.id}>
          <Blocks nodes={part.blocks} />
          <span className="section-end" data-section-end={part.id} aria-hidden="true" />
        </Fragment>
      ))}
    </>
  );
});
