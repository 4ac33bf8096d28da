import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ReplayResult } from './ReplayResult';

const WIDTH = 1000;

/**
 * A scheduling replay's progress, counted in steps (jobs placed, balls thrown) rather than
 * simulated seconds: the same bar, "Run to the end" button and Result row as the packet replay's
 * timeline, with the same classes, so both look and test alike.
 */
export const ReplayBar = memo(function ReplayBar({
  done,
  total,
  progressText,
  running,
  onRunToEnd,
  result,
}: {
  done: number;
  total: number;
  /** "Job 3 of 13", "250,000 of 1,000,000 balls thrown". */
  progressText: string;
  running: boolean;
  onRunToEnd: () => void;
  result: { label: string; value: string } | null;
}) {
  const { t } = useTranslation();
  const ended = done >= total;
  const fill = total > 0 ? Math.round((Math.min(done, total) / total) * WIDTH) : WIDTH;
  return (
    <div className="timeline" data-timeline={ended ? 'ended' : 'running'}>
      <div className="timeline__bar">
        <svg
          className="timeline__track"
          viewBox={`0 0 ${WIDTH} 20`}
          preserveAspectRatio="none"
          role="img"
          aria-label={progressText}
        >
          <rect className="timeline__rail" x="0" y="7" width={WIDTH} height="6" rx="3" />
          <rect className="timeline__fill" x="0" y="7" width={fill} height="6" rx="3" />
        </svg>
        <span className="timeline__clock" aria-hidden="true">
          {progressText}
        </span>
        {!ended && (
          <button type="button" className="button button--quiet button--small" onClick={onRunToEnd}>
            {running ? t('widget.timeline.running') : t('widget.timeline.runToEnd')}
          </button>
        )}
      </div>
      <ReplayResult result={result} />
    </div>
  );
});
