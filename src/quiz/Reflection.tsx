import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReflectionData } from './model';

export interface ReflectionProps<Blocks> {
  reflection: ReflectionData<Blocks>;
  /** The stored text. It follows the store, so text saved in another tab shows here too. */
  savedText: string;
  /** Called as the student types (debounced); the adapter persists it. */
  onSave: (text: string) => void;
  renderBlocks: (nodes: Blocks) => ReactNode;
}

const SAVE_DELAY_MS = 400;

/** A free-text answer that saves as the student types, with a model answer to compare against. */
export function Reflection<Blocks>({ reflection, savedText, onSave, renderBlocks }: ReflectionProps<Blocks>) {
  const { t } = useTranslation();
  const baseId = useId();
  const [text, setText] = useState(savedText);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  // Follow the store (another tab, a reset, an import), but never while the student's own typing
  // waits to be saved: that text is saved first, and the store's merge decides what stays.
  const [shownSaved, setShownSaved] = useState(savedText);
  if (savedText !== shownSaved && status !== 'saving') {
    setShownSaved(savedText);
    setText(savedText);
  }
  const [showAnswer, setShowAnswer] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);
  const save = useRef(onSave);
  useEffect(() => {
    save.current = onSave;
  }, [onSave]);

  // Whatever is still waiting is saved when the reflection unmounts (navigation, language switch).
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (pending.current !== null) save.current(pending.current);
    },
    [],
  );

  const change = (value: string) => {
    setText(value);
    setStatus('saving');
    pending.current = value;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      pending.current = null;
      save.current(value);
      setStatus('saved');
    }, SAVE_DELAY_MS);
  };

  const questionId = `${baseId}-q`;
  const answerId = `${baseId}-a`;
  return (
    <section
      className="reflection"
      aria-labelledby={questionId}
      id={`reflection-${reflection.id}`}
      data-reflection={reflection.id}
    >
      <p className="quiz__kicker">
        <span aria-hidden="true">✎</span> {t('reflection.kicker')}
      </p>
      <div id={questionId} className="reflection__question">
        {renderBlocks(reflection.question)}
      </div>
      <label className="reflection__label" htmlFor={`${baseId}-text`}>
        {t('reflection.yourAnswer')}
      </label>
      <textarea
        id={`${baseId}-text`}
        className="reflection__text"
        rows={4}
        value={text}
        onChange={(e) => change(e.target.value)}
        aria-describedby={`${baseId}-status`}
      />
      <p className="reflection__status" id={`${baseId}-status`} aria-live="polite">
        {status === 'saving' ? t('reflection.saving') : status === 'saved' ? t('reflection.saved') : ''}
      </p>
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={showAnswer}
        aria-controls={answerId}
        onClick={() => setShowAnswer((v) => !v)}
      >
        {showAnswer ? t('reflection.hideModel') : t('reflection.showModel')}
      </button>
      <div id={answerId} className="reflection__model" hidden={!showAnswer}>
        <p className="reflection__model-title">{t('reflection.modelTitle')}</p>
        {renderBlocks(reflection.answer)}
      </div>
    </section>
  );
}
