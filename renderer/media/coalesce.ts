// Process: renderer. One pass at a time of something that re-reads state (the device lists on
// hot-plug): calls made while a pass runs share its promise and coalesce into one more pass, so the
// last change is always read and nothing runs twice at once.
export function coalesced(pass: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
    })().finally(() => (running = null));
    return running;
  };
}
