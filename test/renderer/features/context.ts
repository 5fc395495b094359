// A FeatureContext for Node tests of renderer/calling/features/: records what a feature pushes,
// and lets a test say what the meeting allows.
import { getIdentifierRawId } from '@azure/communication-common';
import type { CallEvent, CapabilityName } from '../../../renderer/calling/call-model';
import type { FeatureContext } from '../../../renderer/calling/features/feature-context';

export interface RecordingContext extends FeatureContext {
  readonly events: CallEvent[];
  readonly logs: string[];
  /** The events pushed since the last call, and forgets them. */
  take(): CallEvent[];
  forbid(name: CapabilityName): void;
  /** Moves the clock on, running the timers that fall due (in order). */
  advance(ms: number): void;
  /** Timers scheduled and not yet run or cancelled. */
  pendingTimers(): number;
}

export function recordingContext(options: { localId?: string | null; now?: number; tick?: number } = {}): RecordingContext {
  const events: CallEvent[] = [];
  const logs: string[] = [];
  const forbidden = new Set<CapabilityName>();
  let clock = options.now ?? 1_000;
  const tick = options.tick ?? 1;
  let timers: Array<{ due: number; run: () => void }> = [];
  return {
    events,
    logs,
    push: (event) => events.push(event),
    rawIdOf: getIdentifierRawId,
    localId: options.localId ?? null,
    now: () => {
      const now = clock;
      clock += tick;
      return now;
    },
    after: (ms, run) => {
      const timer = { due: clock + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    log: (level, message) => logs.push(`${level}: ${message}`),
    allowed: (name) => !forbidden.has(name),
    take: () => events.splice(0),
    forbid: (name) => forbidden.add(name),
    advance(ms) {
      const until = clock + ms;
      for (;;) {
        const next = timers.filter((t) => t.due <= until).sort((a, b) => a.due - b.due)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        clock = Math.max(clock, next.due);
        next.run();
      }
      clock = until;
    },
    pendingTimers: () => timers.length,
  };
}
