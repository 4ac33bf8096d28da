import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunEvent, ScriptStep } from '../engine';
import { ReplayResult } from './ReplayResult';
import { TimelineBar } from './TimelineBar';
import { useStepText } from './step-text';

export interface TimelineProps {
  timeMs: number;
  endMs: number;
  /** The scenario's script, drawn as markers. */
  script: readonly ScriptStep[];
  /** Steps already applied (script and the student's), to mark markers done. */
  events: readonly RunEvent[];
  running: boolean;
  onRunToEnd: () => void;
  /** The measured quantity, once the replay has reached its end. */
  result: { label: string; value: string } | null;
}

/**
 * A replay's timeline: how far the run has got, where the script changes something, a control to
 * jump to the end, and at the end the same number the quiz states, measured the same way.
 */
export const Timeline = memo(function Timeline({
  timeMs,
  endMs,
  script,
  events,
  running,
  onRunToEnd,
  result,
}: TimelineProps) {
  const { t, i18n } = useTranslation();
  const stepText = useStepText();
  const seconds = (ms: number) =>
    t('widget.unit.seconds', {
      value: new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        ms / 1000,
      ),
    });
  const ended = timeMs >= endMs;
  const markers = groupByTime(script);
  return (
    <div className="timeline" data-timeline={ended ? 'ended' : 'running'}>
      <TimelineBar
        fraction={timeMs / endMs}
        markers={markers.map(({ atMs }) => atMs / endMs)}
        label={t('widget.timeline.progress', { now: seconds(timeMs), end: seconds(endMs) })}
        clock={`${seconds(timeMs)} / ${seconds(endMs)}`}
        ended={ended}
        running={running}
        onRunToEnd={onRunToEnd}
      />
      {markers.length > 0 && (
        <ul className="timeline__script" aria-label={t('widget.timeline.script')}>
          {markers.map(({ atMs, steps }) => {
            const done = events.some((e) => e.source === 'script' && e.step.atMs === atMs);
            return (
              <li key={atMs} data-done={done ? 'true' : 'false'}>
                <span aria-hidden="true">{done ? '✓ ' : '◆ '}</span>
                {t('widget.timeline.at', { time: seconds(atMs), what: stepText(steps) })}
                {done && <span className="visually-hidden"> {t('widget.timeline.done')}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <ReplayResult result={result} />
    </div>
  );
});

/** Steps that happen at the same moment are one marker ("3 servers added"). */
function groupByTime(script: readonly ScriptStep[]): { atMs: number; steps: ScriptStep[] }[] {
  const groups = new Map<number, ScriptStep[]>();
  for (const step of script) groups.set(step.atMs, [...(groups.get(step.atMs) ?? []), step]);
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([atMs, steps]) => ({ atMs, steps }));
}
