// Process: renderer (SDK glue, no SDK import). What a call-feature module gets from the session:
// a narrow way to push model events and to read the little it needs, never the session, the call
// or the store (Signal's CallingReduxInterface idea). Also the shared failure notice for actions.
import type { CommunicationIdentifier } from '@azure/communication-common';
import type { LogLevel } from '../../../common/ipc-contract';
import type { CallEvent, CapabilityName } from '../call-model';
import { describeSdkError } from '../sdk-error';

export interface FeatureContext {
  /** Queues a model event (applied with the frame's batch). */
  push(event: CallEvent): void;
  /** The SDK identifier's raw id, the participant key of the model. */
  rawIdOf(identifier: CommunicationIdentifier): string;
  /** The guest's own raw id (from the token), to tell their own events apart; null if unknown. */
  readonly localId: string | null;
  now(): number;
  /** Runs `run` once after `ms` (a feature's own timer, e.g. expiries); returns the cancel. */
  after(ms: number, run: () => void): () => void;
  log(level: LogLevel, message: string): void;
  /** Whether the meeting allows the guest this action now (the model's capability). */
  allowed(name: CapabilityName): boolean;
}

/** Every feature handle: `detach()` removes exactly the listeners its attach added. */
export interface FeatureHandle {
  detach(): void;
}

/** An action failed: logged, and the guest sees the short `actionFailed` notice. */
export function reportFailure(ctx: FeatureContext, what: string, error: unknown): void {
  ctx.log('warn', `${what} failed: ${describeSdkError(error)}`);
  ctx.push({ type: 'notice', kind: 'actionFailed', active: true });
}

/** An action worked: a previous failure notice no longer applies. */
export function clearFailure(ctx: FeatureContext): void {
  ctx.push({ type: 'notice', kind: 'actionFailed', active: false });
}

/** Runs every unsubscribe once (a handle's detach). */
export function detacher(offs: Array<() => void>): () => void {
  return () => {
    for (const off of offs.splice(0)) off();
  };
}
