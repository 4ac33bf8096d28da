import { formatMeasure } from '../../lib/format-measure';
import type { InlineDirectiveNode } from '../tree';
import { useRenderContext } from './render-context';

/**
 * `:measure{id}`: a number the engine measured when the course was built, formatted for the
 * student's language the same way quizzes and widgets format it.
 */
export function Measure({ node }: { node: InlineDirectiveNode }) {
  const { lang } = useRenderContext();
  if (!node.measured) return null;
  return (
    <span className="measured" data-measure={node.attrs.id}>
      {formatMeasure(node.measured.value, node.measured.format, lang)}
    </span>
  );
}
