// The spotlight, together-mode and dial-in slices of the call model: their changes, the same
// object when nothing changed, bounds, and the elapsed time's start.
import { describe, expect, it } from 'vitest';
import { applyEvents, initialCallState, reduce } from '../../renderer/calling/call-model';
import { MAX_DIAL_IN_NUMBERS, applyDialInEvent, formatConferenceId, initialDialInState } from '../../renderer/calling/features/audio-conferencing-model';
import { applySpotlightEvent, initialSpotlightState, isSpotlighted } from '../../renderer/calling/features/spotlight-model';
import { applyTogetherModeEvent, initialTogetherModeState } from '../../renderer/calling/features/together-mode-model';

describe('spotlight slice', () => {
  it('keeps the spotlight list and the guest’s own, and the same object when unchanged', () => {
    const one = applySpotlightEvent(initialSpotlightState, { type: 'spotlight/changed', ids: ['ada', 'bo'], self: false });
    expect(one).toEqual({ ids: ['ada', 'bo'], self: false });
    expect(applySpotlightEvent(one, { type: 'spotlight/changed', ids: ['ada', 'bo'], self: false })).toBe(one);
    const two = applySpotlightEvent(one, { type: 'spotlight/changed', ids: ['bo', 'ada'], self: true });
    expect(two).toEqual({ ids: ['bo', 'ada'], self: true });
    expect(isSpotlighted(two, null)).toBe(true);
    expect(isSpotlighted(two, 'ada')).toBe(true);
    expect(isSpotlighted(two, 'cy')).toBe(false);
  });
});

describe('together-mode slice', () => {
  it('follows the stream, the same object when unchanged', () => {
    const on = applyTogetherModeEvent(initialTogetherModeState, { type: 'togetherMode/stream', available: true });
    expect(on.active).toBe(true);
    expect(applyTogetherModeEvent(on, { type: 'togetherMode/stream', available: true })).toBe(on);
    expect(applyTogetherModeEvent(on, { type: 'togetherMode/stream', available: false }).active).toBe(false);
  });
});

describe('dial-in slice', () => {
  it('keeps the numbers (bounded) and the conference ID; details without either are none', () => {
    const numbers = Array.from({ length: MAX_DIAL_IN_NUMBERS + 5 }, (_, i) => ({ number: `+1425555${String(i).padStart(4, '0')}`, tollFree: false, country: 'United States', city: '' }));
    const state = applyDialInEvent(initialDialInState, { type: 'dialIn/details', conferenceId: '123456789', numbers });
    expect(state.status).toBe('available');
    expect(state.numbers).toHaveLength(MAX_DIAL_IN_NUMBERS);
    expect(applyDialInEvent(initialDialInState, { type: 'dialIn/details', conferenceId: '', numbers }).status).toBe('none');
    expect(applyDialInEvent(initialDialInState, { type: 'dialIn/details', conferenceId: '1', numbers: [] }).status).toBe('none');
    const none = applyDialInEvent(initialDialInState, { type: 'dialIn/none' });
    expect(none.status).toBe('none');
    expect(applyDialInEvent(none, { type: 'dialIn/none' })).toBe(none);
    // Known numbers stay when a later call (a breakout room) has none; the same details: same object.
    expect(applyDialInEvent(state, { type: 'dialIn/none' })).toBe(state);
    expect(applyDialInEvent(state, { type: 'dialIn/details', conferenceId: '123456789', numbers })).toBe(state);
    expect(formatConferenceId('123456789')).toBe('123 456 789#');
    expect(formatConferenceId('12 3456 7#')).toBe('123 456 7#');
  });
});

describe('the call model with the stage slices', () => {
  it('nests the slices and starts the elapsed time at the first connection only', () => {
    const start = initialCallState({ muted: true, videoOn: false, now: 0 });
    expect(start.connectedSince).toBeNull();
    const connected = applyEvents(start, [
      { type: 'callState', state: 'Connected', at: 1_000 },
      { type: 'spotlight/changed', ids: ['ada'], self: false },
      { type: 'togetherMode/stream', available: true },
      { type: 'dialIn/details', conferenceId: '42', numbers: [{ number: '+14255550100', tollFree: true, country: 'US', city: 'Redmond' }] },
    ]);
    expect(connected.connectedSince).toBe(1_000);
    expect(connected.spotlight.ids).toEqual(['ada']);
    expect(connected.togetherMode.active).toBe(true);
    expect(connected.dialIn.status).toBe('available');
    const reconnected = applyEvents(connected, [
      { type: 'callState', state: 'Connecting', at: 5_000 },
      { type: 'callState', state: 'Connected', at: 6_000 },
    ]);
    expect(reconnected.connectedSince).toBe(1_000);
    expect(reduce(connected, { type: 'spotlight/changed', ids: ['ada'], self: false })).toBe(connected);
    // Ended: the dial-in details stay for the ended screen.
    const ended = reduce(connected, { type: 'ended', ended: { kind: 'networkLost', code: 496, subCode: 7, callId: null, rejoin: true }, at: 9_000 });
    expect(ended.dialIn.status).toBe('available');
  });
});
