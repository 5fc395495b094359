// Process: renderer. A short chime on the chosen speaker, so the guest can hear that the sound
// comes out where they expect. Generated with Web Audio (no media file: the CSP allows none) and
// routed with AudioContext.setSinkId, or through an <audio> element's setSinkId where the context
// cannot choose its output.
import { Store } from '../calling/model';
import { sinkIdOf } from './device-choice';

export type TestSoundState = 'idle' | 'playing' | 'failed';

/** The notes of the chime (an E major arpeggio), with their start in seconds. */
const NOTES: ReadonlyArray<{ frequency: number; at: number }> = [
  { frequency: 659.25, at: 0 },
  { frequency: 830.61, at: 0.16 },
  { frequency: 987.77, at: 0.32 },
  { frequency: 1318.51, at: 0.48 },
];
const NOTE_SECONDS = 0.9;
const PEAK_GAIN = 0.22;

type SinkContext = AudioContext & { setSinkId?(id: string): Promise<void> };
type SinkAudio = HTMLAudioElement & { setSinkId?(id: string): Promise<void> };

export class TestSound {
  readonly state = new Store<TestSoundState>('idle');
  private context: AudioContext | null = null;

  /** Plays the chime on `speakerId` (a platform output id; null for the system output). */
  async play(speakerId: string | null): Promise<void> {
    this.stop();
    this.state.set('playing');
    const context: SinkContext = new AudioContext({ latencyHint: 'interactive' });
    this.context = context;
    let audio: SinkAudio | null = null;
    try {
      const sink = sinkIdOf(speakerId);
      let destination: AudioNode = context.destination;
      if (typeof context.setSinkId === 'function') {
        await context.setSinkId(sink);
      } else {
        const streamOut = context.createMediaStreamDestination();
        audio = new Audio();
        audio.srcObject = streamOut.stream;
        if (typeof audio.setSinkId === 'function') await audio.setSinkId(sink);
        void audio.play();
        destination = streamOut;
      }
      await context.resume();
      const start = context.currentTime + 0.05;
      for (const note of NOTES) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = note.frequency;
        const t = start + note.at;
        gain.gain.setValueAtTime(0.0001, t);
        gain.gain.exponentialRampToValueAtTime(PEAK_GAIN, t + 0.015);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + NOTE_SECONDS);
        oscillator.connect(gain).connect(destination);
        oscillator.start(t);
        oscillator.stop(t + NOTE_SECONDS + 0.05);
      }
      const lastEnd = NOTES[NOTES.length - 1].at + NOTE_SECONDS + 0.1;
      await new Promise((resolve) => setTimeout(resolve, lastEnd * 1000));
      if (this.context === context) this.state.set('idle');
    } catch {
      if (this.context === context) this.state.set('failed');
    } finally {
      audio?.pause();
      if (audio) audio.srcObject = null;
      void context.close().catch(() => undefined);
      if (this.context === context) this.context = null;
    }
  }

  stop(): void {
    const context = this.context;
    this.context = null;
    if (context) void context.close().catch(() => undefined);
    if (this.state.get() === 'playing') this.state.set('idle');
  }
}
