// Process: renderer. The together-mode slice of the call model: whether the meeting's together
// mode stream (one composed scene of everyone, made by Teams) is available to show as the stage.
// Its events are prefixed `togetherMode/`. No SDK import, not even types.

export interface TogetherModeState {
  /** The organizer turned together mode on and its stream can be rendered. */
  readonly active: boolean;
}

export type TogetherModeEvent = { type: 'togetherMode/stream'; available: boolean };

export const initialTogetherModeState: TogetherModeState = { active: false };

/** Applies one together-mode event; the same object back when nothing changed. */
export function applyTogetherModeEvent(state: TogetherModeState, event: TogetherModeEvent): TogetherModeState {
  return state.active === event.available ? state : { active: event.available };
}
