// Process: renderer. What the join screen hands to the meeting screen when the guest presses Join.
import type { MeetingTarget } from '../../common/meeting';

export interface MeetingRequest {
  target: MeetingTarget;
  /** The host the link pointed at (e.g. teams.microsoft.com), shown while connecting. */
  host: string;
  displayName: string;
  cameraOn: boolean;
  microphoneOn: boolean;
}
