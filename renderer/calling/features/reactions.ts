// Process: renderer (SDK glue, type-only SDK import). Features.Reaction: everyone's reactions as
// `reactions/received` events (the guest's own too, once sent), sending one when the meeting
// allows it (useReactions), and the `reactions/expired` events that take them off the tiles: one
// timer at a time, armed for the oldest reaction still shown.
import type { ReactionCallFeature, ReactionEventPayload } from '@azure/communication-calling';
import { listen } from '../sdk-events';
import { clearFailure, detacher, reportFailure, type FeatureContext, type FeatureHandle } from './feature-context';
import { REACTION_SHOWN_MS, isReactionType, type ReactionType } from './reactions-model';

export interface ReactionsHandle extends FeatureHandle {
  send(reaction: ReactionType): Promise<void>;
}

export function attachReactions(feature: ReactionCallFeature, ctx: FeatureContext): ReactionsHandle {
  // When each shown reaction is due to go, oldest first (arrival order is expiry order).
  const due: number[] = [];
  let cancelTimer: (() => void) | null = null;
  const arm = () => {
    if (cancelTimer || due.length === 0) return;
    cancelTimer = ctx.after(Math.max(0, due[0] - ctx.now()), () => {
      cancelTimer = null;
      const now = ctx.now();
      while (due.length > 0 && due[0] <= now) due.shift();
      ctx.push({ type: 'reactions/expired', now });
      arm();
    });
  };
  // The service may echo the guest's own reaction back: shown once, when sent.
  let lastSent: { reaction: ReactionType; at: number } | null = null;
  const shown = (id: string | null, reaction: ReactionType) => {
    const at = ctx.now();
    ctx.push({ type: 'reactions/received', id, reaction, at });
    due.push(at + REACTION_SHOWN_MS);
    arm();
  };

  const off = [
    listen(feature, 'reaction', (event: ReactionEventPayload) => {
      const reaction = event.reactionMessage?.reactionType;
      if (!isReactionType(reaction)) return; // a reaction this app does not know yet: not shown
      const id = ctx.rawIdOf(event.identifier);
      if (id !== ctx.localId) shown(id, reaction);
      else if (!lastSent || lastSent.reaction !== reaction || ctx.now() - lastSent.at >= REACTION_SHOWN_MS) shown(null, reaction);
    }),
  ];
  const detachListeners = detacher(off);
  return {
    detach() {
      detachListeners();
      cancelTimer?.();
      cancelTimer = null;
      due.length = 0;
    },
    async send(reaction) {
      if (!ctx.allowed('useReactions')) return;
      try {
        await feature.sendReaction({ reactionType: reaction });
        lastSent = { reaction, at: ctx.now() };
        shown(null, reaction);
        clearFailure(ctx);
      } catch (error) {
        reportFailure(ctx, 'reaction', error);
      }
    },
  };
}
