// Process: renderer. The ACS test bot (`8:echo123`) as the scripted meeting plays it, after the
// real bot's fixed script: it answers, greets (talking), records what the guest says (silent,
// about ten seconds), plays it back (talking), and falls silent. Each step happens on the
// meeting's clock, or, with `manual`, only when a test says so (`next()`, which reports the time the
// step would have taken, so the meeting can move the calling module's clock on by as much): tests
// never wait.
// It plays no sound of its own: the practice meeting's bot is a rehearsal of the steps.
import type { Clock } from './clock';
import { ECHO_BOT, ScriptedRemoteParticipant, type ScriptedCall } from './sdk';

/** The steps after connecting: what the bot does, and how long until the next one (auto mode). */
const STEPS = [
  { speaking: true, forMs: 3_000 }, // greeting
  { speaking: false, forMs: 10_000 }, // recording
  { speaking: true, forMs: 10_000 }, // playing back
  { speaking: false, forMs: 0 }, // done: the guest's app hangs up
] as const;

export type EchoBotStep = 'connecting' | 'greeting' | 'recording' | 'playingBack' | 'silent';
const NAMES: readonly EchoBotStep[] = ['greeting', 'recording', 'playingBack', 'silent'];

export class ScriptedEchoBot {
  private step = -1;
  private timer: unknown = null;
  readonly participant: ScriptedRemoteParticipant;

  constructor(
    private readonly call: ScriptedCall,
    private readonly clock: Clock,
    options: { connectDelayMs: number; manual: boolean; endWhileConnecting?: { code: number; subCode?: number } },
  ) {
    this.participant = new ScriptedRemoteParticipant({ name: 'Echo test bot', muted: false, acsId: ECHO_BOT });
    this.manual = options.manual;
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      if (call.state !== 'Connecting') return;
      if (options.endWhileConnecting) return call.scriptEnd({ code: options.endWhileConnecting.code, subCode: options.endWhileConnecting.subCode });
      call.scriptState('Connected');
      call.scriptJoin([this.participant]);
      this.next();
    }, options.connectDelayMs);
  }

  private readonly manual: boolean;

  /** Where the bot is in its script. */
  get current(): EchoBotStep {
    return this.step < 0 ? 'connecting' : NAMES[Math.min(this.step, NAMES.length - 1)];
  }

  /** The bot's next step now (what the clock would do after the step's time); returns that time (ms), skipped. */
  next(): number {
    if (this.call.state === 'Disconnected' || this.step >= STEPS.length - 1) return 0;
    this.clock.clearTimeout(this.timer);
    this.timer = null;
    const skipped = this.step >= 0 ? STEPS[this.step].forMs : 0;
    const step = STEPS[++this.step];
    this.participant.scriptSpeaking(step.speaking);
    if (!this.manual && step.forMs > 0) this.timer = this.clock.setTimeout(() => this.next(), step.forMs);
    return skipped;
  }

  stop(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
