// Process: renderer. The preload's bridge, typed by the IPC contract. The only way the page talks
// to main.
import { BRIDGE_GLOBAL, type DoorwayBridge } from '../common/ipc-contract';

export const bridge: DoorwayBridge = (window as unknown as Record<string, DoorwayBridge>)[BRIDGE_GLOBAL];
