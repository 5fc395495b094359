import { describe, expect, it } from 'vitest';
import type { JoinRequest } from '../../../common/ipc-contract';
import { JoinLinkRouter } from '../../../main/deep-links/join-link-router';

function setup(confirm = true) {
  const sent: JoinRequest[] = [];
  const events: string[] = [];
  const router = new JoinLinkRouter({
    parse: (url) =>
      url.startsWith('doorway://join')
        ? { invite: { ok: true, target: { kind: 'link', meetingLink: 'https://teams.microsoft.com/meet/1?p=x' }, host: 'teams.microsoft.com', normalized: url } }
        : null,
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

describe('join link router during a meeting', () => {
  function meetingSetup(answers: Array<(value: boolean) => void>) {
    const sent: JoinRequest[] = [];
    const asked: number[] = [];
    const router = new JoinLinkRouter({
      parse: (url) => {
        if (!url.startsWith('doorway://join')) return null;
        const link = new URL(url).searchParams.get('link') ?? '';
        return link === 'bad'
          ? { invite: { ok: false, problem: 'malformedLink' } }
          : { invite: { ok: true, target: { kind: 'link', meetingLink: `https://teams.microsoft.com/meet/${link}` }, host: 'teams.microsoft.com', normalized: link } };
      },
      send: (request) => sent.push(request),
      focusWindow: () => undefined,
      confirmLeaveMeeting: () =>
        new Promise<boolean>((resolve) => {
          asked.push(asked.length);
          answers.push(resolve);
        }),
      log: () => undefined,
    });
    router.rendererReady();
    router.setInMeeting(true);
    return { router, sent, asked };
  }

  it('never disturbs a meeting with a link that cannot be joined', async () => {
    const answers: Array<(value: boolean) => void> = [];
    const { router, sent, asked } = meetingSetup(answers);
    expect(await router.deliver('doorway://join?link=bad')).toBe('ignored');
    expect(asked).toHaveLength(0);
    expect(sent).toHaveLength(0);
  });

  it('asks one question at a time, and the newest link wins', async () => {
    const answers: Array<(value: boolean) => void> = [];
    const { router, sent, asked } = meetingSetup(answers);
    const first = router.deliver('doorway://join?link=one');
    const second = router.deliver('doorway://join?link=two');
    const third = router.deliver('doorway://join?link=three');
    await Promise.resolve();
    expect(asked).toHaveLength(1);
    answers[0](true);
    expect(await Promise.all([first, second, third])).toEqual(['superseded', 'superseded', 'sent']);
    expect(sent.map((r) => (r.invite.ok === true ? r.invite.normalized : null))).toEqual(['three']);
  });

  it('a declined question drops every link that waited on it', async () => {
    const answers: Array<(value: boolean) => void> = [];
    const { router, sent } = meetingSetup(answers);
    const first = router.deliver('doorway://join?link=one');
    const second = router.deliver('doorway://join?link=two');
    await Promise.resolve();
    answers[0](false);
    expect(await Promise.all([first, second])).toEqual(['superseded', 'declined']);
    expect(sent).toHaveLength(0);
  });
});
