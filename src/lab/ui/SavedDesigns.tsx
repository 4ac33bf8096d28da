/**
 * Designs saved under names in this browser (their own store, validated and backed up like the
 * learner's progress). Deleting one can be undone until the next delete.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabDoc } from '../design';
import { useLabDesigns, type RemovalUndo } from '../designs-store';

export function SavedDesigns({ doc, onLoad }: { doc: LabDoc; onLoad: (doc: LabDoc) => void }) {
  const { t, i18n } = useTranslation();
  const designs = useLabDesigns((s) => s.designs);
  const save = useLabDesigns((s) => s.save);
  const remove = useLabDesigns((s) => s.remove);
  const restore = useLabDesigns((s) => s.restore);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const [removed, setRemoved] = useState<RemovalUndo | null>(null);
  const nameId = useId();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const onSave = () => {
    const result = save(name, doc);
    if (!result.ok) return setStatus(t(`lab.saved.error.${result.reason}`));
    setStatus(t(result.replaced ? 'lab.saved.replaced' : 'lab.saved.saved', { name: result.name }));
    setName('');
  };

  return (
    <div className="lab-saved" role="group" aria-label={t('lab.saved.title')}>
      <form
        className="lab-toolbar__row"
        onSubmit={(e) => {
          e.preventDefault();
          onSave();
        }}
      >
        <div className="lab-field">
          <label htmlFor={nameId}>{t('lab.saved.name')}</label>
          <input
            id={nameId}
            type="text"
            value={name}
            maxLength={60}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            data-save-name
          />
        </div>
        <button type="submit" className="button button--quiet" data-save>
          {t('lab.saved.save')}
        </button>
      </form>
      <p className="lab__status" role="status">
        {status}
        {removed && (
          <>
            {' '}
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                const restored = restore(removed);
                setRemoved(null);
                setStatus(
                  restored.ok
                    ? t('lab.saved.restored', { name: removed.design.name })
                    : t(`lab.saved.error.${restored.reason}`),
                );
              }}
            >
              {t('lab.saved.undoDelete')}
            </button>
          </>
        )}
      </p>
      {designs.length > 0 && (
        <details className="lab-saved__list">
          <summary>{t('lab.saved.list', { count: designs.length })}</summary>
          <ul>
            {designs.map((d) => (
              <li key={d.name} data-saved-design={d.name}>
                <span className="lab-saved__name">{d.name}</span>{' '}
                <span className="lab-saved__date">{date.format(d.savedAt)}</span>{' '}
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => {
                    onLoad(d.doc);
                    setStatus(t('lab.saved.opened', { name: d.name }));
                  }}
                  aria-label={t('lab.saved.openLabel', { name: d.name })}
                >
                  {t('lab.saved.open')}
                </button>{' '}
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => {
                    const token = remove(d.name);
                    if (token) setRemoved(token);
                    setStatus(t('lab.saved.deleted', { name: d.name }));
                  }}
                  aria-label={t('lab.saved.deleteLabel', { name: d.name })}
                >
                  {t('lab.saved.delete')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
