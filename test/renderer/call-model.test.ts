// The call model's reducer and selectors, in Node (no SDK, no DOM).
import { describe, expect, it } from 'vitest';
import {
  applyEvents,
  capabilityOf,
  diagnosticActive,
  galleryOrder,
  galleryTop,
  initialCallState,
  initialsOf,
  noticeOfDiagnostic,
  phaseOf,
  reduce,
  stableSlots,
  videoSelection,
  type CallEvent,
  type CallState,
  type ParticipantInit,
} from '../../renderer/calling/call-model';
import { person } from './participants';

const start = () => initialCallState({ muted: true, videoOn: false, now: 1000 });
const joined = (id: string, extra: Partial<ParticipantInit> = {}): CallEvent => ({ type: 'participantJoined', participant: person(id, extra) });

describe('call phases', () => {
  it('goes connecting → lobby → connected → reconnecting → connected → ended', () => {
    let state = start();
    expect(state.phase).toBe('connecting');
    state = reduce(state, { type: 'callState', state: 'Connecting', at: 1100 });
    expect(state.phase).toBe('connecting');
    state = reduce(state, { type: 'callState', state: 'InLobby', at: 1200 });
    expect(state).toMatchObject({ phase: 'lobby', phaseSince: 1200 });
    state = reduce(state, { type: 'callState', state: 'Connected', at: 5000 });
    expect(state).toMatchObject({ phase: 'connected', phaseSince: 5000 });
    state = reduce(state, { type: 'diagnostic', name: 'networkReconnect', active: true, at: 6000 });
    expect(state).toMatchObject({ phase: 'reconnecting', networkReconnecting: true });
    state = reduce(state, { type: 'diagnostic', name: 'networkReconnect', active: false, at: 7000 });
    expect(state.phase).toBe('connected');
    state = reduce(state, { type: 'callState', state: 'Disconnecting', at: 8000 });
    expect(state).toMatchObject({ phase: 'connected', local: { leaving: true } });
    // Disconnected alone does not end: the 'ended' event carries the reason.
    state = reduce(state, { type: 'callState', state: 'Disconnected', at: 8100 });
    expect(state.phase).toBe('connected');
    state = reduce(state, { type: 'ended', at: 8200, ended: { kind: 'left', code: 0, subCode: 0, callId: 'c', rejoin: true } });
    expect(state).toMatchObject({ phase: 'ended', callId: 'c', ended: { kind: 'left' }, local: { leaving: false } });
    // Nothing but local changes after the end.
    expect(reduce(state, joined('late'))).toBe(state);
  });

  it('maps SDK call states, including Connecting again after being in the meeting', () => {
    expect(phaseOf('Connecting', false, 'connected')).toBe('reconnecting');
    expect(phaseOf('Connected', true, 'connecting')).toBe('reconnecting');
    expect(phaseOf('RemoteHold', false, 'connected')).toBe('connected');
    expect(phaseOf('EarlyMedia', false, 'connecting')).toBe('connecting');
    expect(phaseOf('Disconnecting', false, 'lobby')).toBe('lobby');
  });
});

