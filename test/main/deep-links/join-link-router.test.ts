import { describe, expect, it } from 'vitest';
import type { JoinRequest } from '../../../common/ipc-contract';
import { JoinLinkRouter } from '../../../main/deep-links/join-link-router';

function setup(confirm = true) {
  const sent: JoinRequest[] = [];
  const events: string[] = [];
  const router = new JoinLinkRouter({
    parse: (url) => (url.startsWith('doorway://join') ? { invite: { ok: false, problem: 'malformedLink' } } : null),
    send: (request) => sent.push(request),
    focusWindow: () => events.push('focus'),
    confirmLeaveMeeting: async () => {
      events.push('ask');
      return confirm;
    },
    log: (m) => events.push(m),
  });
  return { router, sent, events };
}

describe('join link router', () => {
  it('queues a cold-start link until the renderer is ready, keeping only the newest', async () => {
    const { router, sent } = setup();
    expect(await router.deliver('doorway://join?link=a')).toBe('queued');
    expect(await router.deliver('doorway://join?link=b')).toBe('queued');
    expect(sent).toHaveLength(0);
    router.rendererReady();
    expect(sent).toHaveLength(1);
    router.rendererReady();
    expect(sent).toHaveLength(1);
  });

  it('sends a warm-start link at once and focuses the window', async () => {
    const { router, sent, events } = setup();
    router.rendererReady();
    expect(await router.deliver('doorway://join?link=a')).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(events).toContain('focus');
  });

  it('ignores links that are not our routes, without focusing', async () => {
    const { router, sent, events } = setup();
    router.rendererReady();
    expect(await router.deliver('doorway://settings')).toBe('ignored');
    expect(sent).toHaveLength(0);
    expect(events).not.toContain('focus');
  });

  it('asks before replacing a meeting in progress', async () => {
    const declined = setup(false);
    declined.router.rendererReady();
    declined.router.setInMeeting(true);
    expect(await declined.router.deliver('doorway://join?link=a')).toBe('declined');
    expect(declined.sent).toHaveLength(0);
    expect(declined.events).toContain('ask');

    const accepted = setup(true);
    accepted.router.rendererReady();
    accepted.router.setInMeeting(true);
    expect(await accepted.router.deliver('doorway://join?link=a')).toBe('sent');
  });

  it('holds links again while the page reloads', async () => {
    const { router, sent } = setup();
    router.rendererReady();
    router.rendererGone();
    expect(await router.deliver('doorway://join?link=a')).toBe('queued');
    router.rendererReady();
    expect(sent).toHaveLength(1);
  });
});
