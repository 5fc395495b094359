// Process: renderer. Features.Recording (and the consent it shares with
// transcription) as the SDK declares it.
import type { RecordingCallFeature, RecordingInfo } from '@azure/communication-calling';
import type { Received } from '../received';
import { ScriptedFeature } from './feature';

export class ConsentState {
  required = false;
  constructor(
    private readonly onGranted: () => void,
    private readonly received: (action: Received) => void = () => undefined,
  ) {}
  grant(): Promise<void> {
    this.received({ kind: 'grantConsent' });
    if (this.required) {
      this.required = false;
      this.onGranted();
    }
    return Promise.resolve();
  }
}

export class ScriptedRecording extends ScriptedFeature implements RecordingCallFeature {
  isRecordingActive = false;
  recordings: RecordingInfo[] = [];
  constructor(private readonly consent: ConsentState) {
    super('Recording');
  }
  get isTeamsConsentRequired(): boolean {
    return this.consent.required;
  }
  grantTeamsConsent(): Promise<void> {
    return this.consent.grant();
  }
  scriptActive(active: boolean): void {
    if (this.isRecordingActive === active) return;
    this.isRecordingActive = active;
    this.emit('isRecordingActiveChanged');
  }
}