describe('roster', () => {
  it('adds, changes and removes participants, leaving untouched ones identical', () => {
    let state = applyEvents(start(), [joined('a'), joined('b'), joined('lobbyist', { status: 'lobby' })]);
    expect([...state.participants.keys()]).toEqual(['a', 'b']);
    const b = state.participants.get('b');
    const version = state.rosterVersion;
    state = reduce(state, { type: 'participantChanged', id: 'a', patch: { muted: true, videoAvailable: true } });
    expect(state.participants.get('a')).toMatchObject({ muted: true, videoAvailable: true });
    expect(state.participants.get('b')).toBe(b);
    expect(state.rosterVersion).toBe(version + 1);
    // A change to nothing keeps the same state object.
    expect(reduce(state, { type: 'participantChanged', id: 'a', patch: { muted: true } })).toBe(state);
    expect(reduce(state, { type: 'participantChanged', id: 'ghost', patch: { muted: true } })).toBe(state);
    state = reduce(state, { type: 'participantChanged', id: 'a', patch: { status: 'disconnected' } });
    expect(state.participants.has('a')).toBe(false);
    state = reduce(state, { type: 'participantLeft', id: 'b' });
    expect(state.participants.size).toBe(0);
  });

  it('copies the roster once per batch, not once per event', () => {
    const events: CallEvent[] = [];
    for (let i = 0; i < 1000; i++) events.push(joined(`p${i}`));
    const big = applyEvents(start(), events);
    const batch: CallEvent[] = [];
    for (let i = 0; i < 50; i++) batch.push({ type: 'participantChanged', id: `p${i}`, patch: { speaking: true } });
    const next = applyEvents(big, batch);
    expect(next.rosterVersion).toBe(big.rosterVersion + 1);
    expect(next.participants).not.toBe(big.participants);
    expect(big.participants.get('p0')!.speaking).toBe(false); // the old state is untouched
    expect(next.participants.get('p999')).toBe(big.participants.get('p999'));
  });

  it('orders the gallery by most recent speaker, then arrival; dominant speakers count as speaking', () => {
    let state = applyEvents(start(), [joined('a'), joined('b'), joined('c'), joined('d')]);
    expect(galleryOrder(state.participants).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    state = reduce(state, { type: 'participantChanged', id: 'c', patch: { speaking: true } });
    expect(galleryOrder(state.participants).map((p) => p.id)).toEqual(['c', 'a', 'b', 'd']);
    state = reduce(state, { type: 'dominantSpeakers', ids: ['d', 'b'] });
    expect(state.dominantSpeakers).toEqual(['d', 'b']);
    expect(galleryOrder(state.participants).map((p) => p.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('tracks raised hands in order', () => {
    let state = applyEvents(start(), [joined('a'), joined('b')]);
    state = applyEvents(state, [{ type: 'hand', id: 'b', raised: true }, { type: 'hand', id: 'a', raised: true }]);
    const a = state.participants.get('a')!;
    const b = state.participants.get('b')!;
    expect(a.handRaised && b.handRaised).toBe(true);
    expect(b.handSeq).toBeLessThan(a.handSeq);
    state = reduce(state, { type: 'hand', id: 'b', raised: false });
    expect(state.participants.get('b')).toMatchObject({ handRaised: false, handSeq: 0 });
  });
});

describe('gallery selection', () => {
  it('finds the first k in gallery order without sorting everyone', () => {
    const events: CallEvent[] = [];
    for (let i = 0; i < 300; i++) events.push(joined(`p${i}`));
    let state = applyEvents(start(), events);
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 20; round++) {
      const batch: CallEvent[] = [];
      for (let i = 0; i < 15; i++) batch.push({ type: 'participantChanged', id: `p${Math.floor(rand() * 300)}`, patch: { speaking: rand() < 0.5 } });
      batch.push({ type: 'dominantSpeakers', ids: [`p${Math.floor(rand() * 300)}`] });
      state = applyEvents(state, batch);
      for (const k of [0, 1, 9, 49, 300, 400]) {
        const { top, total } = galleryTop(state.participants, k);
        expect(total).toBe(300);
        expect(top.map((p) => p.id)).toEqual(galleryOrder(state.participants).slice(0, k).map((p) => p.id));
      }
    }
  });

  it('bumps the people version only when the people list order can change', () => {
    let state = applyEvents(start(), [joined('a'), joined('b')]);
    const v = state.peopleVersion;
    state = applyEvents(state, [
      { type: 'participantChanged', id: 'a', patch: { muted: true, speaking: true, videoAvailable: true } },
      { type: 'dominantSpeakers', ids: ['b'] },
    ]);
    expect(state.peopleVersion).toBe(v);
    expect(reduce(state, { type: 'hand', id: 'a', raised: true }).peopleVersion).toBe(v + 1);
    expect(reduce(state, { type: 'participantChanged', id: 'a', patch: { name: 'Renamed' } }).peopleVersion).toBe(v + 1);
    expect(reduce(state, { type: 'participantLeft', id: 'a' }).peopleVersion).toBe(v + 1);
    expect(reduce(state, joined('c')).peopleVersion).toBe(v + 1);
  });

  it('keeps tiles in their slots when the visible set changes', () => {
    expect(stableSlots([], ['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(stableSlots(['a', 'b', 'c'], ['d', 'a', 'c'])).toEqual(['a', 'd', 'c']);
    expect(stableSlots(['a', 'b', 'c'], ['a', 'b'])).toEqual(['a', 'b']);
    expect(stableSlots(['a', 'b'], ['c', 'b', 'a', 'd'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('renders video for at most the optimal count, recent speakers first', () => {
    let state = applyEvents(start(), ['a', 'b', 'c', 'd'].map((id) => joined(id, { videoAvailable: id !== 'b' })));
    state = reduce(state, { type: 'participantChanged', id: 'd', patch: { speaking: true } });
    const visible = galleryOrder(state.participants);
    expect([...videoSelection(visible, 2)]).toEqual(['d', 'a']);
    expect(videoSelection(visible, 0).size).toBe(0);
  });

  it('makes initials', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf(' grace  brewster murray hopper ')).toBe('GH');
    expect(initialsOf('김민준')).toBe('김');
    expect(initialsOf('')).toBe('?');
    // Punctuation and the bidi isolates ICU puts around names are never initials.
    expect(initialsOf('(Ada) Lovelace!')).toBe('AL');
    expect(initialsOf('\u2068أحمد\u2069 ...')).toBe('أ');
    expect(initialsOf('— ?')).toBe('?');
  });
});

describe('capabilities, recording, notices', () => {
  it('maps SDK capability values and keeps unchanged ones', () => {
    expect(capabilityOf({ isPresent: true, reason: 'Capable' })).toEqual({ allowed: true, reason: 'none' });
    expect(capabilityOf({ isPresent: false, reason: 'NotInitialized' }).allowed).toBe(true);
    expect(capabilityOf({ isPresent: false, reason: 'MeetingRestricted' })).toEqual({ allowed: false, reason: 'meeting' });
    expect(capabilityOf({ isPresent: false, reason: 'RoleRestricted' }).reason).toBe('role');
    expect(capabilityOf({ isPresent: false, reason: 'ExplicitConsentRequired' }).reason).toBe('consent');
    expect(capabilityOf({ isPresent: false, reason: 'UserPolicyRestricted' }).reason).toBe('policy');
    expect(capabilityOf({ isPresent: false, reason: 'FeatureNotSupported' }).reason).toBe('unavailable');
    const state = start();
    const next = reduce(state, { type: 'capabilities', changes: { unmuteMic: { allowed: false, reason: 'meeting' } } });
    expect(next.capabilities.unmuteMic).toEqual({ allowed: false, reason: 'meeting' });
    expect(next.capabilities.turnVideoOn).toBe(state.capabilities.turnVideoOn);
    expect(reduce(next, { type: 'capabilities', changes: { unmuteMic: { allowed: false, reason: 'meeting' } } })).toBe(next);
  });

  it('turns diagnostics into notices, and clears them', () => {
    expect(noticeOfDiagnostic('networkSendQuality')).toBe('poorNetwork');
    expect(noticeOfDiagnostic('speakingWhileMicrophoneIsMuted')).toBe('speakingWhileMuted');
    expect(noticeOfDiagnostic('somethingNew')).toBeNull();
    expect(diagnosticActive(true)).toBe(true);
    expect(diagnosticActive(1)).toBe(false);
    expect(diagnosticActive(2)).toBe(true);
    expect(diagnosticActive(3)).toBe(true);
    expect(diagnosticActive(false)).toBe(false);
    let state: CallState = applyEvents(start(), [
      { type: 'diagnostic', name: 'cameraFreeze', active: true, at: 1 },
      { type: 'diagnostic', name: 'networkSendQuality', active: true, at: 1 },
      { type: 'diagnostic', name: 'networkReceiveQuality', active: true, at: 1 },
    ]);
    expect(state.notices).toEqual(['poorNetwork', 'cameraFrozen']);
    state = reduce(state, { type: 'diagnostic', name: 'networkSendQuality', active: false, at: 2 });
    expect(state.notices).toEqual(['poorNetwork', 'cameraFrozen']);
    state = applyEvents(state, [
      { type: 'diagnostic', name: 'networkReceiveQuality', active: false, at: 3 },
      { type: 'notice', kind: 'actionFailed', active: true },
    ]);
    expect(state.notices).toEqual(['cameraFrozen', 'actionFailed']);
  });

  it('keeps the session’s own notices (muted by someone else) across batches until cleared', () => {
    let state = reduce(start(), { type: 'notice', kind: 'mutedByOthers', active: true });
    expect(state.notices).toEqual(['mutedByOthers']);
    state = reduce(state, { type: 'diagnostic', name: 'cameraFreeze', active: true, at: 1 });
    expect(state.notices).toEqual(['cameraFrozen', 'mutedByOthers']);
    expect(reduce(state, { type: 'notice', kind: 'mutedByOthers', active: true })).toBe(state);
    state = reduce(state, { type: 'notice', kind: 'mutedByOthers', active: false });
    expect(state.notices).toEqual(['cameraFrozen']);
  });

  it('tracks recording, transcription, consent and the optimal video count', () => {
    const state = applyEvents(start(), [
      { type: 'recording', active: true },
      { type: 'transcription', active: true },
      { type: 'consentRequired', required: true },
      { type: 'optimalVideoCount', count: 9 },
    ]);
    expect(state).toMatchObject({ recordingActive: true, transcriptionActive: true, consentRequired: true, optimalVideoCount: 9 });
  });
});
