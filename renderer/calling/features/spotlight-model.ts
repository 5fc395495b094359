// Process: renderer. The spotlight slice of the call model: who the organizer put in the
// spotlight (in the meeting's spotlight order) and whether the guest is one of them. Its events
// are prefixed `spotlight/`; call-model.ts hands them to `applySpotlightEvent`. No SDK import,
// not even types: views and Node tests load it.

export interface SpotlightState {
  /** Spotlighted remote participants (raw ids), in the meeting's spotlight order. */
  readonly ids: readonly string[];
  /** The guest is spotlighted: everyone in the meeting sees their video on the stage. */
  readonly self: boolean;
}

export type SpotlightEvent =
  /** The meeting's spotlight list, as it is now. */
  { type: 'spotlight/changed'; ids: readonly string[]; self: boolean };

export const initialSpotlightState: SpotlightState = { ids: [], self: false };

/** Applies one spotlight event; the same object back when nothing changed. */
export function applySpotlightEvent(state: SpotlightState, event: SpotlightEvent): SpotlightState {
  const same = state.self === event.self && state.ids.length === event.ids.length && state.ids.every((id, i) => id === event.ids[i]);
  return same ? state : { ids: [...event.ids], self: event.self };
}

/** Whether participant `id` (null: the guest) is spotlighted. */
export function isSpotlighted(state: SpotlightState, id: string | null): boolean {
  return id === null ? state.self : state.ids.includes(id);
}
