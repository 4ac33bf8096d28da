import { Fragment } from 'react';
import type { BlockNode, InlineNode, TableAlign } from '../tree';
import { Inlines } from './Inlines';
import { useRenderContext } from './render-context';

export function Blocks({ nodes }: { nodes: BlockNode[] }) {
  return (
    <>
      {nodes.map((node, i) => (
        <Fragment key={i}>
          <BlockNodeView node={node} />
        </Fragment>
      ))}
    </>
  );
}

function BlockNodeView({ node }: { node: BlockNode }) {
  switch (node.t) {
    case 'p':
      return (
        <p>
          <Inlines nodes={node.c} />
        </p>
      );
    case 'heading':
      return <SectionHeading depth={node.depth} id={node.id} nodes={node.c} />;
    case 'list': {
      const items = node.items.map((item, i) => (
        <li key={i}>
          <ListItemBody blocks={item} />
        </li>
      ));
      return node.ordered ? <ol start={node.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'pre':
      return (
        // Focusable so keyboard users can scroll long lines.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <pre tabIndex={0} data-lang={node.lang}>
          <code>{node.v}</code>
        </pre>
      );
    case 'blockquote':
      return (
        <blockquote>
          <Blocks nodes={node.c} />
        </blockquote>
      );
    case 'table': {
      // An empty top-left cell means the first column labels the rows (a comparison table):
      // those cells become row headers, so every data cell has both of its headers.
      const rowHeaders = node.head[0]?.length === 0;
      return (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                {node.head.map((cell, i) =>
                  rowHeaders && i === 0 ? (
                    <td key={i} />
                  ) : (
                    <th key={i} scope="col" className={alignClass(node.align[i])}>
                      <Inlines nodes={cell} />
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {node.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    rowHeaders && i === 0 ? (
                      <th key={i} scope="row" className={alignClass(node.align[i])}>
                        <Inlines nodes={cell} />
                      </th>
                    ) : (
                      <td key={i} className={alignClass(node.align[i])}>
                        <Inlines nodes={cell} />
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'hr':
      return <hr />;
    case 'directive':
      return <DirectiveBlock node={node} />;
  }
}

/** A block directive, through the page's directive renderers (see render-context.ts). */
function DirectiveBlock({ node }: { node: Extract<BlockNode, { t: 'directive' }> }) {
  const { directives } = useRenderContext();
  return <directives.Block node={node} />;
}

/** A tight list item is a single paragraph: render it without the <p> margin. */
function ListItemBody({ blocks }: { blocks: BlockNode[] }) {
  const [first] = blocks;
  if (blocks.length === 1 && first?.t === 'p') return <Inlines nodes={first.c} />;
  return <Blocks nodes={blocks} />;
}

function SectionHeading({ depth, id, nodes }: { depth: 2 | 3; id: string; nodes: InlineNode[] }) {
  const { labels } = useRenderContext();
  const Tag = depth === 2 ? 'h2' : 'h3';
  return (
    <Tag id={id} tabIndex={-1} className="section-heading">
      <Inlines nodes={nodes} />{' '}
      <a className="section-heading__anchor" href={`#${id}`} aria-label={labels.sectionLink}>
        #
      </a>
    </Tag>
  );
}

function alignClass(align: TableAlign | undefined): string | undefined {
  return align ? `align-${align}` : undefined;
}
