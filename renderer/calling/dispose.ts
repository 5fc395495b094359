// Process: renderer. Disposes SDK views and renderers. The SDK disposes them itself when a call
// ends or a stream goes away, and then throws (400/43213) if we dispose them again: for us that
// is not an error, and it must not escape a view's cleanup as an uncaught exception.
export function disposeAll(...items: Array<{ dispose(): void } | null | undefined>): void {
  for (const item of items) {
    try {
      item?.dispose();
    } catch {
      // Already disposed by the SDK.
    }
  }
}
