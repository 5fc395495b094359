// Process: main. Carries meeting links from the OS (argv, open-url, second-instance) to the join
// screen. Links are parsed before anything acts on them; a link that arrives before the renderer
// is ready waits (only the newest is kept); the window is restored and focused; and a guest who
// is already in a meeting is asked before the new link replaces it. During a meeting a link that
// cannot be joined is dropped unasked, at most one question is open, and the newest link wins.
// Never joins by itself: the renderer shows the join screen filled in and the guest presses Join.
import type { JoinRequest } from '../../common/ipc-contract';

export interface JoinLinkRouterDeps {
  /** Parses our deep-link URL; null when it is not one of our routes. */
  parse(url: string): { invite: JoinRequest['invite'] } | null;
  send(request: JoinRequest): void;
  /** Brings the window forward, opening a new one when none exists (macOS keeps running without). */
  focusWindow(): void;
  /** Asks the guest whether to leave the current meeting for the new one. */
  confirmLeaveMeeting(): Promise<boolean>;
  log(message: string): void;
}

export class JoinLinkRouter {
  private ready = false;
  private pending: JoinRequest | null = null;
  private inMeeting = false;
  /** The open "leave the meeting?" question, and the newest link waiting on its answer. */
  private question: Promise<boolean> | null = null;
  private waiting: JoinRequest | null = null;

  constructor(private readonly deps: JoinLinkRouterDeps) {}

  /** A deep link from the OS. Resolves when it has been delivered, queued, dropped or replaced by a newer one. */
  async deliver(url: string): Promise<'sent' | 'queued' | 'ignored' | 'declined' | 'superseded'> {
    const route = this.deps.parse(url);
    if (!route) {
      this.deps.log('deep link ignored: not a known route');
      return 'ignored';
    }
    const request: JoinRequest = { invite: route.invite };
    // A link that cannot be joined has nothing to offer a guest who is in a meeting.
    if (this.inMeeting && !request.invite.ok) {
      this.deps.log('deep link ignored during a meeting: not joinable');
      return 'ignored';
    }
    this.deps.focusWindow();
    if (!this.ready) {
      this.pending = request;
      return 'queued';
    }
    if (!this.inMeeting) {
      this.deps.send(request);
      return 'sent';
    }
    this.waiting = request;
    this.question ??= this.deps
      .confirmLeaveMeeting()
      .catch(
        // Stryker disable next-line ArrowFunction: `undefined` reads as "stay" just as `false` does.
        // (Inside a method chain the comment must lead the mutated node itself: Stryker's next-line
        // is the line where the node the comment leads starts, and between two calls Babel makes it
        // a trailing comment of the previous call, which Stryker does not read.)
        () => false,
      )
      .finally(() => {
        this.question = null;
      });
    const leave = await this.question;
    if (this.waiting !== request) return 'superseded';
    this.waiting = null;
    if (!leave) {
      this.deps.log('deep link declined: guest stayed in the current meeting');
      return 'declined';
    }
    if (!this.ready) {
      this.pending = request;
      return 'queued';
    }
    this.deps.send(request);
    return 'sent';
  }

  /** The renderer has loaded and subscribed: hand over the link that waited, if any. */
  rendererReady(): void {
    this.ready = true;
    this.inMeeting = false;
    const request = this.pending;
    this.pending = null;
    if (request) this.deps.send(request);
  }

  /** The page is (re)loading: hold links until it is ready again. */
  rendererGone(): void {
    this.ready = false;
    this.inMeeting = false;
  }

  setInMeeting(inMeeting: boolean): void {
    this.inMeeting = inMeeting;
  }

  get isInMeeting(): boolean {
    return this.inMeeting;
  }
}
