// Process: renderer (SDK). Cameras, microphones and speakers in the meeting, through the SDK's
// DeviceManager, as a DevicesState store. It starts from the devices the guest chose on the join
// screen (platform ids, found in the SDK's lists by device-ids.ts). Hot-plugging updates the lists;
// the chosen device is used whenever it is plugged in, and otherwise the current one, the system
// default or the first one.
import type { AudioDeviceInfo, DeviceManager, VideoDeviceInfo } from '@azure/communication-calling';
import { findSdkDevice, type ChosenDevice, type ChosenDevices, type DeviceKind } from './device-ids';
import { EMPTY_DEVICES, Store, pickDevice, type AccessState, type DeviceOption, type DevicesState } from './model';
import { coalesced } from '../media/coalesce';

/**
 * Without access, Chromium lists one placeholder per kind with an empty device id, which the SDK
 * turns into "camera:" / "microphone:" / "speaker:" (measured). Those are not devices.
 */
function isRealDevice(device: { id: string }): boolean {
  return device.id !== '' && !device.id.endsWith(':');
}

export class DeviceService {
  readonly state = new Store<DevicesState>({ ...EMPTY_DEVICES });
  private cameras: VideoDeviceInfo[] = [];
  private microphones: AudioDeviceInfo[] = [];
  private speakers: AudioDeviceInfo[] = [];
  private wanted: ChosenDevices = {};
  private readonly readDevicesOnce = coalesced(() => this.readDevices());

  constructor(private readonly manager: DeviceManager) {
    manager.on('videoDevicesUpdated', () => void this.refresh());
    manager.on('audioDevicesUpdated', () => void this.refresh());
    manager.on('selectedMicrophoneChanged', () => this.readBackSelection());
    manager.on('selectedSpeakerChanged', () => this.readBackSelection());
  }

  /**
   * Asks for camera and microphone access (the OS/browser prompt), then lists devices. The SDK asks
   * for each kind on its own, so a blocked camera does not hide a working microphone (measured).
   * Safe to call again ("try again" after the guest changed a setting).
   */
  async requestAccess(wanted?: ChosenDevices): Promise<DevicesState> {
    if (wanted) this.wanted = { ...this.wanted, ...wanted };
    const granted = await this.manager
      .askDevicePermission({ audio: true, video: true })
      .catch(() => ({ audio: false, video: false }));
    await this.refresh();
    const [cameraPermission, microphonePermission] = await Promise.all([browserPermission('camera'), browserPermission('microphone')]);
    const current = this.state.get();
    this.state.update({
      cameraAccess: accessOf(granted.video, current.cameras.length, cameraPermission),
      microphoneAccess: accessOf(granted.audio, current.microphones.length, microphonePermission),
    });
    return this.state.get();
  }

  /**
   * Takes over what the join screen found out through the platform's APIs (the devices chosen and
   * whether access was granted) without asking the SDK for permission again: asking opens every
   * camera and microphone once more, which would only delay joining.
   */
  async adopt(chosen: ChosenDevices, access: { camera: AccessState; microphone: AccessState }): Promise<DevicesState> {
    this.wanted = { ...this.wanted, ...chosen };
    this.state.update({ cameraAccess: access.camera, microphoneAccess: access.microphone });
    await this.refresh();
    return this.state.get();
  }

  /** Re-reads the device lists (hot-plug); concurrent calls coalesce into one more pass. */
  refresh(): Promise<void> {
    return this.readDevicesOnce();
  }

  private async readDevices(): Promise<void> {
    const [cameras, microphones, speakers] = await Promise.all([
      this.manager.getCameras().catch(() => []),
      this.manager.getMicrophones().catch(() => []),
      this.manager.isSpeakerSelectionAvailable ? this.manager.getSpeakers().catch(() => []) : Promise.resolve([]),
    ]);
    this.cameras = cameras.filter(isRealDevice);
    this.microphones = microphones.filter(isRealDevice);
    this.speakers = speakers.filter(isRealDevice);
    const current = this.state.get();
    const cameraOptions = options(this.cameras);
    const microphoneOptions = options(this.microphones);
    const speakerOptions = options(this.speakers);
    const next: DevicesState = {
      ...current,
      cameras: cameraOptions,
      microphones: microphoneOptions,
      speakers: speakerOptions,
      cameraId: choose('camera', cameraOptions, this.wanted.camera, current.cameraId, null),
      microphoneId: choose('microphone', microphoneOptions, this.wanted.microphone, current.microphoneId, defaultOf(this.microphones)),
      speakerId: choose('speaker', speakerOptions, this.wanted.speaker, current.speakerId, defaultOf(this.speakers)),
      speakerSelectionAvailable: this.manager.isSpeakerSelectionAvailable,
      // A device that appears after "missing" (plugged in) is usable at once.
      cameraAccess: current.cameraAccess === 'missing' && cameraOptions.length > 0 ? 'granted' : current.cameraAccess,
      microphoneAccess: current.microphoneAccess === 'missing' && microphoneOptions.length > 0 ? 'granted' : current.microphoneAccess,
    };
    if (next.cameraAccess === 'granted' && cameraOptions.length === 0) next.cameraAccess = 'missing';
    if (next.microphoneAccess === 'granted' && microphoneOptions.length === 0) next.microphoneAccess = 'missing';
    this.state.set(next);
    await this.applyAudioSelection();
  }

