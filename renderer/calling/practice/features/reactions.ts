// Process: renderer. Features.Reaction as the SDK declares it: the guest's reactions are kept in
// `sent` and reported as received; others' arrive through `scriptReaction`. Type-only SDK imports,
// so Node tests load it directly.
import type { Reaction, ReactionCallFeature, ReactionMessage } from '@azure/communication-calling';
import type { CommunicationUserIdentifier, MicrosoftTeamsUserIdentifier } from '@azure/communication-common';
import { ScriptedCallingError } from '../errors';
import type { Received } from '../received';
import { ScriptedFeature } from './feature';

export class ScriptedReactions extends ScriptedFeature implements ReactionCallFeature {
  readonly sent: Reaction[] = [];
  constructor(
    private readonly allowed: () => boolean = () => true,
    private readonly received: (action: Received) => void = () => undefined,
  ) {
    super('Reaction');
  }
  sendReaction(reactionMessage: ReactionMessage): Promise<void> {
    this.received({ kind: 'reaction', reaction: reactionMessage.reactionType, ...(this.allowed() ? {} : { refused: 'useReactions' }) });
    if (!this.allowed()) return Promise.reject(new ScriptedCallingError('reactions are not allowed in this meeting', 403, 46100));
    this.sent.push(reactionMessage.reactionType);
    return Promise.resolve();
  }
  scriptReaction(identifier: CommunicationUserIdentifier | MicrosoftTeamsUserIdentifier, reactionType: Reaction): void {
    this.emit('reaction', { identifier, reactionMessage: { reactionType } });
  }
}
