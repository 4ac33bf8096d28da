import { createContext, useContext } from 'react';
import type { GlossaryEntry, Lang } from '../tree';

export interface RenderContextValue {
  lang: Lang;
  /** Glossary definitions available to `:term` popovers on this page. */
  terms: Record<string, GlossaryEntry>;
}

export const RenderContext = createContext<RenderContextValue | null>(null);

export function useRenderContext(): RenderContextValue {
  const value = useContext(RenderContext);
  if (!value) throw new Error('useRenderContext must be used inside <RenderContext.Provider>');
  return value;
}
