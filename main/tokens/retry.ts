// Process: main. Retry timing for the token client.

/**
 * Exponential backoff with full jitter: a random wait in [0, min(cap, base·2^attempt)). The jitter
 * spreads out clients that failed at the same moment (a service restart) instead of synchronising them.
 */
export function backoffDelayMs(attempt: number, random: () => number, baseMs: number, capMs: number): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/** Parses Retry-After (delta-seconds or an HTTP-date) into a wait in ms; undefined when absent or malformed. */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only HTTP-dates (which end in GMT): Date.parse alone would read "1.5" as a date.
  const dateMs = trimmed.endsWith('GMT') ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(dateMs) ? undefined : Math.max(0, dateMs - nowMs);
}
