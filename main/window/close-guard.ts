// Process: main. Closing the window during a meeting asks first; if the guest agrees, the renderer
// leaves the call cleanly (so the others see them leave, not drop) before the window closes.
export interface CloseGuardDeps {
  isInMeeting(): boolean;
  confirmLeave(): Promise<boolean>;
  requestLeave(): void;
  /** Resolves when the renderer reports it has left, or after the timeout. */
  waitUntilLeft(timeoutMs: number): Promise<void>;
  close(): void;
}

export const LEAVE_TIMEOUT_MS = 3000;

export function createCloseGuard(deps: CloseGuardDeps) {
  let closing = false;
  let asking = false;
  return {
    /** The window's 'close' handler. */
    onClose(event: { preventDefault(): void }): void {
      if (closing || !deps.isInMeeting()) return;
      event.preventDefault();
      if (asking) return;
      asking = true;
      void deps
        .confirmLeave()
        .then(async (leave) => {
          if (!leave) return;
          deps.requestLeave();
          await deps.waitUntilLeft(LEAVE_TIMEOUT_MS);
          closing = true;
          deps.close();
        })
        .finally(() => {
          asking = false;
        });
    },
  };
}
