import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderLabels } from './render-context';

const MARKER = '\u0000';

/** Translates the labels that compiled content repeats, once per page and language. */
export function useRenderLabels(): RenderLabels {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => {
      // Interpolate once with a marker, then splice each term in: far cheaper than t() per term.
      const [before = '', after = ''] = t('glossary.showDefinition', { term: MARKER }).split(MARKER);
      return {
        sectionLink: t('lesson.sectionLink'),
        showDefinition: (term: string) => `${before}${term}${after}`,
        openInGlossary: t('glossary.openInGlossary'),
        close: t('glossary.close'),
        widgetLoading: t('widget.loading'),
        callout: { note: t('callout.note'), warning: t('callout.warning'), production: t('callout.production') },
      };
    },
    // `t` changes identity with the language; `lang` makes that explicit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, lang],
  );
}
