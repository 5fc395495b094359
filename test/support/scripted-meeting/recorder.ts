// Test code only. The strict counterpart's memory: records everything the guest's client sent the
// scripted meeting (practice/received.ts), in order, for tests to assert on what the meeting
// received rather than only on what the screen shows.
import type { ScriptedMeeting } from '../../../renderer/calling/practice/meeting';
import type { Received, TokenUse } from '../../../renderer/calling/practice/received';

export class MeetingRecorder {
  readonly received: Received[] = [];
  private readonly stop: () => void;

  constructor(meeting: ScriptedMeeting) {
    this.stop = meeting.onReceived((action) => this.received.push(action));
  }

  /** Every action of one kind, in order. */
  of<K extends Received['kind']>(kind: K): Array<Extract<Received, { kind: K }>> {
    return this.received.filter((action): action is Extract<Received, { kind: K }> => action.kind === kind);
  }

  /** The kinds of everything received since `from` (an index into `received`), in order. */
  kindsSince(from: number): Array<Received['kind']> {
    return this.received.slice(from).map((action) => action.kind);
  }

  /** The tokens the meeting read from the credential, for one use or all. */
  tokens(use?: TokenUse): string[] {
    return this.of('token')
      .filter((read) => use === undefined || read.use === use)
      .map((read) => read.token);
  }

  detach(): void {
    this.stop();
  }
}
