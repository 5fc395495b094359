// Process: preload (sandboxed). Builds the bridge from the IPC contract: one narrow function per
// invoke channel and one subscribe function per event channel. The Electron event object never
// reaches the page, and neither does ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_GLOBAL,
  eventChannels,
  invokeChannels,
  type DoorwayBridge,
} from '../common/ipc-contract';

const invokers = Object.fromEntries(
  Object.entries(invokeChannels).map(([name, channel]) => [
    name,
    (request?: unknown) => ipcRenderer.invoke(channel, request),
  ]),
);

const subscribers = Object.fromEntries(
  Object.entries(eventChannels).map(([name, channel]) => [
    name,
    (listener: (payload: unknown) => void) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => void ipcRenderer.removeListener(channel, forward);
    },
  ]),
);

const bridge = { ...invokers, on: subscribers } as unknown as DoorwayBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
