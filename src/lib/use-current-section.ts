import { useEffect, useState } from 'react';
import { currentSectionId } from './reading-position';

/** Tracks the section being read, updating at most once per animation frame while scrolling. */
export function useCurrentSection(enabled: boolean): string | undefined {
  const [current, setCurrent] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return undefined;
    let frame = 0;
    const update = () => {
      frame = 0;
      setCurrent(currentSectionId());
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    // The first read waits for a frame: reading heading positions right after a long lesson
    // renders would force its whole layout inside the same long task.
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [enabled]);
  return current;
}
