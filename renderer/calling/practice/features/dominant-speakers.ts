// Process: renderer. Features.DominantSpeakers as the SDK declares it.
import type { DominantSpeakersCallFeature, DominantSpeakersInfo } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import { systemClock, type Clock } from '../clock';
import { ScriptedFeature } from './feature';

export class ScriptedDominantSpeakers extends ScriptedFeature implements DominantSpeakersCallFeature {
  dominantSpeakers: DominantSpeakersInfo;
  constructor(private readonly clock: Clock = systemClock) {
    super('DominantSpeakers');
    this.dominantSpeakers = { speakersList: [], timestamp: new Date(clock.now()) };
  }
  scriptSet(speakers: CommunicationIdentifierKind[]): void {
    this.dominantSpeakers = { speakersList: speakers, timestamp: new Date(this.clock.now()) };
    this.emit('dominantSpeakersChanged');
  }
}
