import { type DependencyList, useCallback, useEffect, useState } from 'react';

/** The state of one API read: its data, its error, and whether it is loading. */
export interface TApiState<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload(): void;
}

/**
 * Runs `load` when `deps` change (skipped while `enabled` is false) and keeps the latest answer;
 * a stale answer from an earlier dependency set is dropped.
 */
export function useApi<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  enabled = true,
): TApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [isLoading, setLoading] = useState(enabled);
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` reads.
  useEffect(() => {
    if (!enabled) {
      setData(undefined);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, enabled, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, isLoading, reload };
}
