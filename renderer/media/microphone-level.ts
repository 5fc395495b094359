// Process: renderer. How loud the chosen microphone is right now, for the join screen's level
// meter: a getUserMedia stream of that microphone into a Web Audio analyser, read a dozen times a
// second (a timer, not animation frames, which stop for a window that is covered but still shown). While
// the page is hidden (the window minimized) nobody sees the meter: the reading stops and the audio
// context is suspended until the page is shown again. A reading equal to the last notifies no one.
import { Store } from '../calling/model';
import { levelOf } from './device-choice';
import { stopStream } from './camera-preview';

export interface MicrophoneLevelState {
  /** True while a microphone is being measured. */
  running: boolean;
  /** 0-100 (speech is roughly 10-40); see levelOf. */
  level: number;
  /** The platform id of the microphone actually open ('' until one is). */
  deviceId: string;
}

/** No microphone measured. */
export const NOT_MEASURING: MicrophoneLevelState = { running: false, level: 0, deviceId: '' };

const READ_EVERY_MS = 80;

export class MicrophoneLevel {
  readonly state = new Store<MicrophoneLevelState>(NOT_MEASURING);
  private stream: MediaStream | null = null;
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Takes one reading (while a microphone is measured). */
  private read: (() => void) | null = null;
  private readonly onVisibility = () => this.pace();
  private wantedId: string | null = null;
  private generation = 0;

  /** Measures `deviceId` (restarting on a different one). `offered`: an open stream to use if it is that microphone. */
  async start(deviceId: string, offered: MediaStream | null = null): Promise<void> {
    if (this.wantedId === deviceId && this.stream) {
      stopStream(offered);
      return;
    }
    this.stop();
    const generation = this.generation;
    this.wantedId = deviceId;
    const offeredId = offered?.getAudioTracks()[0]?.getSettings().deviceId;
    let stream = offered && offeredId === deviceId ? offered : null;
    if (!stream) stopStream(offered);
    try {
      stream ??= await navigator.mediaDevices.getUserMedia({ audio: { deviceId: { exact: deviceId } } });
    } catch {
      if (generation === this.generation) this.stop();
      return;
    }
    if (generation !== this.generation) {
      stopStream(stream);
      return;
    }
    this.stream = stream;
    const context = (this.context = new AudioContext());
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const openedId = stream.getAudioTracks()[0]?.getSettings().deviceId ?? deviceId;
    this.state.set({ running: true, level: 0, deviceId: openedId });
    this.read = () => {
      analyser.getFloatTimeDomainData(samples);
      const level = levelOf(samples);
      if (level !== this.state.get().level) this.state.set({ running: true, level, deviceId: openedId });
    };
    document.addEventListener('visibilitychange', this.onVisibility);
    this.pace();
  }

  /** Reads while the page is shown; stops reading (level 0) and suspends the audio while it is hidden. */
  private pace(): void {
    const { read, context } = this;
    if (!read || !context) return;
    const hidden = document.visibilityState === 'hidden';
    if (hidden && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
      void context.suspend().catch(() => undefined);
      this.state.update({ level: 0 });
    } else if (!hidden && !this.timer) {
      void context.resume().catch(() => undefined);
      this.timer = setInterval(read, READ_EVERY_MS);
    }
  }

  stop(): void {
    this.generation++;
    document.removeEventListener('visibilitychange', this.onVisibility);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.read = null;
    void this.context?.close().catch(() => undefined);
    this.context = null;
    stopStream(this.stream);
    this.stream = null;
    this.wantedId = null;
    this.state.set(NOT_MEASURING);
  }
}
