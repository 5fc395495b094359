// The call model's rules the views rely on, one SDK fact at a time, in Node (no SDK, no DOM):
// each SDK state and diagnostic name shown as the guest is told it, what the roster keeps when
// someone comes back or is named by an event about someone it does not know, what a batch that
// changes nothing returns, and the gallery's and video's choices on rosters built by hand.
import { describe, expect, it } from 'vitest';
import {
  applyEvents,
  capabilityOf,
  galleryOrder,
  galleryTop,
  initialCallState,
  noticeOfDiagnostic,
  participantStatusOf,
  phaseOf,
  reduce,
  stableSlots,
  videoSelection,
  type CallEvent,
  type CallState,
  type NoticeKind,
  type Participant,
  type ParticipantInit,
} from '../../renderer/calling/call-model';
import { person } from './participants';

const start = (options: { muted?: boolean; videoOn?: boolean } = {}) => initialCallState({ muted: options.muted ?? true, videoOn: options.videoOn ?? false, now: 1000 });
const joined = (id: string, extra: Partial<ParticipantInit> = {}): CallEvent => ({ type: 'participantJoined', participant: person(id, extra) });
const connected = (): CallState => applyEvents(start(), [{ type: 'callState', state: 'Connected', at: 2000 }]);

describe('a new call', () => {
  it('starts with the guest’s own choices and nothing else going on', () => {
    const state = initialCallState({ muted: false, videoOn: true, now: 42 });
    expect(state).toMatchObject({
      phase: 'connecting',
      phaseSince: 42,
      connectedSince: null,
      callId: null,
      dominantSpeakers: [],
      local: { muted: false, videoOn: true, handRaised: false, leaving: false },
      recordingActive: false,
      transcriptionActive: false,
      consentRequired: false,
      notices: [],
      networkReconnecting: false,
      ended: null,
    });
    expect(state.participants.size).toBe(0);
    expect(initialCallState({ muted: true, videoOn: false, now: 0 }).local).toEqual({ muted: true, videoOn: false, handRaised: false, leaving: false });
  });
});

describe('SDK states as the guest is told them', () => {
  it.each([
    ['InLobby', 'connecting', 'lobby'],
    ['Connected', 'lobby', 'connected'],
    ['LocalHold', 'connected', 'connected'],
    ['RemoteHold', 'connected', 'connected'],
    ['Disconnected', 'connected', 'ended'],
    ['Disconnecting', 'reconnecting', 'reconnecting'],
    ['Connecting', 'reconnecting', 'reconnecting'],
    ['Connecting', 'lobby', 'connecting'],
    ['Ringing', 'connected', 'connecting'],
    ['None', 'connected', 'connecting'],
  ] as const)('%s after %s is %s', (sdk, previous, phase) => {
    expect(phaseOf(sdk, false, previous)).toBe(phase);
  });

  it.each([
    ['Connected', 'connected'],
    ['Hold', 'hold'],
    ['InLobby', 'lobby'],
    ['Disconnected', 'disconnected'],
    ['Connecting', 'connecting'],
    ['Idle', 'connecting'],
    ['EarlyMedia', 'connecting'],
  ])('a remote participant %s is %s', (sdk, status) => {
    expect(participantStatusOf(sdk)).toBe(status);
  });

  it.each([
    [undefined, { allowed: true, reason: 'none' }],
    [{ isPresent: true, reason: 'MeetingRestricted' }, { allowed: true, reason: 'none' }],
    [{ isPresent: false, reason: 'Capable' }, { allowed: true, reason: 'none' }],
    [{ isPresent: false, reason: 'NotInitialized' }, { allowed: true, reason: 'none' }],
    [{ isPresent: false, reason: 'MeetingRestricted' }, { allowed: false, reason: 'meeting' }],
    [{ isPresent: false, reason: 'RoleRestricted' }, { allowed: false, reason: 'role' }],
    [{ isPresent: false, reason: 'ExplicitConsentRequired' }, { allowed: false, reason: 'consent' }],
    [{ isPresent: false, reason: 'UserPolicyRestricted' }, { allowed: false, reason: 'policy' }],
    [{ isPresent: false, reason: 'IpModeUserPolicyRestricted' }, { allowed: false, reason: 'policy' }],
    [{ isPresent: false, reason: 'FeatureNotSupported' }, { allowed: false, reason: 'unavailable' }],
  ])('the capability %o is %o', (value, capability) => {
    expect(capabilityOf(value)).toEqual(capability);
  });

  it.each([
    ['noNetwork', 'noNetwork'],
    ['networkReceiveQuality', 'poorNetwork'],
    ['networkSendQuality', 'poorNetwork'],
    ['networkRelaysNotReachable', 'networkBlocked'],
    ['microphoneNotFunctioning', 'microphoneNotWorking'],
    ['microphoneNotMuteButSilent', 'microphoneNotWorking'],
    ['microphoneMuteUnexpectedly', 'microphoneNotWorking'],
    ['noMicrophoneDevicesEnumerated', 'microphoneNotWorking'],
    ['microphonePermissionDenied', 'microphoneNotWorking'],
    ['cameraFreeze', 'cameraFrozen'],
    ['cameraStartFailed', 'cameraNotWorking'],
    ['cameraStartTimedOut', 'cameraNotWorking'],
    ['cameraStoppedUnexpectedly', 'cameraNotWorking'],
    ['cameraPermissionDenied', 'cameraNotWorking'],
    ['speakingWhileMicrophoneIsMuted', 'speakingWhileMuted'],
    ['noSpeakerDevicesEnumerated', 'noSpeaker'],
    ['networkReconnect', null],
    ['', null],
  ])('the diagnostic %s shows %s', (name, notice) => {
    expect(noticeOfDiagnostic(name)).toBe(notice);
  });
});

