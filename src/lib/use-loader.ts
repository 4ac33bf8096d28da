import { startTransition, useCallback, useEffect, useState } from 'react';

export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; retry: () => void };

const LOADING = { status: 'loading' } as const;

/** Runs `load` whenever `key` changes (or on retry); results for an earlier key are ignored. */
export function useLoader<T>(key: string, load: () => Promise<T>): Loadable<T> {
  const [attempt, setAttempt] = useState(0);
  const token = `${key}#${attempt}`;
  const [state, setState] = useState<{ token: string; result: Loadable<T> } | undefined>(undefined);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    // Rendering a whole lesson is big: as a transition React slices it instead of blocking input.
    const settle = (result: Loadable<T>) => live && startTransition(() => setState({ token, result }));
    load().then(
      (value) => settle({ status: 'ready', value }),
      () => settle({ status: 'failed', retry }),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure every render; `token` alone says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  return state?.token === token ? state.result : LOADING;
}
