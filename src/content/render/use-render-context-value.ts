import { useMemo } from 'react';
import type { Lang } from '../../lib/lang';
import type { GlossaryEntry } from '../tree';
import { DIRECTIVE_RENDERERS } from './directive-components';
import type { RenderContextValue } from './render-context';
import { useRenderLabels } from './use-render-labels';

/** What a page hands to compiled content: its language, lesson, terms, labels and directive renderers. */
export function useRenderContextValue(
  lang: Lang,
  lessonId: string | null,
  terms: Record<string, GlossaryEntry>,
  misconceptions: Record<string, GlossaryEntry> = NONE,
): RenderContextValue {
  const labels = useRenderLabels();
  return useMemo(
    () => ({ lang, lessonId, terms, misconceptions, labels, directives: DIRECTIVE_RENDERERS }),
    [lang, lessonId, terms, misconceptions, labels],
  );
}

const NONE: Record<string, GlossaryEntry> = {};
