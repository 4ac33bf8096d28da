import { Fragment } from 'react';
import { Link } from 'react-router';
import { glossaryPath, lessonPath } from '../../lib/paths';
import type { InlineNode } from '../tree';
import { useRenderContext } from './render-context';

/** Renders compiled inline nodes. Keys are indices: the tree is static for a given lesson. */
export function Inlines({ nodes }: { nodes: InlineNode[] }) {
  return (
    <>
      {nodes.map((node, i) => (
        <Fragment key={i}>
          <InlineNodeView node={node} />
        </Fragment>
      ))}
    </>
  );
}

function InlineNodeView({ node }: { node: InlineNode }) {
  const { lang, directives } = useRenderContext();
  switch (node.t) {
    case 'text':
      return node.v;
    case 'em':
      return (
        <em>
          <Inlines nodes={node.c} />
        </em>
      );
    case 'strong':
      return (
        <strong>
          <Inlines nodes={node.c} />
        </strong>
      );
    case 'del':
      return (
        <del>
          <Inlines nodes={node.c} />
        </del>
      );
    case 'code':
      return <code>{node.v}</code>;
    case 'br':
      return <br />;
    case 'link':
      return (
        <a href={node.href} rel="noopener noreferrer">
          <Inlines nodes={node.c} />
        </a>
      );
    case 'lessonLink':
      return (
        <Link to={lessonPath(lang, node.lesson, node.anchor)}>
          <Inlines nodes={node.c} />
        </Link>
      );
    case 'anchorLink':
      return (
        <a href={`#${node.anchor}`}>
          <Inlines nodes={node.c} />
        </a>
      );
    case 'glossaryLink':
      return (
        <Link to={glossaryPath(lang, node.term)}>
          <Inlines nodes={node.c} />
        </Link>
      );
    case 'inlineDirective':
      return <directives.Inline node={node} />;
  }
}
