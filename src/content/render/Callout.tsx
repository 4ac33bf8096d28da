import { useId } from 'react';
import type { BlockDirectiveNode } from '../tree';
import { Blocks } from './Blocks';
import { Inlines } from './Inlines';
import { useRenderContext } from './render-context';

type CalloutKind = 'note' | 'warning' | 'production';
const ICONS: Record<CalloutKind, string> = { note: 'ℹ', warning: '⚠', production: '⚙' };

/** `:::note`, `:::warning` and `:::production`: an aside with a visible kind, not colour alone. */
export function Callout({ node }: { node: BlockDirectiveNode }) {
  // Labels come from the render context: a lesson has many callouts, and one translation hook each
  // was a noticeable part of rendering it.
  const { labels } = useRenderContext();
  const titleId = useId();
  const kind = node.name as CalloutKind;
  return (
    <aside className={`callout callout--${kind}`} aria-labelledby={titleId}>
      <p className="callout__title" id={titleId}>
        <span className="callout__icon" aria-hidden="true">
          {ICONS[kind]}
        </span>
        {node.label ? (
          <>
            <span className="visually-hidden">{labels.callout[kind]}: </span>
            <Inlines nodes={node.label} />
          </>
        ) : (
          labels.callout[kind]
        )}
      </p>
      <Blocks nodes={node.c} />
    </aside>
  );
}
