// Process: renderer. The reactions slice of the call model: who reacted with what, shown for a few
// seconds. Its events are prefixed `reactions/`; call-model.ts hands them to `applyReactionsEvent`.
// A reaction leaves through the `reactions/expired` event (the reactions feature module schedules
// it), never through a timer in a view. No SDK import, not even types: views and Node tests load it.

/** The five reactions Teams offers, by the SDK's names (Features.Reaction's `Reaction`). */
export const REACTION_TYPES = ['like', 'heart', 'applause', 'laugh', 'surprised'] as const;
export type ReactionType = (typeof REACTION_TYPES)[number];

/** How long a reaction stays on a tile. */
export const REACTION_SHOWN_MS = 3_000;

export interface ShownReaction {
  readonly type: ReactionType;
  /** When it arrived (ms, the session's clock). */
  readonly at: number;
}

export interface ReactionsState {
  /** The latest reaction of each remote participant (raw id) still shown. */
  readonly byParticipant: ReadonlyMap<string, ShownReaction>;
  /** The guest's own latest reaction still shown. */
  readonly self: ShownReaction | null;
}

export type ReactionsEvent =
  /** Someone reacted (`id` null: the guest). A newer reaction from the same person replaces theirs. */
  | { type: 'reactions/received'; id: string | null; reaction: ReactionType; at: number }
  /** Time passed: every reaction older than REACTION_SHOWN_MS at `now` goes. */
  | { type: 'reactions/expired'; now: number };

export const initialReactionsState: ReactionsState = { byParticipant: new Map(), self: null };

export function isReactionType(value: unknown): value is ReactionType {
  return typeof value === 'string' && (REACTION_TYPES as readonly string[]).includes(value);
}

const expired = (reaction: ShownReaction, now: number) => now - reaction.at >= REACTION_SHOWN_MS;

/** Applies one reactions event; the same object back when nothing changed. */
export function applyReactionsEvent(state: ReactionsState, event: ReactionsEvent): ReactionsState {
  switch (event.type) {
    case 'reactions/received': {
      const shown: ShownReaction = { type: event.reaction, at: event.at };
      if (event.id === null) return { ...state, self: shown };
      const byParticipant = new Map(state.byParticipant);
      byParticipant.set(event.id, shown);
      return { ...state, byParticipant };
    }
    case 'reactions/expired': {
      let byParticipant: Map<string, ShownReaction> | null = null;
      for (const [id, reaction] of state.byParticipant) {
        if (!expired(reaction, event.now)) continue;
        byParticipant ??= new Map(state.byParticipant);
        byParticipant.delete(id);
      }
      const self = state.self && expired(state.self, event.now) ? null : state.self;
      if (!byParticipant && self === state.self) return state;
      return { byParticipant: byParticipant ?? state.byParticipant, self };
    }
  }
}

/** A participant's reaction on screen now (`id` null: the guest's own). */
export function reactionOf(state: ReactionsState, id: string | null): ShownReaction | null {
  return id === null ? state.self : (state.byParticipant.get(id) ?? null);
}
