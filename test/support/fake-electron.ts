// Typed fakes of the few Electron objects main-process modules take as parameters, in the way
// Electron Fiddle's tests fake them: tests pull a registered handler out and call it.
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcMainLike } from '../../main/ipc/ipc-manager';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Calls a registered handler the way Electron would for `ipcRenderer.invoke`. */
  async invoke(channel: string, event: Partial<IpcMainInvokeEvent>, payload?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event as IpcMainInvokeEvent, payload);
  }
}

export interface FakeFrame {
  url: string;
}

/** A web contents with one main frame, whose sent messages are recorded or forwarded. */
export class FakeWebContents {
  readonly mainFrame: FakeFrame;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  onSend: ((channel: string, payload: unknown) => void) | null = null;

  constructor(url: string) {
    this.mainFrame = { url };
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
    this.onSend?.(channel, payload);
  }

  /** An invoke event as if sent from this contents' main frame (or from another frame). */
  eventFromMainFrame(): Partial<IpcMainInvokeEvent> {
    return { senderFrame: this.mainFrame as never };
  }
}
