import { useEffect } from 'react';
import { useLearnerStore } from '../progress/learner-store';

/**
 * Settings reach every page through attributes on <html>: `data-theme` overrides the system colour
 * scheme, `data-motion` the system motion preference (CSS and widgets read them).
 */
export function useApplySettings(): void {
  const theme = useLearnerStore((state) => state.settings.theme);
  const motion = useLearnerStore((state) => state.settings.motion);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    if (motion === 'system') delete root.dataset.motion;
    else root.dataset.motion = motion;
  }, [theme, motion]);
}
