// Process: renderer. The dial-in slice of the call model (Features.TeamsMeetingAudioConferencing):
// the meeting's phone numbers and conference ID, so a guest can call in by phone (the meeting
// info panel, and the ended screen when the network failed). Its events are prefixed `dialIn/`.
// No SDK import, not even types.

export interface DialInNumber {
  /** The number as Teams gives it (E.164, e.g. "+14255550123"). */
  readonly number: string;
  readonly tollFree: boolean;
  readonly country: string;
  readonly city: string;
}

export interface DialInState {
  /** 'unknown' until the meeting answers; 'none' when it has no audio conferencing. */
  readonly status: 'unknown' | 'available' | 'none';
  readonly conferenceId: string;
  readonly numbers: readonly DialInNumber[];
}

export type DialInEvent =
  | { type: 'dialIn/details'; conferenceId: string; numbers: readonly DialInNumber[] }
  | { type: 'dialIn/none' };

export const initialDialInState: DialInState = { status: 'unknown', conferenceId: '', numbers: [] };

/** At most this many numbers are kept (a bridge can list dozens of countries). */
export const MAX_DIAL_IN_NUMBERS = 40;

/** Applies one dial-in event; the same object back when nothing changed. */
export function applyDialInEvent(state: DialInState, event: DialInEvent): DialInState {
  // Once known, the meeting's numbers stay: a breakout room's call without any does not erase them.
  if (event.type === 'dialIn/none') return state.status === 'unknown' ? { status: 'none', conferenceId: '', numbers: [] } : state;
  const numbers = event.numbers.slice(0, MAX_DIAL_IN_NUMBERS);
  // Details without a number or a conference ID are no way to call in.
  if (numbers.length === 0 || !event.conferenceId) return applyDialInEvent(state, { type: 'dialIn/none' });
  if (state.status === 'available' && state.conferenceId === event.conferenceId && state.numbers.length === numbers.length && state.numbers.every((n, i) => n.number === numbers[i].number && n.tollFree === numbers[i].tollFree)) return state;
  return { status: 'available', conferenceId: event.conferenceId, numbers };
}

/** The conference ID as Teams prints it: digits in groups of three, ending with '#'. */
export function formatConferenceId(id: string): string {
  const digits = id.replace(/\D/g, '');
  if (!digits) return id;
  return `${digits.replace(/(\d{3})(?=\d)/g, '$1 ')}#`;
}
