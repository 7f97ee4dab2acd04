// useData: load JSON for a view, re-load on demand (live updates) while keeping what is shown.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";

export interface Data<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
  /** Replace the data in place (a live event carried the new document). */
  set: (update: (old: T | undefined) => T | undefined) => void;
}

export function useData<T>(load: () => Promise<T>, deps: unknown[]): Data<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error: Error) => mine === generation.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, []);

  useEffect(() => {
    setState({ loading: true }); // a new target: do not show the old one's data
    reload();
  }, deps); // the caller names what the load depends on

  const set = useCallback((update: (old: T | undefined) => T | undefined) => {
    generation.current++; // an answer still on its way is older than this
    setState((s) => ({ ...s, data: update(s.data), loading: false }));
  }, []);

  return { ...state, reload, set };
}
