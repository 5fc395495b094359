// Process: main. Brings the window back when the renderer crashes or hangs, and offers the guest
// the meeting they were in. A renderer that keeps crashing is reloaded after growing waits, a few
// times, and then no more: the guest is offered a restart instead of a window that never settles.
// After a reload after the reload, the invite goes back to the join screen as a join
// request, filled in, and the guest presses Join (nothing rejoins by itself, as with deep links).
//
// Main learns the meeting from what passes through it: the invites it parsed or delivered, and the
// renderer's call presence. The newest invite seen when the renderer reports "in a meeting" is the
// meeting; a renderer that also reports the invite and the call id (proposed contract addition)
// makes that exact.
import type { CallPresence, JoinRequest } from '../../common/ipc-contract';
import type { InviteResult } from '../../common/meeting';

type Invite = Extract<InviteResult, { ok: true }>;

/** What the renderer reports about its call; `invite` and `callId` are the proposed additions. */
export type ReportedPresence = CallPresence & { invite?: InviteResult; callId?: string };

export interface RendererRecoveryDeps {
  /** Loads the app's page again in the same window. */
  reload(): void;
  /** Kills a hung renderer; Electron then reports it gone, which reloads. */
  crashRenderer(): void;
  /** The renderer keeps crashing: stop reloading and tell the guest (offering a restart). */
  crashLoop(): void;
  sendJoinRequest(request: JoinRequest): void;
  log(message: string): void;
  now(): number;
  setTimer(callback: () => void, ms: number): () => void;
}

export interface RendererRecoveryOptions {
  /** How long a renderer may stay unresponsive before it is restarted. */
  hangGraceMs?: number;
  /** At most this many rejoin offers within `rejoinWindowMs`: a meeting that keeps crashing the
   *  renderer is not offered again and again. */
  maxRejoins?: number;
  rejoinWindowMs?: number;
  /** At most this many reloads within `crashWindowMs`; one more crash is a crash loop. */
  maxReloads?: number;
  crashWindowMs?: number;
  /** The wait before the second reload in a row; each further one waits twice as long. */
  reloadBackoffMs?: number;
}

export class RendererRecovery {
  private lastInvite: Invite | null = null;
  private meeting: Invite | null = null;
  private pendingRejoin: Invite | null = null;
  private callId: string | null = null;
  private cancelHangTimer: (() => void) | null = null;
  private rejoinTimes: number[] = [];
  private crashTimes: number[] = [];
  private cancelReload: (() => void) | null = null;
  private readonly hangGraceMs: number;
  private readonly maxRejoins: number;
  private readonly rejoinWindowMs: number;
  private readonly maxReloads: number;
  private readonly crashWindowMs: number;
  private readonly reloadBackoffMs: number;

  constructor(private readonly deps: RendererRecoveryDeps, options: RendererRecoveryOptions = {}) {
    this.hangGraceMs = options.hangGraceMs ?? 10_000;
    this.maxRejoins = options.maxRejoins ?? 2;
    this.rejoinWindowMs = options.rejoinWindowMs ?? 5 * 60_000;
    this.maxReloads = options.maxReloads ?? 3;
    this.crashWindowMs = options.crashWindowMs ?? 2 * 60_000;
    this.reloadBackoffMs = options.reloadBackoffMs ?? 2_000;
  }

  /** An invite main parsed for the renderer or delivered from a deep link. */
  inviteSeen(invite: InviteResult): void {
    if (invite.ok === true) this.lastInvite = invite;
  }

  presenceChanged(presence: ReportedPresence): void {
    if (presence.invite) this.inviteSeen(presence.invite);
    if (presence.callId) this.callId = presence.callId;
    this.meeting = presence.inMeeting ? this.lastInvite : null;
  }

  /** The last call id the renderer reported, for diagnostics. */
  get lastCallId(): string | null {
    return this.callId;
  }

  /** `render-process-gone`: anything but a clean exit reloads (after a wait when it happens again
   *  soon), and a meeting is offered again; too many crashes in a row end in `crashLoop`. */
  rendererGone(reason: string): void {
    this.clearHangTimer();
    if (reason === 'clean-exit') return;
    if (this.meeting && this.mayOfferRejoin()) this.pendingRejoin = this.meeting;
    else if (this.meeting) this.deps.log('renderer keeps failing in this meeting: not offering it again');
    this.meeting = null;
    const now = this.deps.now();
    this.crashTimes = this.crashTimes.filter((t) => now - t < this.crashWindowMs);
    this.crashTimes.push(now);
    this.cancelReload?.();
    this.cancelReload = null;
    if (this.crashTimes.length > this.maxReloads) {
      this.deps.log(`renderer gone (${reason}) ${this.crashTimes.length} times in a row: not reloading again`);
      this.pendingRejoin = null;
      this.deps.crashLoop();
      return;
    }
    const waitMs = this.crashTimes.length === 1 ? 0 : this.reloadBackoffMs * 2 ** (this.crashTimes.length - 2);
    this.deps.log(`renderer gone (${reason}): reloading${waitMs ? ` in ${waitMs} ms` : ''}`);
    if (waitMs === 0) {
      this.deps.reload();
      return;
    }
    this.cancelReload = this.deps.setTimer(() => {
      this.cancelReload = null;
      this.deps.reload();
    }, waitMs);
  }

  /** The window is gone: nothing is reloaded into it, and a new window starts afresh. */
  windowClosed(): void {
    this.clearHangTimer();
    this.cancelReload?.();
    this.cancelReload = null;
    this.crashTimes = [];
    this.meeting = null;
    this.pendingRejoin = null;
  }

  /** The page (re)loads: whatever meeting it had is over; a pending rejoin stays for the new page. */
  pageLoading(): void {
    this.meeting = null;
  }

  /** `unresponsive`: give the renderer a grace period, then restart it. */
  unresponsive(): void {
    if (this.cancelHangTimer) return;
    this.deps.log('renderer unresponsive');
    this.cancelHangTimer = this.deps.setTimer(() => {
      this.cancelHangTimer = null;
      this.deps.log(`renderer still unresponsive after ${this.hangGraceMs} ms: restarting it`);
      this.deps.crashRenderer();
    }, this.hangGraceMs);
  }

  /** `responsive`: the hang ended by itself. */
  responsive(): void {
    if (!this.cancelHangTimer) return;
    this.deps.log('renderer responsive again');
    this.clearHangTimer();
  }

  /** The reloaded page is listening: hand it the meeting to rejoin, if any. */
  rendererReady(): void {
    const invite = this.pendingRejoin;
    this.pendingRejoin = null;
    if (!invite) return;
    this.deps.log('offering to rejoin the meeting after recovery');
    this.deps.sendJoinRequest({ invite, reason: 'recovered' });
  }

  private mayOfferRejoin(): boolean {
    const now = this.deps.now();
    this.rejoinTimes = this.rejoinTimes.filter((t) => now - t < this.rejoinWindowMs);
    if (this.rejoinTimes.length >= this.maxRejoins) return false;
    this.rejoinTimes.push(now);
    return true;
  }

  private clearHangTimer(): void {
    this.cancelHangTimer?.();
    this.cancelHangTimer = null;
  }
}
