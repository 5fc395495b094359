// Renderer crash and hang recovery with fakes for the window and timers.
import { describe, expect, it } from 'vitest';
import type { JoinRequest } from '../../../common/ipc-contract';
import type { InviteResult } from '../../../common/meeting';
import { RendererRecovery, type RendererRecoveryOptions } from '../../../main/crash/renderer-recovery';

const meeting = (id: string): InviteResult => ({
  ok: true,
  target: { kind: 'meetingId', meetingId: id, passcode: 'pass' },
  normalized: `https://teams.microsoft.com/meet/${id}?p=pass`,
  host: 'teams.microsoft.com',
});

function setup(options: RendererRecoveryOptions = {}) {
  const calls: string[] = [];
  const sent: JoinRequest[] = [];
  const timers: Array<{ callback: () => void; ms: number; cancelled: boolean }> = [];
  let now = 0;
  const recovery = new RendererRecovery(
    {
      reload: () => calls.push('reload'),
      crashRenderer: () => calls.push('crash'),
      crashLoop: () => calls.push('crashLoop'),
      sendJoinRequest: (request) => sent.push(request),
      log: () => undefined,
      now: () => now,
      setTimer: (callback, ms) => {
        const timer = { callback, ms, cancelled: false };
        timers.push(timer);
        return () => (timer.cancelled = true);
      },
    },
    options,
  );
  /** A crash as Electron reports it, then the reloaded page becoming ready. */
  const crashAndReload = (reason = 'crashed') => {
    recovery.rendererGone(reason);
    recovery.pageLoading();
    recovery.rendererReady();
  };
  return { recovery, calls, sent, timers, crashAndReload, advance: (ms: number) => (now += ms) };
}

