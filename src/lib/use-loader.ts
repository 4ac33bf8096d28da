import { useCallback, useEffect, useState } from 'react';

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
    load().then(
      (value) => live && setState({ token, result: { status: 'ready', value } }),
      () => live && setState({ token, result: { status: 'failed', retry } }),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure every render; `token` alone says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  return state?.token === token ? state.result : LOADING;
}
