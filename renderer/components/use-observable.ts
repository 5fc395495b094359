// Process: renderer. Reads a value that changes over time (a calling store) into a component.
// Structural, so any { get, subscribe } works and components stay independent of calling/.
import { useEffect, useRef, useState } from 'preact/hooks';

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

/**
 * One part of the source's value (`select` must be stable or cheap), re-rendering only when that
 * part changes: a badge that shows a count does not re-render for every message behind it.
 */
export function useObservablePart<T, V>(source: Readable<T>, select: (value: T) => V): V {
  const [, setVersion] = useState(0);
  const current = select(source.get());
  const latest = useRef(current);
  latest.current = current;
  useEffect(() => {
    const check = (value: T) => {
      if (!Object.is(select(value), latest.current)) setVersion((n) => n + 1);
    };
    check(source.get());
    return source.subscribe(check);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- select is read fresh through the source's value
  }, [source]);
  return current;
}
