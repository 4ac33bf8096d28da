import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunEvent, ScriptStep } from '../engine';
import { ReplayResult } from './ReplayResult';
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

const WIDTH = 1000;

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
  const x = (ms: number) => Math.round((Math.min(ms, endMs) / endMs) * WIDTH);
  const markers = groupByTime(script);
  return (
    <div className="timeline" data-timeline={ended ? 'ended' : 'running'}>
      <div className="timeline__bar">
        <svg
          className="timeline__track"
          viewBox={`0 0 ${WIDTH} 20`}
          preserveAspectRatio="none"
          role="img"
          aria-label={t('widget.timeline.progress', { now: seconds(timeMs), end: seconds(endMs) })}
        >
          <rect className="timeline__rail" x="0" y="7" width={WIDTH} height="6" rx="3" />
          <rect className="timeline__fill" x="0" y="7" width={x(timeMs)} height="6" rx="3" />
          {markers.map(({ atMs }) => (
            <rect key={atMs} className="timeline__marker" x={x(atMs) - 3} y="1" width="6" height="18" rx="1" />
          ))}
        </svg>
        <span className="timeline__clock" aria-hidden="true">
          {seconds(timeMs)} / {seconds(endMs)}
        </span>
        {!ended && (
          <button type="button" className="button button--quiet button--small" onClick={onRunToEnd}>
            {running ? t('widget.timeline.running') : t('widget.timeline.runToEnd')}
          </button>
        )}
      </div>
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
