// Process: renderer. The captions slice of the call model (Teams live captions): whether they are
// available and on, the spoken and caption languages (and which ones the meeting offers), the
// caption lines (a partial line replaced by its final text; the last MAX_CAPTION_LINES kept for
// scrolling back), and a short notice when something about captions went wrong or changed. Events
// are prefixed `captions/`. No SDK import, not even types: views and Node tests load it.

/** How many caption lines the history keeps (older ones drop off). */
export const MAX_CAPTION_LINES = 100;

export interface CaptionLine {
  /** Stable for the line's life (partial and final share it): the view's key. */
  readonly id: number;
  /** The speaker's raw id ('' when the service did not say). */
  readonly speakerId: string;
  readonly speakerName: string;
  readonly text: string;
  /** Partial lines are still being spoken and will be replaced. */
  readonly final: boolean;
  readonly at: number;
}

/** Short notices about captions (`captions.notice.<kind>`). */
export type CaptionsNotice = 'startFailed' | 'stopFailed' | 'languageFailed' | 'stopped' | 'translationUnavailable';

export interface CaptionsState {
  /** The meeting offers Teams captions (the feature is attached). */
  readonly available: boolean;
  readonly active: boolean;
  /** The guest asked to start them; the service has not confirmed yet. */
  readonly starting: boolean;
  readonly spokenLanguage: string;
  readonly spokenLanguages: readonly string[];
  /** '' when captions are shown in the spoken language. */
  readonly captionLanguage: string;
  readonly captionLanguages: readonly string[];
  readonly lines: readonly CaptionLine[];
  readonly nextId: number;
  readonly notice: CaptionsNotice | null;
}

export type CaptionsEvent =
  | {
      type: 'captions/available';
      active: boolean;
      spokenLanguage: string;
      spokenLanguages: readonly string[];
      captionLanguage: string;
      captionLanguages: readonly string[];
    }
  | { type: 'captions/starting'; starting: boolean }
  | { type: 'captions/active'; active: boolean }
  | { type: 'captions/spokenLanguage'; language: string }
  | { type: 'captions/captionLanguage'; language: string }
  | { type: 'captions/received'; speakerId: string; speakerName: string; text: string; final: boolean; at: number }
  | { type: 'captions/notice'; notice: CaptionsNotice | null };

export const initialCaptionsState: CaptionsState = {
  available: false,
  active: false,
  starting: false,
  spokenLanguage: '',
  spokenLanguages: [],
  captionLanguage: '',
  captionLanguages: [],
  lines: [],
  nextId: 1,
  notice: null,
};

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** The partial line still open for `speakerId`, from the end (-1: none). */
function openLineOf(lines: readonly CaptionLine[], speakerId: string): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].speakerId === speakerId && !lines[i].final) return i;
  return -1;
}

/** Applies one captions event; the same object back when nothing changed. */
export function applyCaptionsEvent(state: CaptionsState, event: CaptionsEvent): CaptionsState {
  switch (event.type) {
    case 'captions/available': {
      const next: CaptionsState = {
        ...state,
        available: true,
        active: event.active,
        spokenLanguage: event.spokenLanguage,
        spokenLanguages: sameList(state.spokenLanguages, event.spokenLanguages) ? state.spokenLanguages : [...event.spokenLanguages],
        captionLanguage: event.captionLanguage,
        captionLanguages: sameList(state.captionLanguages, event.captionLanguages) ? state.captionLanguages : [...event.captionLanguages],
      };
      const keys = Object.keys(next) as (keyof CaptionsState)[];
      return keys.some((key) => next[key] !== state[key]) ? next : state;
    }
    case 'captions/starting':
      return state.starting === event.starting ? state : { ...state, starting: event.starting };
    case 'captions/active':
      if (state.active === event.active && !state.starting) return state;
      return { ...state, active: event.active, starting: false };
    case 'captions/spokenLanguage':
      return state.spokenLanguage === event.language ? state : { ...state, spokenLanguage: event.language };
    case 'captions/captionLanguage':
      return state.captionLanguage === event.language ? state : { ...state, captionLanguage: event.language };
    case 'captions/received': {
      const text = event.text.trim();
      if (!text) return state;
      const open = openLineOf(state.lines, event.speakerId);
      let lines: CaptionLine[];
      let nextId = state.nextId;
      if (open >= 0) {
        const current = state.lines[open];
        if (current.text === text && current.final === event.final && current.speakerName === event.speakerName) return state;
        lines = [...state.lines];
        lines[open] = { ...current, speakerName: event.speakerName, text, final: event.final, at: event.at };
      } else {
        lines = [...state.lines, { id: nextId++, speakerId: event.speakerId, speakerName: event.speakerName, text, final: event.final, at: event.at }];
        if (lines.length > MAX_CAPTION_LINES) lines = lines.slice(lines.length - MAX_CAPTION_LINES);
      }
      return { ...state, lines, nextId };
    }
    case 'captions/notice':
      return state.notice === event.notice ? state : { ...state, notice: event.notice };
  }
}

/** Whether the captions panel shows: on, or being started. */
export function captionsShown(state: CaptionsState): boolean {
  return state.available && (state.active || state.starting);
}
