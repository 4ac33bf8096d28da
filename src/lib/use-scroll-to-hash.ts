import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Content that loads after the first paint defeats the browser's own jump to `#id`; once `ready`
 * changes, scroll to the target and move focus there for keyboard and screen-reader users.
 */
export function useScrollToHash(ready: unknown): void {
  const { hash } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    target.scrollIntoView({ behavior: 'instant', block: 'start' });
    target.focus({ preventScroll: true });
  }, [hash, ready]);
}
