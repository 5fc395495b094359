// Process: renderer. Features.Transcription as the SDK declares it.
import type { TranscriptionCallFeature } from '@azure/communication-calling';
import { ScriptedFeature } from './feature';
import type { ConsentState } from './recording';

export class ScriptedTranscription extends ScriptedFeature implements TranscriptionCallFeature {
  isTranscriptionActive = false;
  constructor(private readonly consent: ConsentState) {
    super('Transcription');
  }
  get isTeamsConsentRequired(): boolean {
    return this.consent.required;
  }
  grantTeamsConsent(): Promise<void> {
    return this.consent.grant();
  }
  scriptActive(active: boolean): void {
    if (this.isTranscriptionActive === active) return;
    this.isTranscriptionActive = active;
    this.emit('isTranscriptionActiveChanged');
  }
}
