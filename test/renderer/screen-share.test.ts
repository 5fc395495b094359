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
  private listening = 0;
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listening++;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listening--;
    super.removeEventListener(...args);
  }
  listenerCount(): number {
    return this.listening;
  }
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
  starts = 0;
  /** The SDK says sharing is on before it lists the stream (the order is not promised). */
  streamsLate = false;
  /** The shared window closed between the pick and the SDK's start. */
  sourceGone = false;

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
    this.starts++;
    const next = this.next;
    // The picker answers first (it notes what the guest did), then getDisplayMedia settles.
    if (next.pick) noteCaptureChosen(next.pick);
    if (next.cancel) noteCaptureCancelled();
    await Promise.resolve();
    if (next.error) throw next.error;
    this.track = new FakeTrack();
    if (this.sourceGone) this.track.readyState = 'ended';
    const media = { getVideoTracks: () => [this.track] };
    const list = () => {
      this.localVideoStreams = [{ mediaStreamType: 'Video', getMediaStream: async () => ({ getVideoTracks: () => [] }) }, { mediaStreamType: 'ScreenSharing', getMediaStream: async () => media }];
      this.emit('localVideoStreamsUpdated');
    };
    if (!this.streamsLate) list();
    this.isScreenSharingOn = true;
    this.emit('isScreenSharingOnChanged');
    if (this.streamsLate) list();
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

function setup(options: { allowed?: boolean; duringGrace?: () => void } = {}) {
  const logs: string[] = [];
  let allowed = options.allowed ?? true;
  const controller = new ScreenShareController({
    allowed: () => allowed,
    log: (level, message) => logs.push(`${level} ${message}`),
    delay: async () => options.duringGrace?.(),
  });
  const call = new FakeCall();
  controller.attach(call as never);
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { controller, call, logs, flush, state: () => controller.state.get(), setAllowed: (v: boolean) => void (allowed = v) };
}

