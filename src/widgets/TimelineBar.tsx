import { useTranslation } from 'react-i18next';

/** SVG user units across the track; the track stretches to its box. */
const WIDTH = 1000;

/**
 * A replay's progress: a track filled to `fraction` with optional markers (scripted changes), the
 * clock in words, and "Run to the end" until it ends. Shared by the packet replay's Timeline and the
 * scheduling ReplayBar, so both replays look and read the same.
 */
export function TimelineBar({
  fraction,
  markers = [],
  label,
  clock,
  ended,
  running,
  onRunToEnd,
}: {
  /** Share of the replay done, 0–1. */
  fraction: number;
  /** Where scripted changes sit, each a share of the replay, 0–1. */
  markers?: readonly number[];
  /** The track's accessible name ("Simulated time: 2.0 s of 12.0 s"). */
  label: string;
  clock: string;
  ended: boolean;
  running: boolean;
  onRunToEnd: () => void;
}) {
  const { t } = useTranslation();
  const x = (share: number) => Math.round(Math.min(1, Math.max(0, share)) * WIDTH);
  return (
    <div className="timeline__bar">
      <svg
        className="timeline__track"
        viewBox={`0 0 ${WIDTH} 20`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
      >
        <rect className="timeline__rail" x="0" y="7" width={WIDTH} height="6" rx="3" />
        <rect className="timeline__fill" x="0" y="7" width={x(fraction)} height="6" rx="3" />
        {markers.map((at) => (
          <rect key={at} className="timeline__marker" x={x(at) - 3} y="1" width="6" height="18" rx="1" />
        ))}
      </svg>
      <span className="timeline__clock" aria-hidden="true">
        {clock}
      </span>
      {!ended && (
        <button type="button" className="button button--quiet button--small" onClick={onRunToEnd}>
          {running ? t('widget.timeline.running') : t('widget.timeline.runToEnd')}
        </button>
      )}
    </div>
  );
}
