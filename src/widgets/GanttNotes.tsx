import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GanttKnob } from '../engine/scheduling/index.ts';
import { RANGES, type GanttSettings } from './gantt-state';

/**
 * At a knob's extremes the chart can look broken (one server, idle servers, 64 hairline rows).
 * Say in words what the student is looking at, as the packet widget's notes do.
 */
export const GanttNotes = memo(function GanttNotes({
  settings,
  knobs,
  total,
}: {
  settings: GanttSettings;
  knobs: readonly GanttKnob[];
  total: number;
}) {
  const { t } = useTranslation();
  const m = settings.servers;
  const notes: string[] = [];
  if (m === 1) notes.push(t('scheduling.gantt.note.oneServer'));
  else if (total > 0 && m > total) notes.push(t('scheduling.gantt.note.idle'));
  if (m > 16) notes.push(t('scheduling.gantt.note.thinRows', { count: m }));
  if (m >= RANGES.servers.max) notes.push(t('scheduling.gantt.note.maxServers', { max: RANGES.servers.max }));
  if (knobs.includes('jobs') && settings.jobs >= RANGES.jobs.max)
    notes.push(t('scheduling.gantt.note.maxJobs', { max: RANGES.jobs.max }));
  if (settings.algorithm === 'power-of-d') {
    if (settings.d >= m && m > 1) notes.push(t('scheduling.gantt.note.dAll'));
    else if (settings.d === 1) notes.push(t('scheduling.gantt.note.dOne'));
  }
  if (notes.length === 0) return null;
  return (
    <ul className="packet-flow__notes" aria-label={t('scheduling.gantt.note.title')}>
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
});
