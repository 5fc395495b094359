// Process: main. Where meeting links enter the app: the launch argv (Windows, Linux), `open-url`
// (macOS, possibly before 'ready') and `second-instance` (a link clicked while Doorway runs; its
// argv arrives here). Our scheme is looked for anywhere in argv and Chromium switches are
// ignored: the position of arguments is never trusted.
import { findDeepLinkInArgv } from '../links';

export interface LinkEvents {
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
}

export interface LinkSink {
  deliver(url: string): Promise<unknown>;
}

export function receiveDeepLinks(app: LinkEvents, sink: LinkSink, scheme: string, focusWindow: () => void) {
  app.on('open-url', (event, url) => {
    event.preventDefault();
    void sink.deliver(url);
  });
  app.on('second-instance', (_event, argv) => {
    const url = findDeepLinkInArgv(argv, scheme);
    if (url) void sink.deliver(url);
    else focusWindow(); // a plain second launch: bring the running window forward
  });
  return {
    /** The link the app was started with, if any: call once the window exists. */
    deliverLaunchLink(argv: readonly string[]): void {
      const url = findDeepLinkInArgv(argv, scheme);
      if (url) void sink.deliver(url);
    },
  };
}
