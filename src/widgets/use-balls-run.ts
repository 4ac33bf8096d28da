import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { BallsStepper, type BallsResult } from '../engine/scheduling/index.ts';

/** Balls per stepper between two looks at the clock: small enough to stop near the frame budget. */
const CHUNK = 512;
/** Work per slice before yielding to the page, in ms: leaves room for a 60 Hz frame. */
const SLICE_MS = 5;
/** The histograms redraw four times a second while balls land (each redraw is a React render). */
const REDRAW_MS = 250;

export interface BallsProgress {
  thrown: number;
  total: number;
  /** One result per number of choices, in the order asked for. */
  results: BallsResult[];
  done: boolean;
}

/**
 * Throws n balls into n bins for each number of choices, in slices between which the page
 * renders, so a million balls never freeze it. The steppers end bit-identical to the one-shot model,
 * so every slicing gives the same final histograms. `running` false holds the work (a replay waits
 * for Play); `pace` (balls per second per stepper) slows a replay down to watch; `showEvery` false
 * reports only the final result (reduced motion: no growing bars).
 */
export function useBallsRun({
  n,
  choices,
  seed,
  running,
  pace,
  showEvery,
}: {
  n: number;
  choices: readonly number[];
  seed: number;
  running: boolean;
  pace?: number;
  showEvery: boolean;
}): BallsProgress & { finish: () => void } {
  const key = `${n}:${choices.join('.')}:${seed}`;
  // Fresh steppers whenever what is thrown changes (the key names it completely).
  const steppers = useMemo(
    () =>
      key
        .split(':')[1]!
        .split('.')
        .map((d) => new BallsStepper({ balls: n, bins: n, choices: Number(d), seed })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is n, choices and seed
    [key],
  );
  const [tick, bump] = useReducer((x: number) => x + 1, 0);
  const [rushFor, setRushFor] = useState<BallsStepper[] | null>(null);
  const rush = rushFor === steppers;

  useEffect(() => {
    if (!running && !rush) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = performance.now();
    let drawn = 0;
    const slice = () => {
      const start = performance.now();
      // A watched replay throws at its pace; otherwise (or when asked to finish) as fast as the budget allows.
      let allowance = pace && !rush ? Math.ceil(((start - last) / 1000) * pace) : Infinity;
      last = start;
      while (allowance > 0 && steppers.some((s) => !s.done) && performance.now() - start < SLICE_MS) {
        const k = Math.min(CHUNK, allowance);
        for (const s of steppers) s.throwSome(k);
        allowance -= k;
      }
      const more = steppers.some((s) => !s.done);
      if (!more || performance.now() - drawn >= REDRAW_MS) {
        drawn = performance.now();
        bump();
      }
      if (more) timer = setTimeout(slice, pace && !rush ? 16 : 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [steppers, running, rush, pace, showEvery]);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `tick` is how a slice says the steppers moved
  const progress = useMemo(() => snapshot(steppers, showEvery), [steppers, showEvery, tick]);
  const finish = useCallback(() => setRushFor(steppers), [steppers]);
  return { ...progress, finish };
}

/** Where the steppers are; with `showEvery` false, empty bins until the last ball lands. */
function snapshot(steppers: BallsStepper[], showEvery: boolean): BallsProgress {
  const first = steppers[0];
  const done = steppers.every((s) => s.done);
  return {
    thrown: first?.thrown ?? 0,
    total: first?.balls ?? 0,
    results: steppers.map((s) => (showEvery || done ? s.result() : { maxLoad: 0, loadCounts: [s.bins] })),
    done,
  };
}
