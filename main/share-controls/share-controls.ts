// Process: main. The small always-on-top window with the sharing controls (stop sharing, mute,
// who is speaking), as Teams and Zoom show while the guest works in the app they share.
//
// The meeting window's renderer tells main what to show (setShareControls); this module decides
// when the window exists and when it shows, where it goes, and relays the guest's presses back to
// the meeting. The window exists while the guest shares, and shows only while the meeting window
// is not focused (in the meeting, its own sharing banner has the same buttons). It never takes
// focus when it appears, so the shared app keeps the keyboard.
import type {
  ShareControlAction,
  ShareControlsState,
  ShareControlsView,
} from '../../common/ipc-contract';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The controls' size: one row of buttons. */
export const CONTROLS_SIZE = { width: 540, height: 56 } as const;
/** Gap between the controls and the top edge of the work area. */
const TOP_MARGIN = 12;

/** The few BrowserWindow (and webContents) calls the controls need. */
export interface ControlsWindow {
  showInactive(): void;
  hide(): void;
  close(): void;
  isDestroyed(): boolean;
  setPosition(x: number, y: number): void;
  getPosition(): number[];
  /** webContents.send of the shareControlsChanged event. */
  sendState(state: ShareControlsState): void;
}

export interface ControlsWindowEvents {
  /** The window is gone (closed by the guest with the keyboard, or by us). */
  closed(): void;
  /** The guest dragged it somewhere else. */
  moved(): void;
}

export interface ShareControlsDeps {
  /** Creates the hidden window and starts loading the controls page. */
  createWindow(events: ControlsWindowEvents): ControlsWindow;
  /** The work area of the display the meeting window is on. */
  workArea(): Rect;
  /** Sends a press to the meeting window's renderer, which owns the call. */
  relay(action: Exclude<ShareControlAction, 'showMeeting'>): void;
  focusMeeting(): void;
  /** Language and look for the controls' first paint. */
  view(): Omit<ShareControlsView, 'state'>;
  log(message: string): void;
}

export const NOT_SHARING: ShareControlsState = Object.freeze({ sharing: false, muted: true, canUnmute: true, speaker: null });

export class ShareControls {
  private state: ShareControlsState = NOT_SHARING;
  private window: ControlsWindow | null = null;
  private visible = false;
  private meetingFocused = true;
  /** The guest closed the controls during this share: do not bring them back until the next. */
  private dismissed = false;
  /** Where the guest dragged the controls to, kept for the rest of the session. */
  private position: { x: number; y: number } | null = null;

  constructor(private readonly deps: ShareControlsDeps) {}

  /** The meeting window's renderer reports the share (setShareControls). */
  update(state: ShareControlsState): void {
    const previous = this.state;
    this.state = state;
    if (!state.sharing) {
      this.dismissed = false;
      this.destroyWindow();
      return;
    }
    if (!previous.sharing) this.deps.log('share controls: sharing started');
    if (!this.window && !this.dismissed) this.createWindow();
    if (this.window && !sameState(previous, state)) this.window.sendState(state);
    this.applyVisibility();
  }

  /** The meeting window gained or lost focus. */
  meetingFocusChanged(focused: boolean): void {
    this.meetingFocused = focused;
    this.applyVisibility();
  }

  /** The meeting page is reloading or its window closed: no share survives that. */
  meetingGone(): void {
    this.update(NOT_SHARING);
  }

  /** The controls page asks for its first paint (shareControlsReady). */
  ready(): ShareControlsView {
    return { ...this.deps.view(), state: this.state };
  }

  /** The guest pressed a button in the controls (shareControlAction). */
  action(action: ShareControlAction): void {
    if (!this.state.sharing) {
      this.deps.log(`share controls: ignored ${action} (not sharing)`);
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

  private createWindow(): void {
    let created: ControlsWindow | null = null;
    created = this.deps.createWindow({
      closed: () => {
        if (!created || this.window !== created) return;
        this.window = null;
        this.visible = false;
        // Closed while sharing: the guest did it (we only close when sharing stops).
        if (this.state.sharing) this.dismissed = true;
      },
      moved: () => {
        if (!created || this.window !== created || created.isDestroyed()) return;
        const [x, y] = created.getPosition();
        if (typeof x === 'number' && typeof y === 'number') this.position = { x, y };
      },
    });
    this.window = created;
    this.visible = false;
  }

  private destroyWindow(): void {
    const window = this.window;
    this.window = null;
    this.visible = false;
    if (window && !window.isDestroyed()) window.close();
  }

  private applyVisibility(): void {
    const window = this.window;
    if (!window || window.isDestroyed()) return;
    const show = this.state.sharing && !this.meetingFocused;
    if (show && !this.visible) {
      const { x, y } = placeControls(this.deps.workArea(), this.position);
      window.setPosition(x, y);
      window.showInactive();
      this.visible = true;
    } else if (!show && this.visible) {
      window.hide();
      this.visible = false;
    }
  }
}

/**
 * Where the controls go: where the guest last dragged them (kept inside the work area, in case
 * a display went away), otherwise centred at the top of the work area.
 */
export function placeControls(area: Rect, remembered: { x: number; y: number } | null): { x: number; y: number } {
  const maxX = area.x + Math.max(0, area.width - CONTROLS_SIZE.width);
  const maxY = area.y + Math.max(0, area.height - CONTROLS_SIZE.height);
  if (remembered) {
    return { x: clamp(remembered.x, area.x, maxX), y: clamp(remembered.y, area.y, maxY) };
  }
  return { x: area.x + Math.max(0, Math.round((area.width - CONTROLS_SIZE.width) / 2)), y: Math.min(area.y + TOP_MARGIN, maxY) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(value, min), max));
}

function sameState(a: ShareControlsState, b: ShareControlsState): boolean {
  return a.sharing === b.sharing && a.muted === b.muted && a.canUnmute === b.canUnmute && a.speaker === b.speaker;
}
