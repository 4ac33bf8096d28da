import { useEffect, useState, type RefObject } from 'react';

/** Whether the element is on screen and the tab visible: animation pauses otherwise. */
export function useVisibility(ref: RefObject<HTMLElement | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  const [tabVisible, setTabVisible] = useState(
    () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  );
  useEffect(() => {
    const element = ref.current;
    const onVisibility = () => setTabVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    const observer =
      element && typeof IntersectionObserver !== 'undefined'
        ? new IntersectionObserver(([entry]) => setOnScreen(entry?.isIntersecting ?? true))
        : null;
    if (element) observer?.observe(element);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      observer?.disconnect();
    };
  }, [ref]);
  return onScreen && tabVisible;
}
