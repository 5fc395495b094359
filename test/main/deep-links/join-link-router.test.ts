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

  it('sends a warm-start link at once and focuses the window, without asking', async () => {
    const { router, sent, events } = setup();
    router.rendererReady();
    expect(await router.deliver('doorway://join?link=a')).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(events).toEqual(['focus']);
  });

  it('ignores links that are not our routes, without focusing, and logs why', async () => {
    const { router, sent, events } = setup();
    router.rendererReady();
    expect(await router.deliver('doorway://settings')).toBe('ignored');
    expect(sent).toHaveLength(0);
    expect(events).toEqual(['deep link ignored: not a known route']);
  });

  it('a cold-start link that cannot be joined still waits for the join screen, which shows the problem', async () => {
    const sent: JoinRequest[] = [];
    const router = new JoinLinkRouter({
      parse: () => ({ invite: { ok: false, problem: 'malformedLink' } }),
      send: (request) => sent.push(request),
      focusWindow: () => undefined,
      confirmLeaveMeeting: async () => true,
      log: () => undefined,
    });
    expect(router.isInMeeting).toBe(false);
    expect(await router.deliver('doorway://join?link=bad')).toBe('queued');
    router.rendererReady();
    expect(sent).toEqual([{ invite: { ok: false, problem: 'malformedLink' } }]);
  });

  it('asks before replacing a meeting in progress', async () => {
    const declined = setup(false);
    declined.router.rendererReady();
    declined.router.setInMeeting(true);
    expect(await declined.router.deliver('doorway://join?link=a')).toBe('declined');
    expect(declined.sent).toHaveLength(0);
    expect(declined.events).toEqual(['focus', 'ask', 'deep link declined: guest stayed in the current meeting']);
    expect(declined.router.isInMeeting).toBe(true);

    const accepted = setup(true);
    accepted.router.rendererReady();
    accepted.router.setInMeeting(true);
    expect(await accepted.router.deliver('doorway://join?link=a')).toBe('sent');
  });

  it('holds links again while the page reloads, and a reload ends the meeting it showed', async () => {
    const { router, sent, events } = setup();
    router.rendererReady();
    router.setInMeeting(true);
    router.rendererGone();
    expect(router.isInMeeting).toBe(false);
    expect(await router.deliver('doorway://join?link=a')).toBe('queued');
    expect(events).not.toContain('ask');
    router.rendererReady();
    expect(sent).toHaveLength(1);
  });
});

describe('join link router during a meeting', () => {
  function meetingSetup(answers: Array<(value: boolean) => void>, confirm?: () => Promise<boolean>) {
    const sent: JoinRequest[] = [];
    const asked: number[] = [];
    const logs: string[] = [];
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
      confirmLeaveMeeting:
        confirm ??
        (() =>
          new Promise<boolean>((resolve) => {
            asked.push(asked.length);
            answers.push(resolve);
          })),
      log: (message) => logs.push(message),
    });
    router.rendererReady();
    router.setInMeeting(true);
    return { router, sent, asked, logs };
  }

  it('never disturbs a meeting with a link that cannot be joined, and logs why', async () => {
    const answers: Array<(value: boolean) => void> = [];
    const { router, sent, asked, logs } = meetingSetup(answers);
    expect(await router.deliver('doorway://join?link=bad')).toBe('ignored');
    expect(asked).toHaveLength(0);
    expect(sent).toHaveLength(0);
    expect(logs).toEqual(['deep link ignored during a meeting: not joinable']);
  });

  it('a question that fails to show counts as staying in the meeting', async () => {
    const { router, sent, logs } = meetingSetup([], () => Promise.reject(new Error('dialog failed')));
    expect(await router.deliver('doorway://join?link=one')).toBe('declined');
    expect(sent).toHaveLength(0);
    expect(logs).toEqual(['deep link declined: guest stayed in the current meeting']);
  });

  it('asks again for a link that comes after the last question was answered', async () => {
    const answers: Array<(value: boolean) => void> = [];
    const { router, sent, asked } = meetingSetup(answers);
    const first = router.deliver('doorway://join?link=one');
    await Promise.resolve();
    answers[0](false);
    expect(await first).toBe('declined');
    const second = router.deliver('doorway://join?link=two');
    await Promise.resolve();
    expect(asked).toHaveLength(2);
    answers[1](true);
    expect(await second).toBe('sent');
    expect(sent.map((r) => (r.invite.ok === true ? r.invite.normalized : null))).toEqual(['two']);
  });

  it('a link accepted while the page reloads waits for the join screen', async () => {
    const answers: Array<(value: boolean) => void> = [];
    const { router, sent } = meetingSetup(answers);
    const pending = router.deliver('doorway://join?link=one');
    await Promise.resolve();
    router.rendererGone();
    answers[0](true);
    expect(await pending).toBe('queued');
    expect(sent).toHaveLength(0);
    router.rendererReady();
    expect(sent.map((r) => (r.invite.ok === true ? r.invite.normalized : null))).toEqual(['one']);
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
