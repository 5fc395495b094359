// A fake of the sharing controls' BrowserWindow for main-process tests and the E2E harness: it
// records what ShareControls did to it, and forwards the state it is sent to a web contents.
import type { ShareControlsState } from '../../common/ipc-contract';
import type { ControlsWindow, ControlsWindowEvents } from '../../main/share-controls/share-controls';

/** Also the mini window's (main/mini-window), which is the same window sending its own state `S`. */
export class FakeControlsWindow<S = ShareControlsState> implements Omit<ControlsWindow, 'sendState'> {
  readonly calls: string[] = [];
  readonly states: S[] = [];
  visible = false;
  destroyed = false;
  position: [number, number] = [0, 0];

  constructor(
    readonly events: ControlsWindowEvents,
    private readonly forward: (state: S) => void = () => undefined,
  ) {}

  showInactive(): void {
    this.calls.push('showInactive');
    this.visible = true;
  }

  hide(): void {
    this.calls.push('hide');
    this.visible = false;
  }

  close(): void {
    this.calls.push('close');
    this.visible = false;
    this.destroyed = true;
    this.events.closed();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setPosition(x: number, y: number): void {
    this.calls.push(`setPosition ${x},${y}`);
    this.position = [x, y];
  }

  getPosition(): number[] {
    return [...this.position];
  }

  sendState(state: S): void {
    this.states.push(state);
    this.forward(state);
  }

  /** The guest drags the window. */
  dragTo(x: number, y: number): void {
    this.position = [x, y];
    this.events.moved();
  }

  /** The guest closes the window from the keyboard (Alt+F4): Electron destroys it. */
  closeByGuest(): void {
    this.visible = false;
    this.destroyed = true;
    this.events.closed();
  }
}