describe('the call’s phase over time', () => {
  it('keeps when the phase began and when the guest first got in across holds and reconnects', () => {
    let state = connected();
    expect(state).toMatchObject({ phase: 'connected', phaseSince: 2000, connectedSince: 2000, local: { leaving: false } });
    state = reduce(state, { type: 'callState', state: 'RemoteHold', at: 3000 });
    expect(state).toMatchObject({ phase: 'connected', phaseSince: 2000, local: { leaving: false } });
    state = reduce(state, { type: 'callState', state: 'Connecting', at: 4000 });
    expect(state).toMatchObject({ phase: 'reconnecting', phaseSince: 4000, connectedSince: 2000 });
    state = reduce(state, { type: 'callState', state: 'Connected', at: 5000 });
    expect(state).toMatchObject({ phase: 'connected', phaseSince: 5000, connectedSince: 2000 });
  });

  it('has no connected time while waiting in the lobby', () => {
    const state = applyEvents(start(), [{ type: 'callState', state: 'InLobby', at: 1500 }]);
    expect(state).toMatchObject({ phase: 'lobby', connectedSince: null, local: { leaving: false } });
  });

  it('follows the network reconnect diagnostic only once in the meeting', () => {
    const lobby = applyEvents(start(), [{ type: 'callState', state: 'InLobby', at: 1500 }]);
    const reconnectingInLobby = reduce(lobby, { type: 'diagnostic', name: 'networkReconnect', active: true, at: 1600 });
    expect(reconnectingInLobby).toMatchObject({ phase: 'lobby', phaseSince: 1500, networkReconnecting: true });
    expect(reduce(lobby, { type: 'diagnostic', name: 'networkReconnect', active: false, at: 1600 })).toMatchObject({ phase: 'lobby', phaseSince: 1500 });
    // Reconnected while already connected: nothing to come back from.
    const fine = reduce(connected(), { type: 'diagnostic', name: 'networkReconnect', active: false, at: 2500 });
    expect(fine).toMatchObject({ phase: 'connected', phaseSince: 2000 });
    // Admitted while the network is reconnecting: shown as reconnecting, then connected.
    const admitted = reduce(reconnectingInLobby, { type: 'callState', state: 'Connected', at: 1700 });
    expect(admitted.phase).toBe('reconnecting');
    const again = reduce(admitted, { type: 'diagnostic', name: 'networkReconnect', active: true, at: 1800 });
    expect(again).toMatchObject({ phase: 'reconnecting', phaseSince: 1700 });
  });

  it('ends with the hand lowered and no reconnect, and still takes the guest’s own changes', () => {
    let state = applyEvents(connected(), [
      { type: 'local', patch: { handRaised: true } },
      { type: 'diagnostic', name: 'networkReconnect', active: true, at: 2100 },
    ]);
    state = reduce(state, { type: 'ended', at: 3000, ended: { kind: 'networkLost', code: 1, subCode: 2, callId: null, rejoin: true } });
    expect(state).toMatchObject({ phase: 'ended', phaseSince: 3000, local: { handRaised: false, leaving: false }, networkReconnecting: false });
    const unmuted = reduce(state, { type: 'local', patch: { muted: false } });
    expect(unmuted.local.muted).toBe(false);
    expect(reduce(state, { type: 'recording', active: true })).toBe(state);
  });
});

