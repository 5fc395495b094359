// Process: renderer. Reads a value that changes over time (a calling store) into a component.
// Structural, so any { get, subscribe } works and components stay independent of calling/.
import { useEffect, useState } from 'preact/hooks';

export interface Readable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

/** The source's current value, re-rendering on change; `fallback` while there is no source. */
export function useObservable<T>(source: Readable<T> | null | undefined, fallback: T): T {
  const [state, setState] = useState(() => ({ source, value: source ? source.get() : fallback }));
  useEffect(() => {
    if (!source) return;
    setState({ source, value: source.get() });
    return source.subscribe((value) => setState({ source, value }));
  }, [source]);
  if (!source) return fallback;
  return state.source === source ? state.value : source.get();
}
