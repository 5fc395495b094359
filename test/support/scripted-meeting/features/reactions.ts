// Test code only, NEVER in the production bundle. Features.Reaction as the SDK declares it: the
// guest's reactions are kept in `sent` (what the client sent); others' arrive through
// `scriptReaction`. Type-only SDK imports, so Node tests load it directly.
import type { Reaction, ReactionCallFeature, ReactionMessage } from '@azure/communication-calling';
import type { CommunicationUserIdentifier, MicrosoftTeamsUserIdentifier } from '@azure/communication-common';
import { ScriptedCallingError } from '../errors';
import { ScriptedFeature } from './feature';

export class ScriptedReactions extends ScriptedFeature implements ReactionCallFeature {
  readonly sent: Reaction[] = [];
  constructor(private readonly allowed: () => boolean = () => true) {
    super('Reaction');
  }
  sendReaction(reactionMessage: ReactionMessage): Promise<void> {
    if (!this.allowed()) return Promise.reject(new ScriptedCallingError('reactions are not allowed in this meeting', 403, 46100));
    this.sent.push(reactionMessage.reactionType);
    return Promise.resolve();
  }
  scriptReaction(identifier: CommunicationUserIdentifier | MicrosoftTeamsUserIdentifier, reactionType: Reaction): void {
    this.emit('reaction', { identifier, reactionMessage: { reactionType } });
  }
}
