// Cold start, warm start, injected switches and queued links, with the real parser and router
// and an EventEmitter standing in for Electron's `app`.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { JoinRequest } from '../../../common/ipc-contract';
import { JoinLinkRouter } from '../../../main/deep-links/join-link-router';
import { receiveDeepLinks } from '../../../main/deep-links/link-intake';
import { buildDeepLink, parseDeepLink } from '../../../main/links';

const MEETING = 'https://teams.microsoft.com/meet/2345678901234?p=AbCdEf';
const LINK = buildDeepLink({ kind: 'link', meetingLink: MEETING }, 'doorway');

function setup(options: { confirm?: boolean } = {}) {
  const app = new EventEmitter();
  const sent: JoinRequest[] = [];
  const events: string[] = [];
  const router = new JoinLinkRouter({
    parse: (url) => parseDeepLink(url, 'doorway'),
    send: (request) => sent.push(request),
    focusWindow: () => events.push('focus'),
    confirmLeaveMeeting: async () => {
      events.push('ask');
      return options.confirm ?? true;
    },
    log: (message) => events.push(message),
  });
  const intake = receiveDeepLinks(app, router, 'doorway', () => events.push('focus'));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { app, router, intake, sent, events, settle };
}

const meetingLinkOf = (request: JoinRequest | undefined) =>
  request?.invite.ok === true && request.invite.target.kind === 'link' ? request.invite.target.meetingLink : undefined;

describe('deep links into the app', () => {
  it('cold start on Windows/Linux: the link in argv waits for the renderer, then fills the join screen', async () => {
    const { intake, router, sent, settle } = setup();
    intake.deliverLaunchLink(['C:\\Doorway\\Doorway.exe', '--', LINK]);
    await settle();
    expect(sent).toHaveLength(0);
    router.rendererReady();
    expect(meetingLinkOf(sent[0])).toBe(MEETING);
  });

  it('a launch without a link delivers nothing', async () => {
    const { intake, router, sent, events, settle } = setup();
    intake.deliverLaunchLink(['C:\\Doorway\\Doorway.exe', '--', 'C:\\Users\\ada\\notes.txt']);
    await settle();
    router.rendererReady();
    expect(sent).toHaveLength(0);
    expect(events).toEqual([]);
  });

  it('cold start on macOS: open-url before ready is queued, and the default is prevented', async () => {
    const { app, router, sent, settle } = setup();
    let prevented = false;
    app.emit('open-url', { preventDefault: () => (prevented = true) }, LINK);
    await settle();
    expect(prevented).toBe(true);
    router.rendererReady();
    expect(meetingLinkOf(sent[0])).toBe(MEETING);
  });

  it('warm start: a second instance hands over its argv, wherever the link sits in it', async () => {
    const { app, router, sent, events, settle } = setup();
    router.rendererReady();
    app.emit('second-instance', {}, ['/opt/Doorway/doorway', '--no-sandbox', LINK, '--enable-logging']);
    await settle();
    expect(meetingLinkOf(sent[0])).toBe(MEETING);
    expect(events).toContain('focus');
  });

  it('a second launch without a link only brings the window forward', async () => {
    const { app, router, sent, events, settle } = setup();
    router.rendererReady();
    app.emit('second-instance', {}, ['/opt/Doorway/doorway']);
    await settle();
    expect(sent).toHaveLength(0);
    expect(events).toEqual(['focus']);
  });

  it('ignores injected Chromium switches and links that only look like ours', async () => {
    const { app, router, sent, settle } = setup();
    router.rendererReady();
    for (const argv of [
      ['doorway.exe', `--gpu-launcher=calc.exe ${LINK}`],
      ['doorway.exe', `--renderer-cmd-prefix=${LINK}`],
      ['doorway.exe', LINK.replace('doorway://', 'doorwayx://')],
      ['doorway.exe', 'doorway://settings?x=1'],
      ['doorway.exe', 'doorway://join?link=https%3A%2F%2Fevil.example%2Fmeet%2F1%3Fp%3D2&extra=1'],
    ]) {
      app.emit('second-instance', {}, argv);
    }
    await settle();
    const opened = sent.filter((request) => request.invite.ok);
    expect(opened).toHaveLength(0);
  });

  it('a join link whose meeting cannot be joined still opens the join screen with the problem', async () => {
    const { app, router, sent, settle } = setup();
    router.rendererReady();
    app.emit('second-instance', {}, ['doorway', 'doorway://join?link=' + encodeURIComponent('https://teams.live.com/meet/9876543210?p=x')]);
    await settle();
    expect(sent).toEqual([{ invite: { ok: false, problem: 'personalTeams' } }]);
  });

  it('asks before leaving a meeting in progress for the new link', async () => {
    const declined = setup({ confirm: false });
    declined.router.rendererReady();
    declined.router.setInMeeting(true);
    declined.app.emit('second-instance', {}, ['doorway', LINK]);
    await declined.settle();
    expect(declined.events).toContain('ask');
    expect(declined.sent).toHaveLength(0);

    const accepted = setup({ confirm: true });
    accepted.router.rendererReady();
    accepted.router.setInMeeting(true);
    accepted.app.emit('open-url', { preventDefault: () => undefined }, LINK);
    await accepted.settle();
    expect(meetingLinkOf(accepted.sent[0])).toBe(MEETING);
  });
});
