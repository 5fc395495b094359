// Process: renderer. Reads a value that changes over time (a calling store) into a component.
// Structural, so any { get, subscribe } works and components stay independent of calling/.
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Readable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

/** A source that always holds `value` and never changes (a stand-in while there is no real one). */
export function unchanging<T>(value: T): Readable<T> {
  return { get: () => value, subscribe: () => () => undefined };
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
 * The source's value, re-rendering on change unless only the `ignored` fields changed (their
 * views subscribe to those parts themselves): the meeting view does not re-render its gallery,
 * header and controls for each caption line or reaction. The value returned may hold stale
 * `ignored` fields; read those through `useObservablePart`.
 */
export function useObservableExcept<T extends object>(source: Readable<T> | null | undefined, fallback: T | null, ignored: readonly (keyof T)[]): T | null {
  const [state, setState] = useState(() => ({ source, value: source ? source.get() : fallback }));
  const shown = useRef(state);
  shown.current = state;
  useEffect(() => {
    if (!source) return;
    const take = (value: T) => {
      const last = shown.current;
      if (last.source === source && last.value && sameExcept(last.value, value, ignored)) return;
      setState({ source, value });
    };
    take(source.get());
    return source.subscribe(take);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ignored fields are fixed for a view
  }, [source]);
  if (!source) return fallback;
  return state.source === source ? state.value : source.get();
}

function sameExcept<T extends object>(a: T, b: T, ignored: readonly (keyof T)[]): boolean {
  if (a === b) return true;
  for (const key in a) if (!ignored.includes(key) && a[key] !== b[key]) return false;
  for (const key in b) if (!ignored.includes(key) && !(key in a)) return false;
  return true;
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
