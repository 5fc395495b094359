// Process: renderer. Meetings main sends for the join screen (deep links, a recovered meeting).
// Subscribed when this module loads, before the page tells main it is ready: main sends a queued
// link right after that, possibly before the first render, and it must not be missed.
import type { JoinRequest } from '../../common/ipc-contract';
import { bridge } from '../bridge';
import { Store } from '../calling/model';

export const joinRequests = new Store<JoinRequest | null>(null);

bridge.on.joinRequested((request) => joinRequests.set(request));
