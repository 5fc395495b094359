// Process: main. Closing the window during a meeting asks first; if the guest agrees, the renderer
// leaves the call cleanly (so the others see them leave, not drop) before the window closes. When
// the close came from quitting (Cmd+Q, the menu's Quit), the app then quits: on macOS closing the
// last window alone would leave it running, and the quit the guest asked for would be lost.
export interface CloseGuardDeps {
  isInMeeting(): boolean;
  confirmLeave(): Promise<boolean>;
  requestLeave(): void;
  /** Resolves when the renderer reports it has left, or after the timeout. */
  waitUntilLeft(timeoutMs: number): Promise<void>;
  close(): void;
  quit(): void;
}

export const LEAVE_TIMEOUT_MS = 3000;

export function createCloseGuard(deps: CloseGuardDeps) {
  let closing = false;
  let asking = false;
  let quitting = false;
  return {
    /** The app's 'before-quit': the window's next 'close' is part of a quit. */
    quitRequested(): void {
      quitting = true;
    },
    /** The window's 'close' handler. */
    onClose(event: { preventDefault(): void }): void {
      if (closing || !deps.isInMeeting()) return;
      event.preventDefault();
      if (asking) return;
      asking = true;
      void deps
        .confirmLeave()
        .catch(() => false)
        .then(async (leave) => {
          const quit = quitting;
          // Electron cancels a quit whose window close was prevented: a "stay" forgets it.
          quitting = false;
          if (!leave) return;
          deps.requestLeave();
          await deps.waitUntilLeft(LEAVE_TIMEOUT_MS);
          closing = true;
          if (quit) deps.quit();
          else deps.close();
        })
        .finally(() => {
          asking = false;
        });
    },
  };
}
