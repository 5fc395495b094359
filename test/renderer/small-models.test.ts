// The small slices and helpers the views read, in Node: the device state before anything is known,
// the Store's notifications, the device picked for a call, the dial-in numbers (kept only when a
// change is one a guest calling in would notice), and the spotlight and together-mode slices'
// starting states and changes.
import { describe, expect, it } from 'vitest';
import { EMPTY_DEVICES, Store, pickDevice } from '../../renderer/calling/model';
import { applyDialInEvent, formatConferenceId, initialDialInState, type DialInNumber } from '../../renderer/calling/features/audio-conferencing-model';
import { applySpotlightEvent, initialSpotlightState, isSpotlighted } from '../../renderer/calling/features/spotlight-model';
import { applyTogetherModeEvent, initialTogetherModeState } from '../../renderer/calling/features/together-mode-model';

describe('devices before anything is known', () => {
  it('lists nothing, chooses nothing, offers no speaker choice and knows no access', () => {
    expect(EMPTY_DEVICES).toEqual({
      cameras: [],
      microphones: [],
      speakers: [],
      cameraId: null,
      microphoneId: null,
      speakerId: null,
      sdkMicrophoneId: null,
      sdkSpeakerId: null,
      speakerSelectionAvailable: false,
      cameraAccess: 'unknown',
      microphoneAccess: 'unknown',
    });
  });

  it('picks the remembered device, else the system default, else the first', () => {
    const options = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
      { id: 'c', name: 'C' },
    ];
    expect(pickDevice(options, 'c', 'b')).toBe('c');
    expect(pickDevice(options, 'gone', 'b')).toBe('b');
    expect(pickDevice(options, null, 'gone')).toBe('a');
    expect(pickDevice(options, undefined, null)).toBe('a');
    expect(pickDevice([], 'a', 'a')).toBeNull();
  });
});

describe('Store', () => {
  it('tells its listeners of a new value, not of the same one, and not after they unsubscribe', () => {
    const store = new Store({ n: 1 });
    const seen: number[] = [];
    const off = store.subscribe((value) => seen.push(value.n));
    const value = store.get();
    store.set(value);
    store.update({ n: 2 });
    expect(seen).toEqual([2]);
    off();
    store.update({ n: 3 });
    expect(seen).toEqual([2]);
    expect(store.get()).toEqual({ n: 3 });
  });
});

describe('dial-in numbers', () => {
  const US: DialInNumber = { number: '+14255550100', tollFree: false, country: 'US', city: 'Redmond' };
  const FREE: DialInNumber = { number: '+18005550100', tollFree: true, country: 'US', city: '' };
  const details = (conferenceId: string, numbers: DialInNumber[]) => ({ type: 'dialIn/details', conferenceId, numbers }) as const;

  it('knows nothing at first, and "none" is no numbers and no conference ID', () => {
    expect(initialDialInState).toEqual({ status: 'unknown', conferenceId: '', numbers: [] });
    expect(applyDialInEvent(initialDialInState, { type: 'dialIn/none' })).toEqual({ status: 'none', conferenceId: '', numbers: [] });
  });

  it('takes a new conference ID, another number, or a number that became toll-free', () => {
    const state = applyDialInEvent(initialDialInState, details('111', [US, FREE]));
    expect(applyDialInEvent(state, details('222', [US, FREE]))).toMatchObject({ conferenceId: '222' });
    expect(applyDialInEvent(state, details('111', [US])).numbers).toEqual([US]);
    expect(applyDialInEvent(state, details('111', [US, { ...FREE, number: '+18005550199' }])).numbers[1].number).toBe('+18005550199');
    expect(applyDialInEvent(state, details('111', [US, { ...FREE, tollFree: false }])).numbers[1].tollFree).toBe(false);
    expect(applyDialInEvent(state, details('111', [{ ...US, tollFree: true }, FREE])).numbers[0].tollFree).toBe(true);
    expect(applyDialInEvent(state, details('111', [US, FREE]))).toBe(state);
  });

  it('prints a conference ID in groups of three with a #, and leaves one without digits as it is', () => {
    expect(formatConferenceId('123456789')).toBe('123 456 789#');
    expect(formatConferenceId('12 34')).toBe('123 4#');
    expect(formatConferenceId('pending')).toBe('pending');
  });
});

describe('spotlight and together mode', () => {
  it('start with nobody spotlighted and no scene', () => {
    expect(initialSpotlightState).toEqual({ ids: [], self: false });
    expect(isSpotlighted(initialSpotlightState, null)).toBe(false);
    expect(initialTogetherModeState).toEqual({ active: false });
  });

  it('take a new spotlight order, and keep the same object for the same one', () => {
    const state = applySpotlightEvent(initialSpotlightState, { type: 'spotlight/changed', ids: ['a', 'b'], self: false });
    expect(applySpotlightEvent(state, { type: 'spotlight/changed', ids: ['a', 'c'], self: false }).ids).toEqual(['a', 'c']);
    expect(applySpotlightEvent(state, { type: 'spotlight/changed', ids: ['b', 'a'], self: false }).ids).toEqual(['b', 'a']);
    expect(applySpotlightEvent(state, { type: 'spotlight/changed', ids: ['a', 'b'], self: false })).toBe(state);
    expect(applyTogetherModeEvent(initialTogetherModeState, { type: 'togetherMode/stream', available: true })).toEqual({ active: true });
    expect(applyTogetherModeEvent(initialTogetherModeState, { type: 'togetherMode/stream', available: false })).toBe(initialTogetherModeState);
  });
});