describe('the roster', () => {
  it('takes someone back to the lobby or away when they join again with that status', () => {
    const state = applyEvents(start(), [joined('a'), joined('b')]);
    const version = state.peopleVersion;
    const toLobby = reduce(state, joined('a', { status: 'lobby' }));
    expect([...toLobby.participants.keys()]).toEqual(['b']);
    expect(toLobby.peopleVersion).toBe(version + 1);
    const gone = reduce(state, joined('b', { status: 'disconnected' }));
    expect([...gone.participants.keys()]).toEqual(['a']);
    expect(gone.peopleVersion).toBe(version + 1);
    // Someone unknown in the lobby changes nothing.
    expect(reduce(state, joined('c', { status: 'lobby' }))).toMatchObject({ peopleVersion: version, participants: state.participants });
  });

  it('keeps a returning participant’s place, hand and arrival, and bumps the people list only for what it shows', () => {
    let state = applyEvents(start(), [joined('a', { handRaised: true }), joined('b')]);
    const a = state.participants.get('a')!;
    expect(a.handRaised).toBe(true);
    expect(a.handSeq).toBeGreaterThan(0);
    expect(state.participants.get('b')!.handRaised).toBe(false);
    const version = state.peopleVersion;
    // The SDK lists them again (no hand information this time): same name, nothing for the list.
    state = reduce(state, joined('a', { muted: true }));
    expect(state.participants.get('a')).toMatchObject({ handRaised: true, handSeq: a.handSeq, joinSeq: a.joinSeq, muted: true });
    expect(state.peopleVersion).toBe(version);
    expect(reduce(state, joined('a', { muted: true, handRaised: true })).peopleVersion).toBe(version);
    expect(reduce(state, joined('a', { name: 'Ada' })).peopleVersion).toBe(version + 1);
    const lowered = reduce(state, joined('a', { handRaised: false }));
    expect(lowered.peopleVersion).toBe(version + 1);
    expect(lowered.participants.get('a')!.handRaised).toBe(false);
  });

  it('ignores events about people it does not have', () => {
    const state = applyEvents(start(), [joined('a'), joined('b')]);
    expect(reduce(state, { type: 'participantLeft', id: 'ghost' })).toBe(state);
    expect(reduce(state, { type: 'hand', id: 'ghost', raised: true })).toBe(state);
    expect(reduce(state, { type: 'hand', id: 'a', raised: false })).toBe(state);
    const named = reduce(state, { type: 'dominantSpeakers', ids: ['ghost', 'b'] });
    expect([...named.participants.keys()]).toEqual(['a', 'b']);
    expect(galleryOrder(named.participants).map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('takes someone who goes back to the lobby off the roster', () => {
    const state = applyEvents(start(), [joined('a'), joined('b')]);
    const next = reduce(state, { type: 'participantChanged', id: 'a', patch: { status: 'lobby' } });
    expect([...next.participants.keys()]).toEqual(['b']);
    expect(next.peopleVersion).toBe(state.peopleVersion + 1);
    const held = reduce(state, { type: 'participantChanged', id: 'a', patch: { status: 'hold' } });
    expect(held.participants.get('a')!.status).toBe('hold');
    expect(held.peopleVersion).toBe(state.peopleVersion);
  });

  it('applies only the defined parts of a change, and a rename alone bumps the people list', () => {
    const state = applyEvents(start(), [joined('a', { name: 'Ada' }), joined('b')]);
    const same = { type: 'participantChanged', id: 'a', patch: { name: 'Ada', muted: false, speaking: undefined } } as const;
    expect(reduce(state, same)).toBe(state);
    const muted = reduce(state, { type: 'participantChanged', id: 'a', patch: { name: 'Ada', muted: true, videoAvailable: undefined } });
    expect(muted.participants.get('a')).toMatchObject({ name: 'Ada', muted: true, videoAvailable: false });
    expect(muted.peopleVersion).toBe(state.peopleVersion);
    const renamed = reduce(state, { type: 'participantChanged', id: 'a', patch: { name: 'Ada L.', muted: undefined } });
    expect(renamed.participants.get('a')).toMatchObject({ name: 'Ada L.', muted: false });
    expect(renamed.peopleVersion).toBe(state.peopleVersion + 1);
  });

  it('moves only a new speaker up the gallery', () => {
    let state = applyEvents(start(), [joined('a'), joined('b'), joined('c')]);
    state = reduce(state, { type: 'participantChanged', id: 'a', patch: { speaking: true } });
    state = reduce(state, { type: 'participantChanged', id: 'b', patch: { speaking: true } });
    expect(galleryOrder(state.participants).map((p) => p.id)).toEqual(['b', 'a', 'c']);
    // Still speaking (muted meanwhile) or still silent: no new mark.
    const a = state.participants.get('a')!;
    state = reduce(state, { type: 'participantChanged', id: 'a', patch: { speaking: true, muted: true } });
    expect(state.participants.get('a')!.lastSpokeSeq).toBe(a.lastSpokeSeq);
    state = reduce(state, { type: 'participantChanged', id: 'c', patch: { speaking: false, muted: true } });
    expect(state.participants.get('c')!.lastSpokeSeq).toBe(0);
    expect(galleryOrder(state.participants).map((p) => p.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('batches that change nothing keep the same state', () => {
  it('for the guest’s own state, a repeated diagnostic and an unchanged capability', () => {
    const state = applyEvents(start(), [{ type: 'diagnostic', name: 'cameraFreeze', active: true, at: 1 }]);
    expect(reduce(state, { type: 'local', patch: { muted: true } })).toBe(state);
    expect(reduce(state, { type: 'local', patch: { muted: undefined, videoOn: false } })).toBe(state);
    expect(reduce(state, { type: 'local', patch: { muted: true, videoOn: true } }).local).toEqual({ muted: true, videoOn: true, handRaised: false, leaving: false });
    expect(reduce(state, { type: 'diagnostic', name: 'cameraFreeze', active: true, at: 2 })).toBe(state);
    expect(reduce(state, { type: 'diagnostic', name: 'noNetwork', active: false, at: 2 })).toBe(state);
    expect(applyEvents(state, [])).toBe(state);
  });

  it('but a capability whose reason changed is kept', () => {
    const state = reduce(start(), { type: 'capabilities', changes: { shareScreen: { allowed: false, reason: 'role' } } });
    const next = reduce(state, { type: 'capabilities', changes: { shareScreen: { allowed: false, reason: 'policy' } } });
    expect(next.capabilities.shareScreen).toEqual({ allowed: false, reason: 'policy' });
    const allowed = reduce(state, { type: 'capabilities', changes: { shareScreen: { allowed: true, reason: 'role' } } });
    expect(allowed.capabilities.shareScreen.allowed).toBe(true);
  });
});

describe('notices', () => {
  it('keeps a failed action’s notice across later diagnostics', () => {
    let state = reduce(start(), { type: 'notice', kind: 'actionFailed', active: true });
    state = reduce(state, { type: 'diagnostic', name: 'noNetwork', active: true, at: 1 });
    expect(state.notices).toEqual(['noNetwork', 'actionFailed']);
  });

  it('replaces one notice with another of the same count', () => {
    let state = applyEvents(start(), [
      { type: 'diagnostic', name: 'noNetwork', active: true, at: 1 },
      { type: 'diagnostic', name: 'cameraFreeze', active: true, at: 1 },
    ]);
    state = applyEvents(state, [
      { type: 'diagnostic', name: 'cameraFreeze', active: false, at: 2 },
      { type: 'diagnostic', name: 'speakingWhileMicrophoneIsMuted', active: true, at: 2 },
    ]);
    expect(state.notices).toEqual<NoticeKind[]>(['noNetwork', 'speakingWhileMuted']);
  });

  it('warns about translated captions only when translation is what was taken away, while translated', () => {
    const translated = applyEvents(start(), [
      { type: 'captions/available', active: true, spokenLanguage: 'en-us', spokenLanguages: ['en-us'], captionLanguage: 'ko', captionLanguages: ['ko'] },
    ]);
    const otherChange = reduce(translated, { type: 'capabilities', changes: { unmuteMic: { allowed: false, reason: 'meeting' } } });
    expect(otherChange.captions.notice).toBeNull();
    const stopped = applyEvents(translated, [{ type: 'captions/active', active: false }]);
    expect(reduce(stopped, { type: 'capabilities', changes: { setCaptionLanguage: { allowed: false, reason: 'meeting' } } }).captions.notice).toBeNull();
    const revoked = reduce(translated, { type: 'capabilities', changes: { setCaptionLanguage: { allowed: false, reason: 'meeting' } } });
    expect(revoked.captions.notice).toBe('translationUnavailable');
    // Taken away again for another reason: already told.
    const dismissed = applyEvents(revoked, [{ type: 'captions/notice', notice: null }]);
    expect(reduce(dismissed, { type: 'capabilities', changes: { setCaptionLanguage: { allowed: false, reason: 'policy' } } }).captions.notice).toBeNull();
  });
});

describe('feature slices through the call state', () => {
  it('hands each slice every one of its events', () => {
    const state = applyEvents(start(), [
      { type: 'reactions/received', id: 'a', reaction: 'like', at: 1 },
      { type: 'reactions/expired', now: 1_000_000 },
      { type: 'captions/available', active: false, spokenLanguage: 'en-us', spokenLanguages: ['en-us', 'de-de'], captionLanguage: '', captionLanguages: [] },
      { type: 'captions/starting', starting: true },
      { type: 'captions/spokenLanguage', language: 'de-de' },
      { type: 'dialIn/none' },
    ]);
    expect(state.reactions.byParticipant.size).toBe(0);
    expect(state.captions).toMatchObject({ starting: true, spokenLanguage: 'de-de' });
    expect(state.dialIn.status).not.toBe('unknown');
  });
});

describe('the gallery on rosters built by hand', () => {
  const p = (id: string, extra: Partial<Participant> = {}): Participant => ({
    id,
    name: id,
    status: 'connected',
    muted: false,
    speaking: false,
    handRaised: false,
    videoAvailable: true,
    screenShareAvailable: false,
    joinSeq: 1,
    lastSpokeSeq: 0,
    handSeq: 0,
    ...extra,
  });
  const roster = (...people: Participant[]) => new Map(people.map((person) => [person.id, person]));

  it('leaves out people in the lobby or gone, and breaks ties by arrival whatever the map’s order', () => {
    const map = roster(p('late', { joinSeq: 5 }), p('lobby', { status: 'lobby', joinSeq: 1 }), p('gone', { status: 'disconnected', joinSeq: 2 }), p('early', { joinSeq: 3 }), p('held', { status: 'hold', joinSeq: 4 }));
    expect(galleryOrder(map).map((x) => x.id)).toEqual(['early', 'held', 'late']);
    expect(galleryTop(map, 2)).toEqual({ top: [map.get('early'), map.get('held')], total: 3 });
    expect(galleryTop(map, 0).total).toBe(3);
    expect(galleryTop(map, 10).top.map((x) => x.id)).toEqual(['early', 'held', 'late']);
  });

  it('renders video for the most recent speakers with video, whatever order the tiles are in', () => {
    const visible = [p('a', { joinSeq: 1 }), p('b', { joinSeq: 2, lastSpokeSeq: 9 }), p('c', { joinSeq: 3, videoAvailable: false, lastSpokeSeq: 20 }), p('d', { joinSeq: 4, lastSpokeSeq: 5 }), p('e', { joinSeq: 0 })];
    expect([...videoSelection(visible, 2)]).toEqual(['b', 'd']);
    expect([...videoSelection(visible, 3)]).toEqual(['b', 'd', 'e']);
    expect([...videoSelection(visible, 10)]).toEqual(['b', 'd', 'e', 'a']);
    expect(videoSelection(visible, -1).size).toBe(0);
  });

  it('fills the slots of those who left with the newcomers, in the newcomers’ order', () => {
    expect(stableSlots(['a', 'b', 'c'], ['c', 'd'])).toEqual(['d', 'c']);
    expect(stableSlots(['a', 'b', 'c'], ['e', 'b', 'd'])).toEqual(['e', 'b', 'd']);
    expect(stableSlots(['a', 'b'], ['b'])).toEqual(['b']);
    expect(stableSlots(['a'], ['x', 'y', 'a'])).toEqual(['a', 'x', 'y']);
  });
});
