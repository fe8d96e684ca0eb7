import { useCallback, useEffect, useState } from 'react';

/** A request's state as a page shows it. */
export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: T };

/** Runs `load` when `key` changes; the latest call wins. `reload` runs it again. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> & { reload(): void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  // `load` is a new closure each render; `key` says when what it loads changed.
  const run = useCallback(load, [key, round]);
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    run().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: unknown) => current && setResult({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [run]);
  return { ...result, reload: () => setRound((n) => n + 1) };
}
