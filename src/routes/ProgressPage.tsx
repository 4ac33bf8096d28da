import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { lessonPath } from '../lib/paths';
import { useLang } from '../lib/use-lang';
import { lessonsInOrder } from '../content/course';
import { useDocumentTitle } from '../lib/use-document-title';
import { countProgress, parseProgressFile, toProgressFile, type ProgressCounts } from '../progress/export-import';
import type { LearnerData, MotionSetting, ThemeSetting } from '../progress/learner-schema';
import { useLearnerStore, type ResetUndo } from '../progress/learner-store';
import { mergeLearnerData } from '../progress/merge';
import { lessonStatus } from '../progress/selectors';

/** "Your progress": settings, per-lesson progress with reset (confirm + undo), export and import. */
export function ProgressPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('progressPage.documentTitle'), t('app.name'));
  return (
    <div className="page page--progress">
      <h1>{t('progressPage.heading')}</h1>
      <p className="lead">{t('progressPage.intro')}</p>
      <LessonsProgress />
      <BackupSection />
      <SettingsSection />
    </div>
  );
}

function LessonsProgress() {
  const { t } = useTranslation();
  const lang = useLang();
  const progress = useLearnerStore((state) => state.lessons);
  const resetLessons = useLearnerStore((state) => state.resetLessons);
  const undoReset = useLearnerStore((state) => state.undoReset);
  const [confirming, setConfirming] = useState<string | 'all' | null>(null);
  const [undo, setUndo] = useState<{ data: ResetUndo; label: string } | null>(null);
  const lessons = lessonsInOrder(lang);

  const reset = (target: string | 'all') => {
    const data = resetLessons(target === 'all' ? undefined : [target]);
    const label =
      target === 'all'
        ? t('progressPage.resetAllDone')
        : t('progressPage.resetDone', { lesson: lessons.find((l) => l.id === target)?.title ?? target });
    setUndo({ data, label });
    setConfirming(null);
  };

  return (
    <section aria-labelledby="progress-lessons" className="progress-block">
      <h2 id="progress-lessons" className="section-title">
        {t('progressPage.lessonsHeading')}
      </h2>
      <ul className="progress-lessons">
        {lessons.map((lesson) => {
          const status = lessonStatus(lesson, progress[lesson.id]);
          return (
            <li key={lesson.id} className="progress-lesson">
              <div>
                <Link to={lessonPath(lang, lesson.id)}>{lesson.title}</Link>
                <p className="muted">
                  {status.complete
                    ? t('progress.complete')
                    : status.started
                      ? t('progress.inProgress', { percent: status.percent })
                      : t('progress.notStarted')}
                  {' · '}
                  {t('progress.summarySections', { read: status.sectionsRead, total: status.sectionsTotal })}
                  {status.quizzesTotal > 0 && (
                    <>
                      {' '}
                      ·{' '}
                      {t('progress.summaryQuizzes', {
                        solved: status.quizzesSolved,
                        revealed: status.quizzesRevealed,
                        total: status.quizzesTotal,
                      })}
                    </>
                  )}
                </p>
              </div>
              {confirming === lesson.id ? (
                <Confirm
                  message={t('progressPage.confirmReset', { lesson: lesson.title })}
                  onConfirm={() => reset(lesson.id)}
                  onCancel={() => setConfirming(null)}
                />
              ) : (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setConfirming(lesson.id)}
                  disabled={!status.started}
                >
                  {t('progressPage.reset')}
                  <span className="visually-hidden">: {lesson.title}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {confirming === 'all' ? (
        <Confirm
          message={t('progressPage.confirmResetAll')}
          onConfirm={() => reset('all')}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setConfirming('all')}>
          {t('progressPage.resetAll')}
        </button>
      )}
      <div role="status" className="progress-undo">
        {undo && (
          <>
            <span>{undo.label}</span>{' '}
            <button
              type="button"
              className="button"
              onClick={() => {
                undoReset(undo.data);
                setUndo(null);
              }}
            >
              {t('progressPage.undo')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

function Confirm({ message, onConfirm, onCancel }: { message: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus moves to the safe choice, so Enter on a stray keypress never resets anything.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="confirm" role="group" aria-label={message}>
      <p>{message}</p>
      <button type="button" className="button button--danger" onClick={onConfirm}>
        {t('progressPage.confirmYes')}
      </button>{' '}
      <button type="button" className="button button--quiet" onClick={onCancel} ref={cancel}>
        {t('progressPage.cancel')}
      </button>
    </div>
  );
}

function BackupSection() {
  const { t } = useTranslation();
  const state = useLearnerStore();
  const importData = useLearnerStore((s) => s.importData);
  const [preview, setPreview] = useState<{
    data: LearnerData;
    file: ProgressCounts;
    after: ProgressCounts;
    lossy: boolean;
  } | null>(null);
  const [message, setMessage] = useState('');
  const current: LearnerData = { settings: state.settings, lessons: state.lessons, shuffleSeed: state.shuffleSeed };

  const exportFile = () => {
    const blob = new Blob([toProgressFile(current, new Date())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `balancer-lab-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage(t('progressPage.exported'));
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const result = parseProgressFile(await file.text());
    if (!result.ok) {
      setPreview(null);
      setMessage(t(`progressPage.importError.${result.reason}`));
      return;
    }
    setMessage('');
    setPreview({
      data: result.data,
      file: countProgress(result.data),
      after: countProgress(mergeLearnerData(current, result.data)),
      lossy: result.lossy,
    });
  };

  return (
    <section aria-labelledby="progress-backup" className="progress-block">
      <h2 id="progress-backup" className="section-title">
        {t('progressPage.backupHeading')}
      </h2>
      <p>{t('progressPage.backupIntro')}</p>
      <p className="progress-actions">
        <button type="button" className="button" onClick={exportFile}>
          {t('progressPage.export')}
        </button>{' '}
        <label className="button button--quiet file-button">
          {t('progressPage.import')}
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => {
              void readFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </p>
      {preview && (
        <div className="confirm" role="group" aria-labelledby="import-preview">
          <p id="import-preview">{t('progressPage.previewTitle')}</p>
          <ul>
            <li>{t('progressPage.previewFile', { ...preview.file })}</li>
            <li>{t('progressPage.previewAfter', { ...preview.after })}</li>
            {preview.lossy && <li>{t('progressPage.previewLossy')}</li>}
          </ul>
          <button
            type="button"
            className="button"
            onClick={() => {
              importData(preview.data);
              setPreview(null);
              setMessage(t('progressPage.imported'));
            }}
          >
            {t('progressPage.confirmImport')}
          </button>{' '}
          <button type="button" className="button button--quiet" onClick={() => setPreview(null)}>
            {t('progressPage.cancel')}
          </button>
        </div>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

function SettingsSection() {
  const { t } = useTranslation();
  const settings = useLearnerStore((s) => s.settings);
  const setTheme = useLearnerStore((s) => s.setTheme);
  const setMotion = useLearnerStore((s) => s.setMotion);
  return (
    <section aria-labelledby="progress-settings" className="progress-block">
      <h2 id="progress-settings" className="section-title">
        {t('progressPage.settingsHeading')}
      </h2>
      <fieldset className="setting">
        <legend>{t('progressPage.theme')}</legend>
        {(['system', 'light', 'dark'] as ThemeSetting[]).map((value) => (
          <label key={value} className="quiz__choice">
            <input type="radio" name="theme" checked={settings.theme === value} onChange={() => setTheme(value)} />
            {t(`progressPage.themes.${value}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="setting">
        <legend>{t('progressPage.motion')}</legend>
        {(['system', 'reduce', 'full'] as MotionSetting[]).map((value) => (
          <label key={value} className="quiz__choice">
            <input type="radio" name="motion" checked={settings.motion === value} onChange={() => setMotion(value)} />
            {t(`progressPage.motions.${value}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
