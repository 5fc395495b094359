// Test code only, NEVER in the production bundle. Features.DominantSpeakers as the SDK declares it.
import type { DominantSpeakersCallFeature, DominantSpeakersInfo } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import { ScriptedFeature } from './feature';

export class ScriptedDominantSpeakers extends ScriptedFeature implements DominantSpeakersCallFeature {
  dominantSpeakers: DominantSpeakersInfo = { speakersList: [], timestamp: new Date() };
  constructor() {
    super('DominantSpeakers');
  }
  scriptSet(speakers: CommunicationIdentifierKind[]): void {
    this.dominantSpeakers = { speakersList: speakers, timestamp: new Date() };
    this.emit('dominantSpeakersChanged');
  }
}
