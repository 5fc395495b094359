// Process: main. The meeting's mini window: a small always-on-top window with who is on stage,
// Mute, Camera and Leave, shown while the guest is in a meeting and the meeting window is
// minimized or not in front (Electron reports no occlusion on any platform, so "not focused" stands
// for "behind other windows", as Teams does when the guest switches to another app). Clicking it
// brings the meeting back. It is on by default; the `miniWindow` setting turns it off.
//
// The meeting window's renderer tells main what to show (setMiniWindow); this module decides when
// the window exists and shows, where it goes, and relays presses back to the meeting. Like the
// sharing controls (whose window design and IPC trust it shares), it never takes focus when it
// appears (showInactive), and stands aside while those controls are up.
import type { MiniWindowAction, MiniWindowState, MiniWindowView } from '../../common/ipc-contract';
import { NOT_IN_MEETING } from '../../common/mini-window';
import type { ControlsWindow, ControlsWindowEvents, Rect } from '../share-controls/share-controls';

/** The mini window's size: the speaker's avatar and name over one row of buttons. */
export const MINI_WINDOW_SIZE = { width: 360, height: 180 } as const;
/** Gap from the work area's bottom-right corner. */
const MARGIN = 16;

/** The window calls the mini window needs: the sharing controls' set, sending its own state. */
export type MiniBrowserWindow = Omit<ControlsWindow, 'sendState'> & { sendState(state: MiniWindowState): void };

export interface MiniWindowDeps {
  /** Creates the hidden window and starts loading its page. */
  createWindow(events: ControlsWindowEvents): MiniBrowserWindow;
  workArea(): Rect;
  /** Sends a press to the meeting window's renderer, which owns the call. */
  relay(action: Exclude<MiniWindowAction, 'showMeeting'>): void;
  focusMeeting(): void;
  /** The guest's setting (read each time: it can change during a meeting). */
  enabled(): boolean;
  view(): Omit<MiniWindowView, 'state'>;
  log(message: string): void;
}


export class MiniWindow {
  private state: MiniWindowState = NOT_IN_MEETING;
  private window: MiniBrowserWindow | null = null;
  private visible = false;
  private meetingInFront = true;
  /** The guest closed it during this meeting: not again until the next one. */
  private dismissed = false;
  private position: { x: number; y: number } | null = null;

  constructor(private readonly deps: MiniWindowDeps) {}

  /** The meeting window's renderer reports the meeting (setMiniWindow). */
  update(state: MiniWindowState): void {
    const previous = this.state;
    this.state = state;
    if (!state.inMeeting) {
      this.dismissed = false;
      this.destroyWindow();
      return;
    }
    if (this.window && !sameState(previous, state)) this.window.sendState(state);
    this.apply();
  }

  /** The meeting window is in front (focused, not minimized, shown) or not. */
  meetingInFrontChanged(inFront: boolean): void {
    this.meetingInFront = inFront;
    this.apply();
  }

  /** The setting changed. */
  settingChanged(): void {
    this.apply();
  }

  /** The meeting page is reloading or its window closed. */
  meetingGone(): void {
    this.update(NOT_IN_MEETING);
  }

  /** The mini window's page asks for its first paint (miniWindowReady). */
  ready(): MiniWindowView {
    return { ...this.deps.view(), state: this.state };
  }

  /** The guest pressed a button in the mini window, or clicked it (miniWindowAction). */
  action(action: MiniWindowAction): void {
    if (!this.state.inMeeting) {
      this.deps.log(`mini window: ignored ${action} (not in a meeting)`);
      return;
    }
    if (action === 'showMeeting') this.deps.focusMeeting();
    else this.deps.relay(action);
  }

  get isVisible(): boolean {
    return this.visible;
  }

  get hasWindow(): boolean {
    return this.window !== null;
  }

  private wanted(): boolean {
    return this.state.inMeeting && !this.state.sharing && !this.meetingInFront && !this.dismissed && this.deps.enabled();
  }

  private apply(): void {
    const show = this.wanted();
    if (show && !this.window) this.createWindow();
    const window = this.window;
    if (!window || window.isDestroyed()) return;
    if (show && !this.visible) {
      const { x, y } = placeMiniWindow(this.deps.workArea(), this.position);
      window.setPosition(x, y);
      window.showInactive();
      this.visible = true;
    } else if (!show && this.visible) {
      window.hide();
      this.visible = false;
    }
  }

  private createWindow(): void {
    let created: MiniBrowserWindow | null = null;
    created = this.deps.createWindow({
      closed: () => {
        if (!created || this.window !== created) return;
        this.window = null;
        this.visible = false;
        // Closed during a meeting: the guest did it (we close it only when the meeting ends).
        if (this.state.inMeeting) this.dismissed = true;
      },
      moved: () => {
        if (!created || this.window !== created || created.isDestroyed()) return;
        const [x, y] = created.getPosition();
        if (typeof x === 'number' && typeof y === 'number') this.position = { x, y };
      },
    });
    this.window = created;
    this.visible = false;
    this.deps.log('mini window: created');
  }

  private destroyWindow(): void {
    const window = this.window;
    this.window = null;
    this.visible = false;
    if (window && !window.isDestroyed()) window.close();
  }
}

/** Where the guest last dragged it (kept inside the work area), else the work area's bottom-right corner. */
export function placeMiniWindow(area: Rect, remembered: { x: number; y: number } | null): { x: number; y: number } {
  const maxX = area.x + Math.max(0, area.width - MINI_WINDOW_SIZE.width);
  const maxY = area.y + Math.max(0, area.height - MINI_WINDOW_SIZE.height);
  if (remembered) return { x: clamp(remembered.x, area.x, maxX), y: clamp(remembered.y, area.y, maxY) };
  return { x: Math.max(area.x, maxX - MARGIN), y: Math.max(area.y, maxY - MARGIN) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(value, min), max));
}

function sameState(a: MiniWindowState, b: MiniWindowState): boolean {
  return (
    a.inMeeting === b.inMeeting &&
    a.sharing === b.sharing &&
    a.muted === b.muted &&
    a.canUnmute === b.canUnmute &&
    a.videoOn === b.videoOn &&
    a.canTurnVideoOn === b.canTurnVideoOn &&
    a.speaker?.name === b.speaker?.name &&
    a.speaker?.initials === b.speaker?.initials &&
    a.speaker?.speaking === b.speaker?.speaking
  );
}
