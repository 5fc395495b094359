// Process: renderer. Reads an Observable (the call model, the device lists) in a component.
import { useEffect, useState } from 'preact/hooks';
import type { Observable } from '../calling/model';

export function useObservable<T>(source: Observable<T> | null | undefined): T | null {
  const [value, setValue] = useState<T | null>(() => source?.get() ?? null);
  useEffect(() => {
    if (!source) {
      setValue(null);
      return;
    }
    setValue(() => source.get());
    return source.subscribe((next) => setValue(() => next));
  }, [source]);
  return value;
}

/** Re-renders every `ms` while `active` (elapsed times). */
export function useTick(ms: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms, active]);
  return now;
}
