import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Plays a count forward in whole steps at `stepsPerSecond` while `playing`: a requestAnimationFrame
 * loop that calls `advance(k)` with the steps due since the last frame (several per frame when a
 * run is long), and nothing while paused or off screen. Tests wait on the count, not on time.
 */
export function useStepPlayback(playing: boolean, stepsPerSecond: number, advance: (steps: number) => void): void {
  const advanceRef = useRef(advance);
  useEffect(() => {
    advanceRef.current = advance;
  });
  useEffect(() => {
    if (!playing) return undefined;
    let frame = 0;
    let last: number | null = null;
    let owed = 0;
    const onFrame = (now: number) => {
      // A long gap (a background tab) counts as one frame, so playback never jumps far ahead.
      if (last !== null) owed += (Math.min(now - last, 100) / 1000) * stepsPerSecond;
      last = now;
      const steps = Math.floor(owed);
      if (steps > 0) {
        owed -= steps;
        advanceRef.current(steps);
      }
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [playing, stepsPerSecond]);
}

/** Width of an element in CSS pixels, kept current with a ResizeObserver (a fallback without one). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => {
      const w = Math.round(element.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, setWidth]);
  return width;
}
