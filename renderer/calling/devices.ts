// Process: renderer (SDK). Cameras, microphones and speakers through the SDK's DeviceManager,
// as a DevicesState store. Hot-plugging updates the lists; a remembered device that disappears
// falls back to the system default (or the first one).
import type { AudioDeviceInfo, DeviceManager, VideoDeviceInfo } from '@azure/communication-calling';
import { EMPTY_DEVICES, Store, pickDevice, type DevicesState } from './model';

export class DeviceService {
  readonly state = new Store<DevicesState>({ ...EMPTY_DEVICES });
  private cameras: VideoDeviceInfo[] = [];
  private microphones: AudioDeviceInfo[] = [];
  private speakers: AudioDeviceInfo[] = [];
  private wanted = { cameraId: '', microphoneId: '', speakerId: '' };

  constructor(private readonly manager: DeviceManager) {
    manager.on('videoDevicesUpdated', () => void this.refresh());
    manager.on('audioDevicesUpdated', () => void this.refresh());
  }

  /** Asks for camera and microphone access (the OS/browser prompt), then lists devices. */
  async requestAccess(wanted: { cameraId: string; microphoneId: string; speakerId: string }): Promise<DevicesState> {
    this.wanted = wanted;
    const access = await this.manager.askDevicePermission({ audio: true, video: true }).catch(() => ({ audio: false, video: false }));
    // Ask separately when the combined request failed: one blocked device must not hide the other.
    let { audio, video } = access;
    if (!audio && !video) {
      audio = (await this.manager.askDevicePermission({ audio: true, video: false }).catch(() => ({ audio: false }))).audio;
      video = (await this.manager.askDevicePermission({ audio: false, video: true }).catch(() => ({ video: false }))).video;
    }
    this.state.update({ microphoneAccess: audio ? 'granted' : 'denied', cameraAccess: video ? 'granted' : 'denied' });
    await this.refresh();
    return this.state.get();
  }

  async refresh(): Promise<void> {
    const [cameras, microphones, speakers] = await Promise.all([
      this.manager.getCameras().catch(() => []),
      this.manager.getMicrophones().catch(() => []),
      this.manager.isSpeakerSelectionAvailable ? this.manager.getSpeakers().catch(() => []) : Promise.resolve([]),
    ]);
    this.cameras = cameras;
    this.microphones = microphones;
    this.speakers = speakers;
    const current = this.state.get();
    const options = (list: ReadonlyArray<{ id: string; name: string }>) => list.map(({ id, name }) => ({ id, name: name || '—' }));
    const defaultOf = (list: AudioDeviceInfo[]) => list.find((d) => d.isSystemDefault)?.id ?? null;
    const next: DevicesState = {
      ...current,
      cameras: options(cameras),
      microphones: options(microphones),
      speakers: options(speakers),
      cameraId: pickDevice(options(cameras), current.cameraId ?? this.wanted.cameraId),
      microphoneId: pickDevice(options(microphones), current.microphoneId ?? this.wanted.microphoneId, defaultOf(microphones)),
      speakerId: pickDevice(options(speakers), current.speakerId ?? this.wanted.speakerId, defaultOf(speakers)),
      speakerSelectionAvailable: this.manager.isSpeakerSelectionAvailable,
    };
    this.state.set(next);
    await this.applyAudioSelection(next);
  }

  selectCamera(id: string): void {
    if (this.cameras.some((c) => c.id === id)) this.state.update({ cameraId: id });
  }

  async selectMicrophone(id: string): Promise<void> {
    if (!this.microphones.some((m) => m.id === id)) return;
    this.state.update({ microphoneId: id });
    await this.applyAudioSelection(this.state.get());
  }

  async selectSpeaker(id: string): Promise<void> {
    if (!this.speakers.some((s) => s.id === id)) return;
    this.state.update({ speakerId: id });
    await this.applyAudioSelection(this.state.get());
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

  private async applyAudioSelection(state: DevicesState): Promise<void> {
    const mic = this.microphones.find((m) => m.id === state.microphoneId);
    if (mic && this.manager.selectedMicrophone?.id !== mic.id) await this.manager.selectMicrophone(mic).catch(() => undefined);
    const speaker = this.speakers.find((s) => s.id === state.speakerId);
    if (speaker && this.manager.selectedSpeaker?.id !== speaker.id) await this.manager.selectSpeaker(speaker).catch(() => undefined);
  }
}
