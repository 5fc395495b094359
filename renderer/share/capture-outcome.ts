// Process: renderer. How the last screen-capture request ended, as the picker saw it. The SDK
// turns every refused getDisplayMedia into the same error (403/43001 or 500/60603), whether the
// guest pressed Cancel, main gave up on the request, or the OS refused: the screen-share glue
// reads this to stay quiet about a cancel and to name what is being shared.
export type CaptureOutcome =
  | { kind: 'chosen'; sourceName: string; at: number }
  | { kind: 'cancelled'; at: number };

let last: CaptureOutcome | null = null;

export function noteCaptureChosen(sourceName: string): void {
  last = { kind: 'chosen', sourceName, at: performance.now() };
}

/** The guest pressed Cancel, or main settled the request without the picker. */
export function noteCaptureCancelled(): void {
  last = { kind: 'cancelled', at: performance.now() };
}

/** The outcome noted since `since` (a performance.now() time), or null. */
export function captureOutcomeSince(since: number): CaptureOutcome | null {
  return last && last.at >= since ? last : null;
}
