// The captions slice: what the meeting offers, on/off, a partial line replaced by its final text
// (per speaker, even when others speak in between), a bounded history, notices, the same object
// when nothing changed, and its place in the call state.
import { describe, expect, it } from 'vitest';
import { applyEvents, initialCallState } from '../../renderer/calling/call-model';
import {
  MAX_CAPTION_LINES,
  applyCaptionsEvent,
  captionsShown,
  initialCaptionsState,
  type CaptionsEvent,
  type CaptionsState,
} from '../../renderer/calling/features/captions-model';

const said = (speakerId: string, text: string, final: boolean, at = 1): CaptionsEvent => ({ type: 'captions/received', speakerId, speakerName: speakerId.toUpperCase(), text, final, at });
const apply = (state: CaptionsState, events: CaptionsEvent[]) => events.reduce(applyCaptionsEvent, state);
const available: CaptionsEvent = { type: 'captions/available', active: false, spokenLanguage: 'en-us', spokenLanguages: ['en-us', 'ko-kr'], captionLanguage: '', captionLanguages: ['en', 'ko'] };

describe('captions slice', () => {
  it('replaces a speaker’s partial line with its final text, even when someone else spoke in between', () => {
    const state = apply(initialCaptionsState, [said('a', 'Hel', false), said('b', 'Yes', false), said('a', 'Hello there.', true), said('b', 'Yes, indeed.', true), said('a', 'Next', false)]);
    expect(state.lines.map((line) => [line.speakerId, line.text, line.final])).toEqual([
      ['a', 'Hello there.', true],
      ['b', 'Yes, indeed.', true],
      ['a', 'Next', false],
    ]);
    expect(state.lines.map((line) => line.id)).toEqual([1, 2, 3]);
  });

  it('keeps the last MAX_CAPTION_LINES lines', () => {
    const events = Array.from({ length: MAX_CAPTION_LINES + 25 }, (_, i) => said('a', `line ${i}`, true));
    const state = apply(initialCaptionsState, events);
    expect(state.lines).toHaveLength(MAX_CAPTION_LINES);
    expect(state.lines[0].text).toBe('line 25');
    expect(state.lines.at(-1)!.text).toBe(`line ${MAX_CAPTION_LINES + 24}`);
  });

  it('returns the same object when nothing changed', () => {
    const state = apply(initialCaptionsState, [available, said('a', 'Same', false)]);
    expect(applyCaptionsEvent(state, available)).toBe(state);
    expect(applyCaptionsEvent(state, said('a', 'Same', false))).toBe(state);
    expect(applyCaptionsEvent(state, said('a', '   ', true))).toBe(state);
    expect(applyCaptionsEvent(state, { type: 'captions/notice', notice: null })).toBe(state);
    expect(applyCaptionsEvent(state, { type: 'captions/spokenLanguage', language: 'en-us' })).toBe(state);
  });

  it('is shown while on or starting, and a start ends when the service answers', () => {
    let state = apply(initialCaptionsState, [available]);
    expect(captionsShown(state)).toBe(false);
    state = applyCaptionsEvent(state, { type: 'captions/starting', starting: true });
    expect(captionsShown(state)).toBe(true);
    state = applyCaptionsEvent(state, { type: 'captions/active', active: true });
    expect(state).toMatchObject({ active: true, starting: false });
    state = apply(state, [{ type: 'captions/captionLanguage', language: 'ko' }, { type: 'captions/notice', notice: 'stopped' }]);
    expect(state).toMatchObject({ captionLanguage: 'ko', notice: 'stopped' });
  });

  it('gets a notice when the meeting stops translating captions that are translated', () => {
    const start = initialCallState({ muted: true, videoOn: false, now: 0 });
    const translated = applyEvents(start, [
      available,
      { type: 'captions/active', active: true },
      { type: 'captions/captionLanguage', language: 'ko' },
    ]);
    const revoked = applyEvents(translated, [{ type: 'capabilities', changes: { setCaptionLanguage: { allowed: false, reason: 'meeting' } } }]);
    expect(revoked.captions.notice).toBe('translationUnavailable');
    // Not translated: the same change says nothing about captions.
    const plain = applyEvents(start, [available, { type: 'captions/active', active: true }]);
    expect(applyEvents(plain, [{ type: 'capabilities', changes: { setCaptionLanguage: { allowed: false, reason: 'meeting' } } }]).captions).toBe(plain.captions);
  });

  it('is nested in the call state through its prefixed events', () => {
    const start = initialCallState({ muted: true, videoOn: false, now: 0 });
    const next = applyEvents(start, [available, said('a', 'Hi.', true)]);
    expect(next.captions.available).toBe(true);
    expect(next.captions.lines).toHaveLength(1);
    expect(next.reactions).toBe(start.reactions);
    expect(applyEvents(next, [available])).toBe(next);
  });
  it('starts unavailable and off, with no languages and no lines', () => {
    expect(initialCaptionsState).toEqual({ available: false, active: false, starting: false, spokenLanguage: '', spokenLanguages: [], captionLanguage: '', captionLanguages: [], lines: [], nextId: 1, notice: null });
  });

  it('keeps two speakers’ partial lines apart while both are talking', () => {
    const state = apply(initialCaptionsState, [said('a', 'Hel', false), said('b', 'Yes', false), said('b', 'Yes, so', false)]);
    expect(state.lines.map((line) => [line.speakerId, line.speakerName, line.text, line.final])).toEqual([
      ['a', 'A', 'Hel', false],
      ['b', 'B', 'Yes, so', false],
    ]);
  });

  it('updates a partial line that became final, or whose speaker got a name, even with the same words', () => {
    const state = apply(initialCaptionsState, [said('a', 'Hello', false)]);
    expect(applyCaptionsEvent(state, said('a', 'Hello', true)).lines[0]).toMatchObject({ text: 'Hello', final: true });
    const named = applyCaptionsEvent(state, { type: 'captions/received', speakerId: 'a', speakerName: 'Ada', text: 'Hello', final: false, at: 2 });
    expect(named.lines).toEqual([{ id: 1, speakerId: 'a', speakerName: 'Ada', text: 'Hello', final: false, at: 2 }]);
  });

  it('keeps exactly MAX_CAPTION_LINES lines without dropping any', () => {
    const state = apply(initialCaptionsState, Array.from({ length: MAX_CAPTION_LINES }, (_, i) => said('a', `line ${i}`, true)));
    expect(state.lines).toHaveLength(MAX_CAPTION_LINES);
    expect(state.lines[0].text).toBe('line 0');
  });

  it('takes the languages the meeting offers when they change, and keeps the same lists when they do not', () => {
    const first = apply(initialCaptionsState, [available]);
    const same = applyCaptionsEvent(first, { ...available, active: true, spokenLanguages: ['en-us', 'ko-kr'] });
    expect(same.spokenLanguages).toBe(first.spokenLanguages);
    const other = applyCaptionsEvent(first, { ...available, spokenLanguages: ['en-us', 'de-de'], captionLanguages: ['en'] });
    expect(other.spokenLanguages).toEqual(['en-us', 'de-de']);
    expect(other.captionLanguages).toEqual(['en']);
    expect(applyCaptionsEvent(first, { ...available, spokenLanguages: ['en-us'] }).spokenLanguages).toEqual(['en-us']);
  });

  it('changes languages and on/off only when they differ', () => {
    const state = apply(initialCaptionsState, [available]);
    expect(applyCaptionsEvent(state, { type: 'captions/starting', starting: false })).toBe(state);
    expect(applyCaptionsEvent(state, { type: 'captions/active', active: false })).toBe(state);
    expect(applyCaptionsEvent(state, { type: 'captions/captionLanguage', language: '' })).toBe(state);
    expect(applyCaptionsEvent(state, { type: 'captions/spokenLanguage', language: 'ko-kr' }).spokenLanguage).toBe('ko-kr');
    // A start the service answered with "still off": no longer starting.
    const starting = applyCaptionsEvent(state, { type: 'captions/starting', starting: true });
    expect(applyCaptionsEvent(starting, { type: 'captions/active', active: false })).toMatchObject({ active: false, starting: false });
  });
});
