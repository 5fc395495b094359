// Process: renderer. The scripted meeting's sense of time. Everything it does later (connecting,
// the lobby, token renewals, the practice script) goes through a Clock, so a test can drive it
// with a controllable one instead of waiting. The system clock reads the globals at each call,
// so a test's fake timers take over it too.
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

type Handle = ReturnType<typeof setTimeout>;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as Handle),
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as Handle),
};
