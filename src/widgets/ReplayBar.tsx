import { memo } from 'react';
import { ReplayResult } from './ReplayResult';
import { TimelineBar } from './TimelineBar';

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
  const ended = done >= total;
  return (
    <div className="timeline" data-timeline={ended ? 'ended' : 'running'}>
      <TimelineBar
        fraction={total > 0 ? done / total : 1}
        label={progressText}
        clock={progressText}
        ended={ended}
        running={running}
        onRunToEnd={onRunToEnd}
      />
      <ReplayResult result={result} />
    </div>
  );
});
