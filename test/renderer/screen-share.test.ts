// The guest's screen share, in Node: the SDK glue (renderer/calling/screen-share.ts) over a fake
// Call, and the pure share model (what an error means, what the sharing controls show, who is on
// the stage).
import { describe, expect, it } from 'vitest';
import { ScreenShareController } from '../../renderer/calling/screen-share';
import { applyEvents, initialCallState, type CallEvent, type CallState } from '../../renderer/calling/call-model';
import { noteCaptureCancelled, noteCaptureChosen } from '../../renderer/share/capture-outcome';
import { SHARE_OFF, presenterOf, shareControlsStateOf, shareErrorOf, speakerName } from '../../renderer/share/share-model';
import { person } from './participants';

class FakeTrack extends EventTarget {
  readyState: 'live' | 'ended' = 'live';
  /** The OS ends the capture (the shared window closed). */
  end(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

function sdkError(code: number, subCode: number): Error {
  return Object.assign(new Error(`failed ${code}/${subCode}`), { code, subCode });
}

/** A Call with just the screen-sharing surface, behaving like the SDK's. */
class FakeCall {
  state = 'Connected';
  isScreenSharingOn = false;
  localVideoStreams: Array<{ mediaStreamType: string; getMediaStream(): Promise<unknown> }> = [];
  track = new FakeTrack();
  private listeners = new Map<string, Set<() => void>>();
  /** What startScreenSharing does next: share, or fail with this error (after the picker). */
  next: { pick?: string; cancel?: boolean; error?: Error } = {};
  stops = 0;

  on(event: string, listener: () => void): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }
  off(event: string, listener: () => void): void {
    this.listeners.get(event)?.delete(listener);
  }
  emit(event: string): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener();
  }
  listenerCount(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
  async startScreenSharing(): Promise<void> {
    const next = this.next;
    // The picker answers first (it notes what the guest did), then getDisplayMedia settles.
    if (next.pick) noteCaptureChosen(next.pick);
    if (next.cancel) noteCaptureCancelled();
    await Promise.resolve();
    if (next.error) throw next.error;
    this.track = new FakeTrack();
    const media = { getVideoTracks: () => [this.track] };
    this.localVideoStreams = [{ mediaStreamType: 'ScreenSharing', getMediaStream: async () => media }];
    this.emit('localVideoStreamsUpdated');
    this.isScreenSharingOn = true;
    this.emit('isScreenSharingOnChanged');
  }
  async stopScreenSharing(): Promise<void> {
    this.stops++;
    if (!this.isScreenSharingOn) throw sdkError(400, 41041);
    this.localVideoStreams = [];
    this.emit('localVideoStreamsUpdated');
    this.isScreenSharingOn = false;
    this.emit('isScreenSharingOnChanged');
  }
  /** The service stops the share (not the guest, not the source). */
  serviceStops(): void {
    this.isScreenSharingOn = false;
    this.localVideoStreams = [];
    this.emit('isScreenSharingOnChanged');
  }
}

function setup(options: { allowed?: boolean } = {}) {
  const logs: string[] = [];
  let allowed = options.allowed ?? true;
  const controller = new ScreenShareController({
    allowed: () => allowed,
    log: (level, message) => logs.push(`${level} ${message}`),
    delay: async () => undefined,
  });
  const call = new FakeCall();
  controller.attach(call as never);
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { controller, call, logs, flush, state: () => controller.state.get(), setAllowed: (v: boolean) => void (allowed = v) };
}

describe('screen share glue (SDK call)', () => {
  it('shares what the guest picked and names it; stops on request without calling it an end by the source', async () => {
    const s = setup();
    s.call.next = { pick: 'Claim form - Adobe Acrobat' };
    const starting = s.controller.start();
    expect(s.state().status).toBe('starting');
    await starting;
    expect(s.state()).toEqual({ status: 'on', sourceName: 'Claim form - Adobe Acrobat', error: null, endedBySource: false });
    await s.controller.stop();
    expect(s.state()).toEqual(SHARE_OFF);
    expect(s.call.stops).toBe(1);
  });

  it('a cancel in the picker is no error; nor is main settling the request without it', async () => {
    const s = setup();
    s.call.next = { cancel: true, error: sdkError(500, 60603) };
    await s.controller.start();
    expect(s.state()).toEqual(SHARE_OFF);
    s.call.next = { cancel: true, error: sdkError(403, 43001) };
    await s.controller.start();
    expect(s.state()).toEqual(SHARE_OFF);
    expect(s.logs.filter((l) => l.startsWith('warn'))).toEqual([]);
  });

  it.each([
    [sdkError(403, 43001), 'permission'],
    [sdkError(500, 60603), 'permission'],
    [sdkError(412, 43016), 'blocked'],
    [sdkError(412, 41071), 'notConnected'],
    [sdkError(500, 41040), 'failed'],
  ] as const)('a refusal nobody cancelled (%s) is explained as %s', async (error, kind) => {
    const s = setup();
    s.call.next = { error };
    await s.controller.start();
    expect(s.state()).toEqual({ ...SHARE_OFF, error: kind });
    s.controller.dismiss();
    expect(s.state()).toEqual(SHARE_OFF);
  });

  it('the OS blocking recording is said even if the picker was cancelled before', async () => {
    const s = setup();
    s.call.next = { cancel: true, error: sdkError(412, 43016) };
    await s.controller.start();
    expect(s.state().error).toBe('blocked');
  });

  it('not in the meeting (lobby, reconnecting): explained without asking the SDK', async () => {
    const s = setup();
    s.call.state = 'Connecting';
    await s.controller.start();
    expect(s.state().error).toBe('notConnected');
    expect(s.call.localVideoStreams).toEqual([]);
  });

  it('a meeting that forbids sharing: nothing happens (the control says why)', async () => {
    const s = setup({ allowed: false });
    s.call.next = { pick: 'Screen 1' };
    await s.controller.start();
    expect(s.state()).toEqual(SHARE_OFF);
    expect(s.call.isScreenSharingOn).toBe(false);
  });

  it('the shared window closes: the share stops and the guest is told why', async () => {
    const s = setup();
    s.call.next = { pick: 'Notes' };
    await s.controller.start();
    await s.flush();
    s.call.track.end();
    await s.flush();
    expect(s.call.stops).toBe(1);
    expect(s.state()).toEqual({ ...SHARE_OFF, endedBySource: true });
    expect(s.logs).toContain('info screen share: the shared source ended');
  });

  it('the SDK (or the service) turning sharing off on its own counts as ended by the source', async () => {
    const s = setup();
    s.call.next = { pick: 'Notes' };
    await s.controller.start();
    s.call.serviceStops();
    expect(s.state()).toEqual({ ...SHARE_OFF, endedBySource: true });
  });

  it('a second start while sharing or starting does nothing', async () => {
    const s = setup();
    s.call.next = { pick: 'A' };
    const first = s.controller.start();
    await s.controller.start();
    await first;
    await s.controller.start();
    expect(s.state().sourceName).toBe('A');
  });

  it('detaching (the call ended) resets the state and removes every listener', async () => {
    const s = setup();
    s.call.next = { pick: 'A' };
    await s.controller.start();
    s.controller.detach();
    expect(s.state()).toEqual(SHARE_OFF);
    expect(s.call.listenerCount()).toBe(0);
    await s.controller.start();
    expect(s.state()).toEqual({ ...SHARE_OFF, error: 'notConnected' });
  });
});


function meeting(events: CallEvent[]): CallState {
  return applyEvents(initialCallState({ muted: false, videoOn: false, now: 0 }), [{ type: 'callState', state: 'Connected', at: 1 }, ...events]);
}

describe('share model', () => {
  it('maps SDK errors to what the guest is told', () => {
    expect(shareErrorOf(sdkError(400, 41035), null)).toBeNull();
    expect(shareErrorOf(sdkError(412, 41071), { kind: 'cancelled', at: 0 })).toBe('notConnected');
    expect(shareErrorOf(sdkError(403, 43001), { kind: 'chosen', sourceName: 'x', at: 0 })).toBe('permission');
    expect(shareErrorOf(new Error('weird'), null)).toBe('failed');
    expect(shareErrorOf(undefined, null)).toBe('failed');
  });

  it('the sharing controls show mute, unmute permission and the person speaking, only while sharing', () => {
    const state = meeting([
      { type: 'participantJoined', participant: person('a', { name: 'Ada' }) },
      { type: 'participantJoined', participant: person('b', { name: 'Grace', speaking: true }) },
    ]);
    const on = { ...SHARE_OFF, status: 'on' as const };
    expect(shareControlsStateOf(state, SHARE_OFF)).toEqual({ sharing: false, muted: true, canUnmute: true, speaker: null });
    expect(shareControlsStateOf(null, on).sharing).toBe(false);
    expect(shareControlsStateOf(state, on)).toEqual({ sharing: true, muted: false, canUnmute: true, speaker: 'Grace' });
    const restricted = applyEvents(state, [
      { type: 'local', patch: { muted: true } },
      { type: 'capabilities', changes: { unmuteMic: { allowed: false, reason: 'meeting' } } },
    ]);
    expect(shareControlsStateOf(restricted, on)).toMatchObject({ muted: true, canUnmute: false });
  });

  it('names the main speaker when they speak, else anyone speaking, else nobody', () => {
    const base = meeting([
      { type: 'participantJoined', participant: person('a', { name: 'Ada' }) },
      { type: 'participantJoined', participant: person('b', { name: 'Grace' }) },
    ]);
    expect(speakerName(base)).toBeNull();
    const dominantQuiet = applyEvents(base, [{ type: 'dominantSpeakers', ids: ['a'] }, { type: 'participantChanged', id: 'b', patch: { speaking: true } }]);
    expect(speakerName(dominantQuiet)).toBe('Grace');
    const dominantSpeaks = applyEvents(dominantQuiet, [{ type: 'participantChanged', id: 'a', patch: { speaking: true } }]);
    expect(speakerName(dominantSpeaks)).toBe('Ada');
  });

  it('puts one sharer on the stage and keeps them there while they share', () => {
    const state = meeting([
      { type: 'participantJoined', participant: person('a') },
      { type: 'participantJoined', participant: person('b') },
    ]);
    expect(presenterOf(state, null)).toBeNull();
    const bShares = applyEvents(state, [{ type: 'participantChanged', id: 'b', patch: { screenShareAvailable: true } }]);
    expect(presenterOf(bShares, null)).toBe('b');
    const both = applyEvents(bShares, [{ type: 'participantChanged', id: 'a', patch: { screenShareAvailable: true } }]);
    expect(presenterOf(both, 'b')).toBe('b');
    const bStops = applyEvents(both, [{ type: 'participantChanged', id: 'b', patch: { screenShareAvailable: false } }]);
    expect(presenterOf(bStops, 'b')).toBe('a');
    const bLeaves = applyEvents(bShares, [{ type: 'participantLeft', id: 'b' }]);
    expect(presenterOf(bLeaves, 'b')).toBeNull();
  });
});