describe('screen share glue (SDK call)', () => {
  it('a refusal is logged with what the guest is told and the SDK\'s codes; a cancel as a cancel', async () => {
    const s = setup();
    s.call.next = { error: sdkError(412, 43016) };
    await s.controller.start();
    s.call.next = { cancel: true, error: sdkError(500, 60603) };
    await s.controller.start();
    expect(s.logs).toEqual(['warn screen share: did not start (blocked): failed 412/43016 (412/43016)', 'info screen share: did not start (cancelled): failed 500/60603 (500/60603)']);
  });

  it('main\'s cancel note arriving just after the SDK\'s error still reads as a cancel; without it, the error is shown', async () => {
    const late = setup({ duringGrace: () => noteCaptureCancelled() });
    late.call.next = { error: sdkError(500, 60603) };
    await late.controller.start();
    expect(late.state()).toEqual(SHARE_OFF);
    const none = setup();
    none.call.next = { error: sdkError(500, 60603) };
    await none.controller.start();
    expect(none.state()).toEqual({ ...SHARE_OFF, error: 'permission' });
  });

  it('the call ending while the guest\'s cancel is awaited leaves the state alone', async () => {
    const s = setup({ duringGrace: () => s.controller.detach() });
    s.call.next = { error: sdkError(500, 41040) };
    await s.controller.start();
    expect(s.state()).toEqual(SHARE_OFF);
    expect(s.logs).toEqual([]);
  });

  it('an error from start while the SDK shares anyway: the share is on', async () => {
    const s = setup();
    s.call.next = { error: sdkError(500, 41040) };
    s.call.startScreenSharing = async () => {
      s.call.isScreenSharingOn = true;
      throw sdkError(500, 41040);
    };
    await s.controller.start();
    expect(s.state()).toMatchObject({ status: 'on', error: null });
  });

  it('stop with nothing shared asks nothing of the SDK; a stop the SDK refuses keeps the share on and is logged', async () => {
    const s = setup();
    await s.controller.stop();
    expect(s.call.stops).toBe(0);
    s.call.next = { pick: 'A' };
    await s.controller.start();
    const stop = s.call.stopScreenSharing.bind(s.call);
    s.call.stopScreenSharing = async () => {
      s.call.stops++;
      throw sdkError(500, 1);
    };
    await s.controller.stop();
    expect(s.state().status).toBe('on');
    expect(s.logs).toContain('warn screen share: stop failed: failed 500/1 (500/1)');
    // The guest stops again and it works: not counted as the source ending.
    s.call.stopScreenSharing = stop;
    await s.controller.stop();
    expect(s.state()).toEqual(SHARE_OFF);
  });

  it('stop after the SDK already ended the share without saying so: off, no SDK call', async () => {
    const s = setup();
    s.call.next = { pick: 'A' };
    await s.controller.start();
    // The SDK's flag went off, its event not yet sent.
    s.call.isScreenSharingOn = false;
    await s.controller.stop();
    expect(s.call.stops).toBe(0);
    expect(s.state()).toEqual(SHARE_OFF);
  });

  it('joining a call that already shares (a rejoin): shown on, and the source ending still stops it', async () => {
    const call = new FakeCall();
    call.next = { pick: 'A' };
    await call.startScreenSharing();
    const logs: string[] = [];
    const controller = new ScreenShareController({ allowed: () => true, log: (level, message) => logs.push(`${level} ${message}`), delay: async () => undefined });
    controller.attach(call as never);
    expect(controller.state.get()).toMatchObject({ status: 'on', error: null, endedBySource: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    call.track.end();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(call.stops).toBe(1);
    expect(controller.state.get()).toEqual({ ...SHARE_OFF, endedBySource: true });
    expect(logs).toEqual(['info screen share: the shared source ended', 'info screen share: ended by its source']);
  });

  it('the stream listed after sharing is reported on is still watched', async () => {
    const s = setup();
    s.call.streamsLate = true;
    s.call.next = { pick: 'A' };
    await s.controller.start();
    await s.flush();
    s.call.track.end();
    await s.flush();
    expect(s.state()).toEqual({ ...SHARE_OFF, endedBySource: true });
  });

  it('a source already gone when the share is reported ends it at once', async () => {
    const s = setup();
    s.call.next = { pick: 'A' };
    s.call.sourceGone = true;
    await s.controller.start();
    await s.flush();
    expect(s.state()).toEqual({ ...SHARE_OFF, endedBySource: true });
    expect(s.call.stops).toBe(1);
  });

  it('the call ending while the SDK starts the share: not shown as sharing', async () => {
    const s = setup();
    s.call.next = { pick: 'A' };
    const start = s.call.startScreenSharing.bind(s.call);
    s.call.startScreenSharing = async () => {
      await start();
      s.controller.detach();
    };
    await s.controller.start();
    expect(s.state()).toEqual(SHARE_OFF);
    expect(s.logs).toEqual([]);
  });

  it('a stream whose media cannot be read is not watched, and nothing fails', async () => {
    const s = setup();
    s.call.next = { pick: 'A' };
    const start = s.call.startScreenSharing.bind(s.call);
    s.call.startScreenSharing = async () => {
      await start();
      s.call.localVideoStreams = [{ mediaStreamType: 'ScreenSharing', getMediaStream: () => Promise.reject(new Error('gone')) }];
    };
    await s.controller.start();
    await s.flush();
    expect(s.state().status).toBe('on');
  });

  it('after the guest stops, the old source ending changes nothing', async () => {
    const s = setup();
    s.call.next = { pick: 'A' };
    await s.controller.start();
    await s.flush();
    const old = s.call.track;
    await s.controller.stop();
    old.end();
    await s.flush();
    expect(s.state()).toEqual(SHARE_OFF);
    expect(s.call.stops).toBe(1);
    expect(s.logs).toEqual(['info screen share: started']);
  });

  it('the source ending after the service already stopped the share asks the SDK nothing', async () => {
    const s = setup();
    s.call.next = { pick: 'A' };
    await s.controller.start();
    await s.flush();
    const old = s.call.track;
    s.call.serviceStops();
    old.end();
    await s.flush();
    expect(s.call.stops).toBe(0);
    expect(s.state()).toEqual({ ...SHARE_OFF, endedBySource: true });
  });

  it('a call ended while its stream is read is not watched', async () => {
    const s = setup();
    s.call.next = { pick: 'A' };
    await s.controller.start();
    s.controller.detach();
    await s.flush();
    expect(s.call.track.listenerCount()).toBe(0);
  });

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
    expect(s.call.starts).toBe(1);
    expect(s.logs).toEqual(['info screen share: started']);
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
