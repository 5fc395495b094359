// Process: main. Registers one handler per invoke channel of the contract. Every message is checked
// twice before a handler sees it: it must come from our window's main frame on our own origin, and
// its payload must match the channel's schema. Anything else is refused and logged (without the
// payload, which may hold a name or a link).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  invokeChannels,
  type InvokeContract,
  type InvokeName,
} from '../../common/ipc-contract';
import { requestSchemas } from './schemas';

export type InvokeHandlers = {
  [K in InvokeName]: (
    request: InvokeContract[K]['request'],
    event: IpcMainInvokeEvent,
  ) => InvokeContract[K]['reply'] | Promise<InvokeContract[K]['reply']>;
};

/** Whether `event` may use channel `name` (most checks ignore the name; see share-controls/ipc-trust). */
export type SenderCheck = (event: IpcMainInvokeEvent, name: InvokeName) => boolean;
type Log = (level: 'warn', message: string) => void;

/** The subset of IpcMain the manager uses, so tests can pass a small fake. */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

export class IpcRejection extends Error {}

export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: InvokeHandlers,
  isTrustedSender: SenderCheck,
  log: Log,
): () => void {
  const names = Object.keys(invokeChannels) as InvokeName[];
  for (const name of names) {
    const channel = invokeChannels[name];
    const schema = requestSchemas[name];
    const handler = handlers[name] as (request: unknown, event: IpcMainInvokeEvent) => unknown;
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!isTrustedSender(event, name)) {
        log('warn', `ipc: refused ${name} from an untrusted frame`);
        throw new IpcRejection('untrusted sender');
      }
      const parsed = schema.safeParse(request);
      if (!parsed.success) {
        log('warn', `ipc: refused ${name}: payload does not match its schema`);
        throw new IpcRejection('invalid payload');
      }
      return await handler(parsed.data, event);
    });
  }
  return () => names.forEach((name) => ipcMain.removeHandler(invokeChannels[name]));
}

/** Trusts only the main frame of our own window, showing a page of our own origin. */
export function trustMainFrameOf(
  getWebContents: () => { mainFrame: unknown } | null | undefined,
  isOwnUrl: (url: string) => boolean,
): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    const contents = getWebContents();
    return !!frame && !!contents && frame === contents.mainFrame && isOwnUrl(frame.url);
  };
}
