import { useCallback, useRef, useState } from 'react';
import type { LabDoc } from '../design';
import { UndoHistory } from '../history';

/** Typing "1000" into one field is one step to undo, not four: edits to one field this close merge. */
const MERGE_WITHIN_MS = 1000;

/**
 * The design and its undo history (100 steps). `commit` records a change; `key` names the field,
 * so a burst of keystrokes in one field becomes one step. Returns the doc to hand to the run.
 */
export function useDesignHistory(initial: LabDoc) {
  const [history] = useState(() => new UndoHistory<LabDoc>(initial, 100));
  const [doc, setDoc] = useState(initial);
  const last = useRef({ key: '', at: -Infinity });

  const commit = useCallback(
    (next: LabDoc, key = ''): void => {
      const now = performance.now();
      const merge =
        key !== '' && key === last.current.key && now - last.current.at < MERGE_WITHIN_MS && history.canUndo;
      if (merge) history.undo();
      history.push(next);
      last.current = { key, at: now };
      setDoc(history.current);
    },
    [history],
  );
  const move = useCallback(
    (direction: 'undo' | 'redo'): LabDoc | null => {
      const next = direction === 'undo' ? history.undo() : history.redo();
      last.current.key = '';
      if (next) setDoc(next);
      return next;
    },
    [history],
  );
  const replace = useCallback(
    (next: LabDoc): void => {
      // A template or a saved design is a change like any other: it can be undone.
      history.push(next);
      last.current.key = '';
      setDoc(history.current);
    },
    [history],
  );
  return { doc, commit, move, replace, canUndo: history.canUndo, canRedo: history.canRedo, depth: history.depth };
}
