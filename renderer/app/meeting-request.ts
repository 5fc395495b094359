// Process: renderer. What the join screen hands to the meeting screen when the guest presses Join.
import type { MeetingTarget } from '../../common/meeting';
import type { ChosenDevices } from '../calling/device-ids';
import type { AccessState } from '../calling/model';
import type { CameraHandoff } from '../media/camera-preview';
import type { EffectsPreviewHandle } from '../calling/features/effects-model';

export interface MeetingRequest {
  target: MeetingTarget;
  /** The host the link pointed at (e.g. teams.microsoft.com), shown while connecting. */
  host: string;
  /** The meeting's subject from a Doorway invitation (the header's name); absent for a plain link. */
  subject?: string;
  displayName: string;
  cameraOn: boolean;
  microphoneOn: boolean;
  /** The devices chosen on the join screen (platform ids and labels), and what access it found. */
  devices: ChosenDevices;
  access: { camera: AccessState; microphone: AccessState };
  /** The preview's live camera, carried on into the call; null when the camera is off or not ready. */
  camera: CameraHandoff | null;
  /** The join screen's effects, once its picker loaded them (with the SDK camera an effect runs on); the meeting takes it over. */
  effectsPreview: EffectsPreviewHandle | null;
  /** A practice meeting (simulated people, no token, nothing real joined): target and host are only labels. */
  practice?: boolean;
}