describe('renderer recovery', () => {
  it('reloads after a crash and offers the meeting the guest was in', () => {
    const { recovery, calls, sent, crashAndReload } = setup();
    recovery.inviteSeen(meeting('111'));
    recovery.presenceChanged({ inMeeting: true });
    crashAndReload('oom');
    expect(calls).toEqual(['reload']);
    expect(sent).toEqual([{ invite: meeting('111'), reason: 'recovered' }]);
  });

  it('waits for the reloaded page before sending the join request', () => {
    const { recovery, sent } = setup();
    recovery.inviteSeen(meeting('111'));
    recovery.presenceChanged({ inMeeting: true });
    recovery.rendererGone('crashed');
    recovery.pageLoading();
    expect(sent).toEqual([]);
    recovery.rendererReady();
    recovery.rendererReady();
    expect(sent).toHaveLength(1);
  });

  it('offers the newest invite seen before the call started', () => {
    const { recovery, sent, crashAndReload } = setup();
    recovery.inviteSeen(meeting('111'));
    recovery.inviteSeen({ ok: false, problem: 'notTeamsLink' });
    recovery.inviteSeen(meeting('222'));
    recovery.presenceChanged({ inMeeting: true });
    recovery.inviteSeen(meeting('333'));
    crashAndReload();
    expect(sent).toEqual([{ invite: meeting('222'), reason: 'recovered' }]);
  });

  it('prefers the invite the renderer reports with its presence (proposed contract)', () => {
    const { recovery, sent, crashAndReload } = setup();
    recovery.inviteSeen(meeting('111'));
    recovery.presenceChanged({ inMeeting: true, invite: meeting('444'), callId: 'call-1' });
    crashAndReload();
    expect(sent).toEqual([{ invite: meeting('444'), reason: 'recovered' }]);
    expect(recovery.lastCallId).toBe('call-1');
  });

  it('only reloads when the guest was not in a meeting', () => {
    const { recovery, calls, sent, crashAndReload } = setup();
    recovery.inviteSeen(meeting('111'));
    recovery.presenceChanged({ inMeeting: true });
    recovery.presenceChanged({ inMeeting: false });
    crashAndReload();
    expect(calls).toEqual(['reload']);
    expect(sent).toEqual([]);
  });

  it('forgets the meeting when the page reloads for another reason', () => {
    const { recovery, sent, crashAndReload } = setup();
    recovery.inviteSeen(meeting('111'));
    recovery.presenceChanged({ inMeeting: true });
    recovery.pageLoading();
    recovery.rendererReady();
    crashAndReload();
    expect(sent).toEqual([]);
  });

  it('does nothing on a clean exit', () => {
    const { recovery, calls, sent } = setup();
    recovery.inviteSeen(meeting('111'));
    recovery.presenceChanged({ inMeeting: true });
    recovery.rendererGone('clean-exit');
    recovery.rendererReady();
    expect([calls, sent]).toEqual([[], []]);
  });

  it('stops offering a meeting that keeps crashing the renderer, but still reloads', () => {
    const { recovery, calls, sent, timers, crashAndReload, advance } = setup({ maxRejoins: 2, rejoinWindowMs: 60_000, crashWindowMs: 500 });
    for (let i = 0; i < 3; i++) {
      recovery.inviteSeen(meeting('111'));
      recovery.presenceChanged({ inMeeting: true });
      crashAndReload();
      advance(1_000);
    }
    expect(calls).toEqual(['reload', 'reload', 'reload']);
    expect(timers).toEqual([]);
    expect(sent).toHaveLength(2);
    advance(60_000);
    recovery.presenceChanged({ inMeeting: true });
    crashAndReload();
    expect(sent).toHaveLength(3);
  });

  it('reloads a crash loop with growing waits, then stops and offers a restart instead of reloading forever', () => {
    const { recovery, calls, timers, advance } = setup({ maxReloads: 3, reloadBackoffMs: 1_000, crashWindowMs: 60_000 });
    recovery.rendererGone('crashed');
    expect(calls).toEqual(['reload']);
    advance(100);
    recovery.rendererGone('crashed');
    expect(calls).toEqual(['reload']);
    expect(timers.map((t) => t.ms)).toEqual([1_000]);
    timers[0].callback();
    expect(calls).toEqual(['reload', 'reload']);
    advance(100);
    recovery.rendererGone('oom');
    expect(timers.map((t) => t.ms)).toEqual([1_000, 2_000]);
    timers[1].callback();
    advance(100);
    recovery.rendererGone('crashed');
    expect(calls).toEqual(['reload', 'reload', 'reload', 'crashLoop']);
    expect(timers).toHaveLength(2);
  });

  it('counts only the crashes of the recent past: an occasional crash always reloads at once', () => {
    const { recovery, calls, timers, advance } = setup({ maxReloads: 2, crashWindowMs: 60_000 });
    for (let i = 0; i < 5; i++) {
      recovery.rendererGone('crashed');
      advance(61_000);
    }
    expect(calls).toEqual(['reload', 'reload', 'reload', 'reload', 'reload']);
    expect(timers).toEqual([]);
  });

  it('a page gone for good (window closed) cancels a reload that was waiting', () => {
    const { recovery, calls, timers } = setup();
    recovery.rendererGone('crashed');
    recovery.rendererGone('crashed');
    recovery.windowClosed();
    expect(timers[0].cancelled).toBe(true);
    expect(calls).toEqual(['reload']);
  });

  it('restarts a renderer that stays unresponsive past the grace period', () => {
    const { recovery, calls, timers, sent, crashAndReload } = setup({ hangGraceMs: 5_000 });
    recovery.inviteSeen(meeting('111'));
    recovery.presenceChanged({ inMeeting: true });
    recovery.unresponsive();
    recovery.unresponsive();
    expect(timers.map((t) => t.ms)).toEqual([5_000]);
    timers[0].callback();
    expect(calls).toEqual(['crash']);
    // Electron then reports the killed renderer gone.
    crashAndReload('killed');
    expect(calls).toEqual(['crash', 'reload']);
    expect(sent).toEqual([{ invite: meeting('111'), reason: 'recovered' }]);
  });

  it('leaves a renderer alone that becomes responsive again', () => {
    const { recovery, calls, timers } = setup();
    recovery.unresponsive();
    recovery.responsive();
    expect(timers[0].cancelled).toBe(true);
    recovery.unresponsive();
    expect(timers).toHaveLength(2);
    expect(calls).toEqual([]);
  });
});
