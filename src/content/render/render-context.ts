import { createContext, useContext, type ComponentType } from 'react';
import type { Lang } from '../../lib/lang';
import type { BlockDirectiveNode, GlossaryEntry, InlineDirectiveNode } from '../tree';

/**
 * How directives render, handed down from the page: the block and inline renderers reach the
 * directive components through here instead of importing them, so the recursive renderer
 * (blocks → a callout → blocks) has no import cycle.
 */
export interface DirectiveRenderers {
  Inline: ComponentType<{ node: InlineDirectiveNode }>;
  Block: ComponentType<{ node: BlockDirectiveNode }>;
}

export interface RenderContextValue {
  lang: Lang;
  /** The lesson being rendered (progress is recorded against it); null outside lessons. */
  lessonId: string | null;
  /** Glossary definitions available to `:term` popovers on this page. */
  terms: Record<string, GlossaryEntry>;
  /** The misconceptions this page's quiz options stand for. */
  misconceptions: Record<string, GlossaryEntry>;
  /**
   * UI labels that repeat on every heading and term, translated once per page: calling i18next for
   * each of hundreds of nodes measurably slowed the first render of a long lesson.
   */
  labels: RenderLabels;
  directives: DirectiveRenderers;
}

export interface RenderLabels {
  sectionLink: string;
  showDefinition: (term: string) => string;
  openInGlossary: string;
  close: string;
  widgetLoading: string;
  /** The visible kind of each callout (note, warning, production). */
  callout: Record<'note' | 'warning' | 'production', string>;
}

export const RenderContext = createContext<RenderContextValue | null>(null);

export function useRenderContext(): RenderContextValue {
  const value = useContext(RenderContext);
  if (!value) throw new Error('useRenderContext must be used inside <RenderContext.Provider>');
  return value;
}