  selectCamera(id: string): void {
    const camera = this.cameras.find((c) => c.id === id);
    if (!camera) return;
    this.wanted.camera = camera;
    this.state.update({ cameraId: id });
  }

  async selectMicrophone(id: string): Promise<void> {
    const microphone = this.microphones.find((m) => m.id === id);
    if (!microphone) return;
    this.wanted.microphone = microphone;
    this.state.update({ microphoneId: id });
    await this.applyAudioSelection();
  }

  async selectSpeaker(id: string): Promise<void> {
    const speaker = this.speakers.find((s) => s.id === id);
    if (!speaker) return;
    this.wanted.speaker = speaker;
    this.state.update({ speakerId: id });
    await this.applyAudioSelection();
  }

  /**
   * The SDK's camera for a camera the join screen chose, read from the SDK's list without adopting
   * anything (the join screen's effects preview; the meeting adopts the final choice on Join).
   */
  async cameraFor(chosen: ChosenDevice): Promise<VideoDeviceInfo | undefined> {
    const cameras = await this.manager.getCameras().catch((): VideoDeviceInfo[] => []);
    return findSdkDevice('camera', cameras.filter(isRealDevice), chosen);
  }

  camera(id: string | null = this.state.get().cameraId): VideoDeviceInfo | undefined {
    return this.cameras.find((c) => c.id === id);
  }

  microphone(id: string | null = this.state.get().microphoneId): AudioDeviceInfo | undefined {
    return this.microphones.find((m) => m.id === id);
  }

  /** The SDK's own idea of the selected microphone (what a call will use). */
  get selectedMicrophoneId(): string | null {
    return this.manager.selectedMicrophone?.id ?? null;
  }

  private async applyAudioSelection(): Promise<void> {
    const state = this.state.get();
    const mic = this.microphones.find((m) => m.id === state.microphoneId);
    if (mic && this.manager.selectedMicrophone?.id !== mic.id) await this.manager.selectMicrophone(mic).catch(() => undefined);
    const speaker = this.speakers.find((s) => s.id === state.speakerId);
    if (speaker && this.manager.selectedSpeaker?.id !== speaker.id) await this.manager.selectSpeaker(speaker).catch(() => undefined);
    this.readBackSelection();
  }

  private readBackSelection(): void {
    const selectedMic = this.manager.selectedMicrophone;
    const selectedSpeaker = this.manager.selectedSpeaker;
    this.state.update({
      sdkMicrophoneId: selectedMic && isRealDevice(selectedMic) ? selectedMic.id : null,
      sdkSpeakerId: selectedSpeaker && isRealDevice(selectedSpeaker) ? selectedSpeaker.id : null,
    });
  }
}

function options(list: ReadonlyArray<{ id: string; name: string }>): DeviceOption[] {
  return list.map(({ id, name }) => ({ id, name }));
}

function defaultOf(list: AudioDeviceInfo[]): string | null {
  return list.find((d) => d.isSystemDefault)?.id ?? null;
}

/** The chosen device when it is there, else the one in use, else the default, else the first. */
function choose(kind: DeviceKind, list: DeviceOption[], wanted: ChosenDevice | undefined, currentId: string | null, defaultId: string | null): string | null {
  // pickDevice takes the one in use only while it is listed.
  return pickDevice(list, findSdkDevice(kind, list, wanted)?.id ?? currentId, defaultId);
}

/** The browser's answer for a device kind; 'prompt' where it cannot tell. */
async function browserPermission(kind: 'camera' | 'microphone'): Promise<PermissionState> {
  try {
    return (await navigator.permissions.query({ name: kind })).state;
  } catch {
    return 'prompt';
  }
}

/**
 * Granted with no device is 'missing'. Refused is 'denied', unless no device of the kind is listed
 * and the browser has not blocked it: then getUserMedia found nothing to open ('missing').
 */
function accessOf(granted: boolean, count: number, permission: PermissionState): AccessState {
  if (granted) return count > 0 ? 'granted' : 'missing';
  if (permission === 'denied') return 'denied';
  return count > 0 ? 'denied' : 'missing';
}
