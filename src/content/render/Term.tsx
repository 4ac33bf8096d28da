import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { glossaryPath } from '../../lib/paths';
import type { BlockNode, InlineDirectiveNode } from '../tree';
import { inlineTextOf } from './text';
import { Inlines } from './Inlines';
import { useRenderContext } from './render-context';

/**
 * `:term[SNI]{id="sni"}`: the term stays in the sentence as a button; activating it opens a
 * non-modal popover with the definition (disclosure pattern: Escape or a click outside closes it
 * and focus returns to the term).
 */
export function Term({ node }: { node: InlineDirectiveNode }) {
  const { lang, terms, labels } = useRenderContext();
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const rootRef = useRef<HTMLSpanElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const id = node.attrs.id ?? '';
  const entry = terms[id];

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      triggerRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  if (!entry) return <Inlines nodes={node.c} />;
  const close = () => {
    setOpen(false);
    triggerRef.current?.focus();
  };
  return (
    <span className="term" ref={rootRef}>
      <button
        type="button"
        ref={triggerRef}
        className="term__trigger"
        aria-expanded={open}
        aria-controls={popoverId}
        aria-label={labels.showDefinition(inlineTextOf(node.c))}
        onClick={() => setOpen((value) => !value)}
      >
        <Inlines nodes={node.c} />
      </button>
      {/* The popover's content is rendered only while open: a lesson has dozens of terms, and
          their hidden definitions and links were a good part of the cost of showing a lesson. */}
      <span id={popoverId} className="term__popover" hidden={!open}>
        {open && (
          <>
            <span className="term__title">{entry.title}</span>
            <DefinitionText blocks={entry.definition} />
            <span className="term__actions">
              <Link to={glossaryPath(lang, id)}>{labels.openInGlossary}</Link>
              <button type="button" className="term__close" onClick={close}>
                {labels.close}
              </button>
            </span>
          </>
        )}
      </span>
    </span>
  );
}

/**
 * The popover sits inside a paragraph, where <p> is not allowed, so each definition block is a
 * block-level <span>.
 */
export function DefinitionText({ blocks }: { blocks: BlockNode[] }) {
  return (
    <>
      {blocks.map((block, i) =>
        block.t === 'p' ? (
          <span className="term__para" key={i}>
            <Inlines nodes={block.c} />
          </span>
        ) : null,
      )}
    </>
  );
}
