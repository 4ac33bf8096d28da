import { useCallback, useState } from 'react';
import type { LabDoc } from '../design';
import { faultsToScript, liveChange } from '../to-run';
import { LabLoop } from './lab-loop';

export type ApplyOutcome = 'same' | 'live' | 'restart';

/**
 * Whether `next` keeps the run's past: the same seed, and the same faults up to now. Faults ahead
 * of the clock can be added, moved or removed without starting again; a change to the past can't.
 */
function samePast(a: LabDoc, b: LabDoc, nowMs: number): boolean {
  const past = (doc: LabDoc) => JSON.stringify(faultsToScript(doc.faults).filter((step) => step.atMs <= nowMs));
  return a.seed === b.seed && past(a) === past(b);
}

/**
 * The live run behind the Lab. A design change the engine can take live (an algorithm, a rate,
 * TLS) is applied to the running simulation, recorded as a timed step, and cuts the current chart
 * sample so the next one shows only the new design; faults ahead of the clock are rescheduled in
 * place. A change the engine can't take live (a pool's size, the seed, a fault in the past)
 * starts the run again from zero.
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
    const run = this.loop.run;
    const change = samePast(previous, next, run.timeMs) ? liveChange(previous.design, next.design) : null;
    const faultsChanged = JSON.stringify(previous.faults) !== JSON.stringify(next.faults);
    if (change?.kind === 'same') {
      if (!faultsChanged) return 'same';
      run.reschedule(faultsToScript(next.faults));
      return 'live';
    }
    if (change?.kind === 'update') {
      try {
        run.act({ action: 'update', patch: change.patch });
        if (faultsChanged) run.reschedule(faultsToScript(next.faults));
        this.loop.sampler.cut(run);
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
