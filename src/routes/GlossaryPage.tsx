import { useTranslation } from 'react-i18next';
import { useLang } from '../lib/use-lang';
import { loadGlossary } from '../content/course';
import { Blocks } from '../content/render/Blocks';
import { RenderContext } from '../content/render/render-context';
import { useRenderContextValue } from '../content/render/use-render-context-value';
import type { GlossaryEntry } from '../content/tree';
import { useDocumentTitle } from '../lib/use-document-title';
import { useLoader } from '../lib/use-loader';
import { useScrollToHash } from '../lib/use-scroll-to-hash';

export function GlossaryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const glossary = useLoader(`glossary/${lang}`, () => loadGlossary(lang));
  useDocumentTitle(t('glossary.documentTitle'), t('app.name'));
  return (
    <div className="page page--glossary">
      <h1>{t('glossary.heading')}</h1>
      <p className="lead">{t('glossary.intro')}</p>
      {glossary.status === 'loading' && <p role="status">{t('glossary.loading')}</p>}
      {glossary.status === 'failed' && (
        <div role="alert">
          <p>{t('glossary.loadFailed')}</p>
          <button type="button" className="button" onClick={glossary.retry}>
            {t('lesson.retry')}
          </button>
        </div>
      )}
      {glossary.status === 'ready' && <GlossaryList entries={glossary.value} />}
    </div>
  );
}

/** The glossary page marks no terms of its own. */
const NO_TERMS = {};

function GlossaryList({ entries }: { entries: GlossaryEntry[] }) {
  const lang = useLang();
  useScrollToHash(entries);
  const context = useRenderContextValue(lang, null, NO_TERMS);
  return (
    <RenderContext.Provider value={context}>
      <dl className="glossary">
        {entries.map((entry) => (
          <div key={entry.id} className="glossary__entry">
            <dt id={entry.id} tabIndex={-1}>
              {entry.title}
            </dt>
            <dd>
              <Blocks nodes={entry.definition} />
            </dd>
          </div>
        ))}
      </dl>
    </RenderContext.Provider>
  );
}
