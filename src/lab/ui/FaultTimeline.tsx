/**
 * The scheduled faults on a time track, with where the run is now. Each marker is also a line of
 * text ("5.0 s · web-2 crashes · done"), so the track has a text alternative and the event log
 * names each fault when it happens.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunEvent } from '../../engine';
import type { LabFault } from '../design';
import { faultsToScript } from '../to-run';
import { useStepText } from '../../widgets/step-text';

const WIDTH = 1000;
/** The track shows at least this much time, and a little beyond the last fault or the clock. */
const MIN_SPAN_MS = 20_000;
const MARGIN_MS = 5_000;

export const FaultTimeline = memo(function FaultTimeline({
  faults,
  events,
  timeMs,
}: {
  faults: readonly LabFault[];
  events: readonly RunEvent[];
  timeMs: number;
}) {
  const { t, i18n } = useTranslation();
  const stepText = useStepText();
  const last = faults.reduce((max, f) => Math.max(max, f.atMs), 0);
  // Whole tens of seconds, so the track only rescales now and then.
  const span = Math.ceil(Math.max(MIN_SPAN_MS, last + MARGIN_MS, timeMs + MARGIN_MS) / 10_000) * 10_000;
  const x = (ms: number) => Math.round((Math.min(ms, span) / span) * WIDTH);
  const seconds = (ms: number) =>
    t('widget.unit.seconds', {
      value: new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        ms / 1000,
      ),
    });
  const refused = (fault: LabFault) =>
    events.find((e) => e.source === 'script' && e.atMs === fault.atMs && e.refused !== undefined);
  return (
    <div className="lab-timeline">
      <h3 className="lab__subtitle">{t('lab.timeline.title')}</h3>
      <svg className="lab-timeline__track" viewBox={`0 0 ${WIDTH} 24`} preserveAspectRatio="none" aria-hidden="true">
        <rect className="timeline__rail" x="0" y="9" width={WIDTH} height="6" rx="3" />
        <rect className="timeline__fill" x="0" y="9" width={x(timeMs)} height="6" rx="3" />
        {faults.map((f, i) => (
          <rect
            key={`${i}-${f.atMs}`}
            className={`lab-timeline__marker lab-timeline__marker--${f.kind}`}
            x={x(f.atMs) - 3}
            y="1"
            width="6"
            height="22"
            rx="1"
          />
        ))}
      </svg>
      <div className="lab-timeline__scale" aria-hidden="true">
        <span>{seconds(0)}</span>
        <span>{seconds(span)}</span>
      </div>
      {faults.length === 0 ? (
        <p className="lab__hint">{t('lab.timeline.empty')}</p>
      ) : (
        <ol className="lab-timeline__list">
          {faults.map((f, i) => {
            const problem = refused(f);
            const status = problem ? 'refused' : f.atMs <= timeMs ? 'done' : 'upcoming';
            return (
              <li key={`${i}-${f.atMs}`} data-fault-status={status}>
                <span className={`lab-timeline__dot lab-timeline__marker--${f.kind}`} aria-hidden="true" />
                {t('lab.timeline.item', {
                  time: seconds(f.atMs),
                  what: stepText(faultsToScript([f])),
                  status: t(`lab.timeline.status.${status}`),
                })}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
});
