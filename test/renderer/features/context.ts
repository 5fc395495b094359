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
}

export function recordingContext(options: { localId?: string | null; now?: number } = {}): RecordingContext {
  const events: CallEvent[] = [];
  const logs: string[] = [];
  const forbidden = new Set<CapabilityName>();
  let clock = options.now ?? 1_000;
  return {
    events,
    logs,
    push: (event) => events.push(event),
    rawIdOf: getIdentifierRawId,
    localId: options.localId ?? null,
    now: () => clock++,
    log: (level, message) => logs.push(`${level}: ${message}`),
    allowed: (name) => !forbidden.has(name),
    take: () => events.splice(0),
    forbid: (name) => forbidden.add(name),
  };
}
