import { useCallback, useState } from 'react';
import type { LabDoc } from '../design';
import { liveChange } from '../to-run';
import { LabLoop } from './lab-loop';

export type ApplyOutcome = 'same' | 'live' | 'restart';

/** Seed and faults are part of the run from its first instant: changing them starts it again. */
function sameTimeline(a: LabDoc, b: LabDoc): boolean {
  return a.seed === b.seed && JSON.stringify(a.faults) === JSON.stringify(b.faults);
}

/**
 * The live run behind the Lab. A design change the engine can take live (an algorithm, a rate,
 * TLS) is applied to the running simulation, recorded as a timed step, and cuts the current chart
 * sample so the next one shows only the new design; a change it can't (a pool's size, the L4
 * tier, the seed, the faults) starts the run again from zero.
 */
class LabRunner {
  loop: LabLoop;
  doc: LabDoc;

  constructor(initial: LabDoc) {
    this.doc = initial;
    this.loop = new LabLoop(initial);
  }

  apply(next: LabDoc): ApplyOutcome {
    if (next === this.doc) return 'same';
    const previous = this.doc;
    this.doc = next;
    const change = sameTimeline(previous, next) ? liveChange(previous.design, next.design) : null;
    if (change?.kind === 'same') return 'same';
    if (change?.kind === 'update') {
      try {
        this.loop.run.act({ action: 'update', patch: change.patch });
        this.loop.sampler.cut(this.loop.run);
        return 'live';
      } catch {
        // The engine refused the live patch: the new design starts from zero instead.
      }
    }
    this.restart();
    return 'restart';
  }

  restart(): void {
    this.loop = new LabLoop(this.doc);
  }
}

/** Changes arrive through `apply`, called by the event that changed the design, never an effect. */
export function useLabRun(initial: LabDoc) {
  const [runner] = useState(() => new LabRunner(initial));
  const [version, setVersion] = useState(0);
  const apply = useCallback(
    (next: LabDoc): ApplyOutcome => {
      const outcome = runner.apply(next);
      if (outcome !== 'same') setVersion((v) => v + 1);
      return outcome;
    },
    [runner],
  );
  const restart = useCallback(() => {
    runner.restart();
    setVersion((v) => v + 1);
  }, [runner]);
  return { loop: runner.loop, version, apply, restart };
}
