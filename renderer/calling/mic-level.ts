// Process: renderer (SDK). How loud the chosen microphone is right now, for the join screen's
// level meter: the SDK's own volume indicator on a LocalAudioStream of that microphone.
import { LocalAudioStream, type Volume } from '@azure/communication-calling';
import type { DeviceService } from './devices';
import { Store } from './model';
import { disposeAll } from './dispose';

export interface MicrophoneLevelState {
  /** True while a microphone is being measured. */
  running: boolean;
  /** The SDK's volume level, 0-100 (speech is roughly 10-40; the fake test microphone peaks near 12). */
  level: number;
}

export class MicrophoneLevel {
  readonly state = new Store<MicrophoneLevelState>({ running: false, level: 0 });
  private stream: LocalAudioStream | null = null;
  private volume: Volume | null = null;
  private microphoneId: string | null = null;
  private generation = 0;
  private readonly onLevel = () => {
    if (this.volume) this.state.set({ running: true, level: this.volume.level });
  };

  constructor(private readonly devices: DeviceService) {}

  /** Measures `microphoneId` (restarting on a different one); stops when it is not available. */
  async start(microphoneId: string | null): Promise<void> {
    const mic = this.devices.microphone(microphoneId);
    if (!mic) return this.stop();
    if (this.stream && this.microphoneId === mic.id) return;
    this.stop();
    const generation = this.generation;
    this.microphoneId = mic.id;
    const stream = new LocalAudioStream(mic, { autoDisposeOnCallEnd: false });
    this.stream = stream;
    try {
      const volume = await stream.getVolume();
      if (generation !== this.generation) return;
      this.volume = volume;
      volume.on('levelChanged', this.onLevel);
      this.state.set({ running: true, level: volume.level });
    } catch {
      if (generation === this.generation) this.stop();
    }
  }

  stop(): void {
    this.generation++;
    this.volume?.off('levelChanged', this.onLevel);
    this.volume = null;
    disposeAll(this.stream);
    this.stream = null;
    this.microphoneId = null;
    this.state.set({ running: false, level: 0 });
  }
}
