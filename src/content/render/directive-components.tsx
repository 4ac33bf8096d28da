/**
 * The component half of the directive registry (`../directives.ts` holds the schemas). The mapped
 * type makes this exhaustive: registering an available directive without a component, or a
 * component for an unknown name, fails the typecheck.
 */
import type { ComponentType } from 'react';
import type { AvailableDirectiveName } from '../directives';
import type { BlockDirectiveNode, InlineDirectiveNode } from '../tree';
import type { DirectiveRenderers } from './render-context';
import { QuizAdapter, ReflectionAdapter } from './ActivityAdapters';
import { Callout } from './Callout';
import { Measure } from './Measure';
import { PacketFlowAdapter } from './PacketFlowAdapter';
import { BallsAdapter, GanttAdapter } from './SchedulingAdapters';
import { Term } from './Term';

export type DirectiveComponent =
  | { form: 'inline'; component: ComponentType<{ node: InlineDirectiveNode }> }
  | { form: 'block'; component: ComponentType<{ node: BlockDirectiveNode }> };

export const DIRECTIVE_COMPONENTS: Record<AvailableDirectiveName, DirectiveComponent> = {
  term: { form: 'inline', component: Term },
  measure: { form: 'inline', component: Measure },
  note: { form: 'block', component: Callout },
  warning: { form: 'block', component: Callout },
  production: { form: 'block', component: Callout },
  quiz: { form: 'block', component: QuizAdapter },
  reflection: { form: 'block', component: ReflectionAdapter },
  'packet-flow': { form: 'block', component: PacketFlowAdapter },
  gantt: { form: 'block', component: GanttAdapter },
  balls: { form: 'block', component: BallsAdapter },
};

function lookup(name: string): DirectiveComponent | undefined {
  return Object.prototype.hasOwnProperty.call(DIRECTIVE_COMPONENTS, name)
    ? DIRECTIVE_COMPONENTS[name as AvailableDirectiveName]
    : undefined;
}

/** The build rejects unknown directives, so a miss here means stale content: render nothing. */
export function InlineDirective({ node }: { node: InlineDirectiveNode }) {
  const entry = lookup(node.name);
  if (entry?.form !== 'inline') return null;
  const Component = entry.component;
  return <Component node={node} />;
}

export function BlockDirective({ node }: { node: BlockDirectiveNode }) {
  const entry = lookup(node.name);
  if (entry?.form !== 'block') return null;
  const Component = entry.component;
  return <Component node={node} />;
}

/** What a page puts in its render context, so blocks and inlines can render directives. */
export const DIRECTIVE_RENDERERS: DirectiveRenderers = { Inline: InlineDirective, Block: BlockDirective };
