import { useTranslation } from 'react-i18next';
import type { Metrics } from '../engine';

/**
 * At a slider's extremes the numbers can look broken (everything on one server, every request
 * failing). Say in words what the student is looking at, so an extreme reads as a lesson, not a bug.
 */
export function ExtremeNotes({ metrics, natAll }: { metrics: Metrics; natAll: boolean }) {
  const { t } = useTranslation();
  const serving = metrics.backends.filter((b) => b.state !== 'crashed' && b.healthy);
  const notes: string[] = [];
  if (metrics.backends.length > 0 && serving.length === 0) notes.push(t('widget.note.allDown'));
  else if (serving.length === 1) notes.push(t('widget.note.single'));
  if (natAll) notes.push(t('widget.note.allNat'));
  if (serving.length > 0 && serving.every((b) => b.window.utilisation >= 0.95)) notes.push(t('widget.note.saturated'));
  if (notes.length === 0) return null;
  return (
    <ul className="packet-flow__notes" aria-label={t('widget.note.title')}>
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
