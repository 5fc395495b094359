// Process: renderer. A clock for elapsed times (the lobby's wait).
import { useEffect, useState } from 'preact/hooks';

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
