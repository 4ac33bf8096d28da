import { createContext, useContext } from 'react';
import type { GlossaryEntry, Lang } from '../tree';

export interface RenderContextValue {
  lang: Lang;
  /** The lesson being rendered (progress is recorded against it); null outside lessons. */
  lessonId: string | null;
  /** Glossary definitions available to `:term` popovers on this page. */
  terms: Record<string, GlossaryEntry>;
  /**
   * UI labels that repeat on every heading and term, translated once per page: calling i18next for
   * each of hundreds of nodes measurably slowed the first render of a long lesson.
   */
  labels: RenderLabels;
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
