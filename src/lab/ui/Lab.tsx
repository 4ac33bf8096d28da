/**
 * The Lab: build a load-balanced system from parts, run it live, change it, break it, and share
 * it. The page holds the design (with undo), hands every change to the live run, and keeps the
 * design, faults and seed in the address bar so a link reproduces the run.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../lib/lang';
import type { LabDoc } from '../design';
import { addFault, addPath, addPool, addRule, parsePath, removeAt, renamePool, setAt } from '../edit';
import { syncLabDesignsAcrossTabs } from '../designs-store';
import { validateDoc, type FieldError } from '../validate';
import type { TryEdit } from './fields';
import { FaultsForm } from './FaultsForm';
import { LabForm } from './LabForm';
import { LabNotices, type Notice } from './LabNotices';
import { LabRun } from './LabRun';
import { LabToolbar } from './LabToolbar';
import type { ListEdit } from './list-edit';
import { readStartingDoc } from './starting-doc';
import { useDesignHistory } from './use-design-history';
import { useLabRun } from './use-lab-run';
import { useLabUrl } from './use-lab-url';
import './lab.css';

/** Field paths the validator names from the doc's root; all others live under `design`. */
const ROOT_FIELDS = /^(seed|faults)(\.|$)/;
const docPath = (path: string) => (ROOT_FIELDS.test(path) ? parsePath(path) : ['design', ...parsePath(path)]);

export default function Lab({ lang, reducedMotion }: { lang: Lang; reducedMotion: boolean }) {
  const { t } = useTranslation();
  const [start] = useState(() => readStartingDoc(window.location.search));
  const [notices, setNotices] = useState<Notice[]>(start.notices);
  const design = useDesignHistory(start.doc);
  const { loop, version, apply, restart } = useLabRun(start.doc);
  const urlState = useLabUrl(lang, design.doc);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => syncLabDesignsAcrossTabs(), []);

  const change = useCallback(
    (next: LabDoc, key?: string) => {
      design.commit(next, key);
      const outcome = apply(next);
      if (outcome === 'restart') setAnnouncement(t('lab.run.restarted'));
      else if (outcome === 'live') setAnnouncement(t('lab.run.appliedLive'));
    },
    [design, apply, t],
  );

  const onEdit: TryEdit = useCallback(
    (path, value) => {
      const doc = design.doc;
      const pool = /^pools\.(\d+)\.id$/.exec(path);
      const next = pool ? renamePool(doc, Number(pool[1]), String(value)) : setAt(doc, docPath(path), value);
      const errors = validateDoc(next);
      if (errors.size > 0) {
        const own = errors.get(path);
        if (own) return own;
        const [at, error] = [...errors.entries()][0] as [string, FieldError];
        return { ...error, at };
      }
      change(next, path);
      return null;
    },
    [design.doc, change],
  );

  const onList: ListEdit = useCallback(
    (op, list, index = 0) => {
      const doc = design.doc;
      const next =
        op === 'remove'
          ? removeAt(doc, ROOT_FIELDS.test(list) ? list : `design.${list}`, index)
          : list === 'paths'
            ? addPath(doc)
            : list === 'l7.rules'
              ? addRule(doc)
              : list === 'pools'
                ? addPool(doc)
                : addFault(doc);
      const errors = validateDoc(next);
      if (errors.size > 0) {
        // Removing a pool that rules or faults still name, say: say why instead of breaking them.
        setNotices((n) => [
          ...n.filter((x) => x.code !== 'listRefused'),
          { code: 'listRefused', fields: [...errors.keys()] },
        ]);
        return;
      }
      change(next);
    },
    [design.doc, change],
  );

  const load = useCallback(
    (doc: LabDoc) => {
      design.replace(doc);
      apply(doc);
      setAnnouncement(t('lab.run.restarted'));
    },
    [design, apply, t],
  );
  const move = useCallback(
    (direction: 'undo' | 'redo') => {
      const doc = design.move(direction);
      if (doc) apply(doc);
    },
    [design, apply],
  );

  return (
    <div className="page page--lab lab">
      <h1>{t('lab.heading')}</h1>
      <p className="lead">{t('lab.intro')}</p>
      <LabNotices notices={notices} onDismiss={(code) => setNotices((n) => n.filter((x) => x.code !== code))} />
      <LabToolbar
        doc={design.doc}
        canUndo={design.canUndo}
        canRedo={design.canRedo}
        urlState={urlState}
        onUndo={() => move('undo')}
        onRedo={() => move('redo')}
        onLoad={load}
        onEdit={onEdit}
        onNotice={(notice) => setNotices((n) => [...n.filter((x) => x.code !== notice.code), notice])}
      />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="lab__grid">
        <section className="lab__design" aria-labelledby="lab-design-title">
          <h2 id="lab-design-title" className="lab__section-title">
            {t('lab.form.title')}
          </h2>
          {/* On a phone the run sits below the whole form: one tap takes the student there. */}
          <a className="lab__jump" href="#lab-run-title">
            {t('lab.jumpToRun')}
          </a>
          <LabForm doc={design.doc} onEdit={onEdit} onList={onList} />
          <FaultsForm doc={design.doc} onEdit={onEdit} onList={onList} />
        </section>
        <LabRun
          loop={loop}
          version={version}
          faults={design.doc.faults}
          reducedMotion={reducedMotion}
          onRestart={restart}
        />
      </div>
    </div>
  );
}
