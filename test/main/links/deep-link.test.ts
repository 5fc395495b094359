import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeepLink, findDeepLinkInArgv, parseDeepLink, parseMeetingInvite, type MeetingTarget } from '../../../main/links';
import { canonicalMeetup, meetupJoin, safeLinks, shortLink } from './fixtures';

const SCHEME = 'doorway';
const LINK = canonicalMeetup();
const LINK_TARGET: MeetingTarget = { kind: 'link', meetingLink: LINK };
const ID_TARGET: MeetingTarget = { kind: 'meetingId', meetingId: '263829185487', passcode: 'Wx5vmh' };

describe('parseDeepLink', () => {
  it('opens the join screen for a link', () => {
    expect(parseDeepLink(`doorway://join?link=${encodeURIComponent(meetupJoin())}`, SCHEME)).toEqual({
      route: 'join',
      invite: parseMeetingInvite(LINK),
    });
  });

  it('runs the link through the invitation parser (wrappers, extra parameters)', () => {
    const route = parseDeepLink(`doorway://join?link=${encodeURIComponent(safeLinks(`${shortLink()}&utm_source=x`))}`, SCHEME);
    expect(route?.invite).toEqual(parseMeetingInvite(shortLink()));
  });

  it('opens the join screen for a meeting ID and passcode', () => {
    const route = parseDeepLink('doorway://join?meetingId=263%20829%20185%20487&passcode=Wx5vmh', SCHEME);
    expect(route).toEqual({
      route: 'join',
      invite: { ok: true, target: ID_TARGET, normalized: 'Meeting ID: 263829185487 Passcode: Wx5vmh', host: 'teams.microsoft.com' },
    });
  });

  it('still opens the join screen, with the problem, when the meeting cannot be joined', () => {
    expect(parseDeepLink(`doorway://join?link=${encodeURIComponent('https://teams.live.com/meet/931?p=abc')}`, SCHEME)).toEqual({
      route: 'join',
      invite: { ok: false, problem: 'personalTeams' },
    });
    // The ID goes along, so the join screen asks for the passcode alone.
    expect(parseDeepLink('doorway://join?meetingId=263829185487', SCHEME)?.invite).toEqual({ ok: false, problem: 'missingPasscode', meetingId: '263829185487' });
    expect(parseDeepLink('doorway://join?meetingId=12&passcode=abc', SCHEME)?.invite).toEqual({ ok: false, problem: 'meetingIdLength' });
    expect(parseDeepLink('doorway://join?meetingId=263829185487&passcode=%3Cscript%3E', SCHEME)?.invite).toEqual({
      ok: false,
      problem: 'passcodeCharacters',
    });
  });

  it('accepts any case in the scheme and route, and a slash before the query', () => {
    const expected = { route: 'join', invite: parseMeetingInvite(LINK) };
    const query = `?link=${encodeURIComponent(LINK)}`;
    expect(parseDeepLink(`DOORWAY://JOIN${query}`, SCHEME)).toEqual(expected);
    expect(parseDeepLink(`doorway://join/${query}`, 'Doorway')).toEqual(expected);
    expect(parseDeepLink(`  doorway://join${query}\n`, SCHEME)).toEqual(expected);
  });

  it.each([
    ['another scheme', `https://join?link=${encodeURIComponent(LINK)}`],
    ['a scheme that only starts like ours', `doorwayx://join?link=${encodeURIComponent(LINK)}`],
    ['an unknown route', `doorway://call?link=${encodeURIComponent(LINK)}`],
    ['a prototype key as the route', 'doorway://constructor?link=x'],
    ['a path after the route', `doorway://join/now?link=${encodeURIComponent(LINK)}`],
    ['credentials', `doorway://user:pw@join?link=${encodeURIComponent(LINK)}`],
    ['a user name', `doorway://user@join?link=${encodeURIComponent(LINK)}`],
    ['a port', `doorway://join:8080?link=${encodeURIComponent(LINK)}`],
    ['no route', `doorway:?link=${encodeURIComponent(LINK)}`],
    ['no parameters', 'doorway://join'],
    ['an empty link', 'doorway://join?link='],
    ['an unknown parameter', `doorway://join?link=${encodeURIComponent(LINK)}&autojoin=true`],
    ['a repeated parameter', `doorway://join?link=${encodeURIComponent(LINK)}&link=${encodeURIComponent(shortLink())}`],
    ['both a link and a meeting ID', `doorway://join?link=${encodeURIComponent(LINK)}&meetingId=263829185487`],
    ['a passcode without a meeting ID', 'doorway://join?passcode=Wx5vmh'],
    ['an over-long link', `doorway://join?link=${'a'.repeat(5000)}`],
    ['an over-long URL', `doorway://join?meetingId=1&passcode=${'a'.repeat(9000)}`],
    // Each parameter is within its bounds once decoded; the URL as the OS hands it over is not.
    ['a URL over 8 KB', `doorway://join?link=${encodeURIComponent(`${shortLink()}&pad=${'/'.repeat(2800)}`)}`],
    ['not a URL', 'doorway join please'],
    ['an empty string', ''],
  ])('ignores %s', (_name, url) => {
    expect(parseDeepLink(url, SCHEME)).toBeNull();
  });

  it('never throws, whatever the URL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (tail) => {
        parseDeepLink(`doorway://${tail}`, SCHEME);
        parseDeepLink(`doorway://join?${tail}`, SCHEME);
        parseDeepLink(tail, SCHEME);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('buildDeepLink', () => {
  it('builds links that parse back to the same target', () => {
    for (const target of [LINK_TARGET, ID_TARGET, { kind: 'link', meetingLink: shortLink() } as const]) {
      const route = parseDeepLink(buildDeepLink(target, SCHEME), SCHEME);
      expect(route?.invite.ok === true && route.invite.target).toEqual(target);
    }
  });

  it('leaves the passcode out when there is none, so the join screen asks for it', () => {
    const url = buildDeepLink({ kind: 'meetingId', meetingId: '263829185487', passcode: undefined }, SCHEME);
    expect(url).toBe('doorway://join?meetingId=263829185487');
    expect(parseDeepLink(url, SCHEME)?.invite).toEqual({ ok: false, problem: 'missingPasscode', meetingId: '263829185487' });
  });

  it('encodes the meeting link as one parameter', () => {
    expect(buildDeepLink({ kind: 'link', meetingLink: shortLink() }, 'doorway')).toBe(
      'doorway://join?link=https%3A%2F%2Fteams.microsoft.com%2Fmeet%2F2345678901234%3Fp%3DAb3xYz',
    );
    expect(buildDeepLink(ID_TARGET, 'acme-meet')).toBe('acme-meet://join?meetingId=263829185487&passcode=Wx5vmh');
  });
});

describe('findDeepLinkInArgv', () => {
  const link = buildDeepLink(LINK_TARGET, SCHEME);

  it('finds the link wherever it is (Windows and Linux cold start, second-instance)', () => {
    expect(findDeepLinkInArgv(['C:\\Program Files\\Doorway\\Doorway.exe', link], SCHEME)).toBe(link);
    expect(findDeepLinkInArgv(['/usr/bin/doorway', '--no-sandbox', link, '--enable-logging'], SCHEME)).toBe(link);
    expect(findDeepLinkInArgv(['electron', '.', '--', link], SCHEME)).toBe(link);
  });

  it('finds the link with spaces around it, and skips what is not a string', () => {
    expect(findDeepLinkInArgv(['app', ` ${link} `], SCHEME)).toBe(link);
    // The second instance's argv comes from another process: nothing in it is trusted to be a string.
    expect(findDeepLinkInArgv(['app', undefined as unknown as string, 42 as unknown as string, link], SCHEME)).toBe(link);
  });

  it('matches the scheme in any case', () => {
    expect(findDeepLinkInArgv(['app', 'Doorway://join?meetingId=1'], SCHEME)).toBe('Doorway://join?meetingId=1');
    expect(findDeepLinkInArgv(['app', 'doorway://join?meetingId=1'], 'DOORWAY')).toBe('doorway://join?meetingId=1');
  });

  it('ignores Chromium switches, even ones that carry our scheme', () => {
    expect(findDeepLinkInArgv(['app', `--host-rules=${link}`, `--${link}`], SCHEME)).toBeUndefined();
    expect(findDeepLinkInArgv(['app', `--inspect=${link}`, link], SCHEME)).toBe(link);
  });

  it('ignores other schemes and look-alike names', () => {
    expect(findDeepLinkInArgv(['app', 'https://teams.microsoft.com/meet/1?p=a', 'doorwayx://join', 'mydoorway://join'], SCHEME)).toBeUndefined();
    expect(findDeepLinkInArgv([], SCHEME)).toBeUndefined();
  });
});
