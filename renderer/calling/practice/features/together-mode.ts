// Process: renderer. Features.TogetherMode as the SDK declares it: the organizer turns the scene
// on or off (`scriptActive`), which adds or removes the together-mode bot's composed video stream
// ('togetherModeStreamsUpdated'); the seating map places the meeting's people in the scene. A
// guest cannot start it (startTogetherMode is an organizer's capability). The stream is a
// scripted remote stream, painted locally like every scripted video.
import type { TogetherModeCallFeature, TogetherModeSceneSize, TogetherModeSeatingMap, TogetherModeVideoStream } from '@azure/communication-calling';
import { ScriptedCallingError } from '../errors';
import type { Received } from '../received';
import { ScriptedFeature } from './feature';

/** A stream as the scripted meeting makes them (sdk.ts's ScriptedRemoteVideoStream). */
export type SceneStream = TogetherModeVideoStream & { scriptAvailable(available: boolean): void };

export class ScriptedTogetherMode extends ScriptedFeature implements TogetherModeCallFeature {
  togetherModeStream: SceneStream[] = [];
  private seating: TogetherModeSeatingMap = new Map();
  private size: TogetherModeSceneSize = { width: 1280, height: 720 };

  constructor(
    private readonly makeStream: () => SceneStream,
    private readonly canStart: () => boolean,
    private readonly received: (action: Received) => void = () => undefined,
  ) {
    super('TogetherMode');
  }


  get togetherModeSeatingMap(): TogetherModeSeatingMap {
    return new Map(this.seating);
  }
  get sceneSize(): TogetherModeSceneSize {
    return this.size;
  }
  set sceneSize(size: TogetherModeSceneSize) {
    this.size = { width: size.width, height: size.height };
    this.emit('togetherModeSceneUpdated', this.togetherModeSeatingMap);
  }

  async start(): Promise<void> {
    this.received({ kind: 'startTogetherMode', ...(this.canStart() ? {} : { refused: 'RoleRestricted' }) });
    if (!this.canStart()) throw new ScriptedCallingError('together mode can only be started by an organizer', 403, 46400);
    this.scriptActive(true, []);
  }

  /** The organizer turns together mode on (seating `seated` raw ids in a row) or off. */
  scriptActive(active: boolean, seated: readonly string[]): void {
    if (active === this.togetherModeStream.length > 0) return;
    if (active) {
      const stream = this.makeStream();
      const width = 1 / Math.max(1, seated.length);
      this.seating = new Map(seated.map((id, i) => [id, { top: 0.4, left: i * width, width, height: 0.4 }]));
      this.togetherModeStream = [stream];
      this.emit('togetherModeStreamsUpdated', { added: [stream], removed: [] });
      this.emit('togetherModeSeatingUpdated', this.togetherModeSeatingMap);
    } else {
      const removed = this.togetherModeStream;
      this.togetherModeStream = [];
      this.seating = new Map();
      for (const stream of removed) stream.scriptAvailable(false);
      this.emit('togetherModeStreamsUpdated', { added: [], removed });
    }
  }
}
