import { useId, useState, type ReactNode } from 'react';

const STORE_KEY = 'balancer-lab:widget-panels';

/** Remembered open/closed states, per widget and panel. A blocked storage just forgets. */
function readRemembered(): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

function remember(key: string, open: boolean): void {
  try {
    const all = readRemembered();
    all[key] = open;
    window.localStorage.setItem(STORE_KEY, JSON.stringify(all));
  } catch {
    // Storage may be full or blocked: the panel still opens and closes.
  }
}

/** Wide screens can show panels open at first; on a phone they start closed, below the picture. */
function wideScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(min-width: 56rem)').matches === true;
}

/**
 * A panel behind a native disclosure (keyboard and screen readers for free) that remembers whether
 * the student left it open, per widget. When `openFor` changes to a value (say, a newly selected
 * packet), the panel opens to show it.
 */
export function Disclosure({
  storageKey,
  title,
  openFor = null,
  openOnWideScreens = true,
  buildWhileClosed = true,
  className,
  children,
}: {
  storageKey: string;
  title: ReactNode;
  openFor?: string | number | null;
  /** Whether the panel starts open on a wide screen, until the student says otherwise. */
  openOnWideScreens?: boolean;
  /**
   * False for a large panel that changes every second (the Lab's table of 64 servers): its
   * content is built only while open, so a closed panel costs no renders.
   */
  buildWhileClosed?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(() => readRemembered()[storageKey] ?? (openOnWideScreens && wideScreen()));
  const [reason, setReason] = useState(openFor);
  if (openFor !== reason) {
    setReason(openFor);
    if (openFor !== null) setOpen(true);
  }
  const id = useId();
  return (
    <details
      className={`disclosure${className ? ` ${className}` : ''}`}
      open={open}
      onToggle={(e) => {
        const next = (e.currentTarget as HTMLDetailsElement).open;
        if (next === open) return;
        setOpen(next);
        remember(storageKey, next);
      }}
    >
      <summary className="disclosure__summary" id={id}>
        {title}
      </summary>
      {(open || buildWhileClosed) && children}
    </details>
  );
}
