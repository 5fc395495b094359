// Process: renderer (SDK). The one on/off helper every SDK subscription goes through: it returns
// the exact unsubscribe for the exact listener it added, so a detach removes what its attach
// added and nothing else. Never subscribes anything itself.

/** Anything with the SDK's `on(event, listener)` / `off(event, listener)` pair. */
export interface SdkEmitter {
  on(event: string, listener: never): void;
  off(event: string, listener: never): void;
}

/** Subscribes `listener` to an SDK event and returns the unsubscribe. */
export function listen(target: SdkEmitter, event: string, listener: (...args: never[]) => void): () => void {
  target.on(event, listener as never);
  return () => target.off(event, listener as never);
}
