// Process: renderer. Cameras, microphones and speakers through the platform's own media APIs
// (getUserMedia, enumerateDevices, 'devicechange'), as a store the join screen reads. No SDK: the
// preview and its device lists are live before the calling SDK has even loaded. Hot-plugging
// updates the lists; the remembered device is used whenever it is plugged in, and otherwise the
// current one, the system default or the first one.
import { Store, type AccessState, type DeviceOption } from '../calling/model';
import { accessOf, chooseDevice, deviceLists, platformIdOf, type MediaKind } from './device-choice';
import { coalesced } from './coalesce';

export interface MediaDevicesState {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
  /** Platform device ids (MediaDeviceInfo.deviceId). */
  cameraId: string | null;
  microphoneId: string | null;
  speakerId: string | null;
  speakerSelectionAvailable: boolean;
  cameraAccess: AccessState;
  microphoneAccess: AccessState;
}

export const NO_DEVICES: MediaDevicesState = {
  cameras: [],
  microphones: [],
  speakers: [],
  cameraId: null,
  microphoneId: null,
  speakerId: null,
  speakerSelectionAvailable: false,
  cameraAccess: 'unknown',
  microphoneAccess: 'unknown',
};

/** Device ids the guest chose last time (settings), '' for none. */
export type WantedDevices = Record<MediaKind, string>;


/** Whether this Chromium can route audio to a chosen output (Web Audio or a media element). */
function canChooseSpeaker(): boolean {
  return typeof (AudioContext.prototype as { setSinkId?: unknown }).setSinkId === 'function' || 'setSinkId' in HTMLMediaElement.prototype;
}

/** getUserMedia's outcome: the stream, or the error's name. */
async function open(constraints: MediaStreamConstraints): Promise<MediaStream | string> {
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    return error instanceof DOMException ? error.name : 'Error';
  }
}

/**
 * The camera's constraints for the preview and, handed over, for the call: HD when the camera can.
 * A remembered device is asked for as `ideal`, so a missing one does not fail the request.
 */
export function cameraConstraints(deviceId: ConstrainDOMString | null): MediaTrackConstraints {
  return { ...(deviceId ? { deviceId } : {}), width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } };
}

export class MediaDeviceService {
  readonly state = new Store<MediaDevicesState>({ ...NO_DEVICES, speakerSelectionAvailable: canChooseSpeaker() });
  private wanted: WantedDevices = { camera: '', microphone: '', speaker: '' };
  private readonly readDevicesOnce = coalesced(() => this.readDevices());
  private readonly onDeviceChange = () => void this.refresh();
  /** What asking for access opened, until the preview and the meter take it (nothing opens twice). */
  private opened: Record<'camera' | 'microphone', MediaStream | null> = { camera: null, microphone: null };

  constructor() {
    navigator.mediaDevices.addEventListener('devicechange', this.onDeviceChange);
  }

  /**
   * Asks for camera and microphone access (the OS/browser prompt), one kind at a time so that a
   * blocked camera does not hide a working microphone, then lists devices. What it opened waits
   * for take(), except a camera `onCamera` takes at once (the preview shows it without waiting for
   * the microphone and the lists). Safe to call again ("try again" after the guest changed a setting).
   */
  async requestAccess(wanted?: Partial<WantedDevices>, onCamera?: (stream: MediaStream) => boolean): Promise<void> {
    if (wanted) {
      for (const kind of ['camera', 'microphone', 'speaker'] as const) {
        if (wanted[kind] !== undefined) this.wanted[kind] = platformIdOf(wanted[kind]);
      }
    }
    const [camera, microphone] = await Promise.all([
      open({ video: cameraConstraints(this.wanted.camera ? { ideal: this.wanted.camera } : null) }).then((camera) => {
        const taken = typeof camera !== 'string' && onCamera?.(camera) === true;
        return taken ? 'granted' : camera;
      }),
      open({ audio: this.wanted.microphone ? { deviceId: { ideal: this.wanted.microphone } } : true }),
    ]);
    this.release();
    this.opened = { camera: typeof camera === 'string' ? null : camera, microphone: typeof microphone === 'string' ? null : microphone };
    const cameraOutcome = typeof camera === 'string' ? camera : 'granted';
    await this.refresh();
    const current = this.state.get();
    this.state.update({
      cameraAccess: accessOf(cameraOutcome, current.cameras.length),
      microphoneAccess: accessOf(typeof microphone === 'string' ? microphone : 'granted', current.microphones.length),
    });
  }

  /** The stream asking for access opened for `kind`, once; the taker keeps or stops it. */
  take(kind: 'camera' | 'microphone'): MediaStream | null {
    const stream = this.opened[kind];
    this.opened[kind] = null;
    return stream;
  }

  /** Stops whatever asking opened and nobody took. */
  release(): void {
    for (const stream of [this.take('camera'), this.take('microphone')]) for (const track of stream?.getTracks() ?? []) track.stop();
  }

  /** Re-reads the device lists (hot-plug); concurrent calls coalesce into one more pass. */
  refresh(): Promise<void> {
    return this.readDevicesOnce();
  }

  private async readDevices(): Promise<void> {
    const listed = await navigator.mediaDevices.enumerateDevices().catch((): MediaDeviceInfo[] => []);
    const { cameras, microphones, speakers } = deviceLists(listed);
    const current = this.state.get();
    const next: MediaDevicesState = {
      ...current,
      cameras,
      microphones,
      speakers,
      cameraId: chooseDevice(cameras, this.wanted.camera, current.cameraId),
      microphoneId: chooseDevice(microphones, this.wanted.microphone, current.microphoneId),
      speakerId: chooseDevice(speakers, this.wanted.speaker, current.speakerId),
      // A device that appears after "missing" (plugged in) is usable at once.
      cameraAccess: current.cameraAccess === 'missing' && cameras.length > 0 ? 'granted' : current.cameraAccess,
      microphoneAccess: current.microphoneAccess === 'missing' && microphones.length > 0 ? 'granted' : current.microphoneAccess,
    };
    if (next.cameraAccess === 'granted' && cameras.length === 0) next.cameraAccess = 'missing';
    if (next.microphoneAccess === 'granted' && microphones.length === 0) next.microphoneAccess = 'missing';
    this.state.set(next);
  }

  select(kind: MediaKind, id: string): void {
    const state = this.state.get();
    const list = kind === 'camera' ? state.cameras : kind === 'microphone' ? state.microphones : state.speakers;
    if (!list.some((d) => d.id === id)) return;
    this.wanted[kind] = id;
    this.state.update(kind === 'camera' ? { cameraId: id } : kind === 'microphone' ? { microphoneId: id } : { speakerId: id });
  }

  /** The chosen device as the platform lists it (id and label), for finding it in the SDK's lists. */
  chosen(kind: MediaKind): DeviceOption | null {
    const state = this.state.get();
    const [list, id] = kind === 'camera' ? [state.cameras, state.cameraId] : kind === 'microphone' ? [state.microphones, state.microphoneId] : [state.speakers, state.speakerId];
    return list.find((d) => d.id === id) ?? null;
  }

  dispose(): void {
    this.release();
    navigator.mediaDevices.removeEventListener('devicechange', this.onDeviceChange);
  }
}
