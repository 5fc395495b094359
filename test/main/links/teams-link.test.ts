// Teams meeting links that are almost right: each is either joined as the meeting it names, or
// refused with the problem the join screen explains. The SDK joins only the exact link the parser
// rebuilds, so a link altered anywhere (thread, message id, context, short-link id) must not join.
import { describe, expect, it } from 'vitest';
import { parseMeetingInvite, type InviteProblem } from '../../../main/links';
import { ORGANIZER, TENANT, THREAD_V2, canonicalMeetup, contextJson, meetupJoin, shortLink, teamsEncode, webLauncher } from './fixtures';

const CANONICAL = canonicalMeetup();
const SHORT = shortLink();
const THREAD_PATH = `/l/meetup-join/${teamsEncode(THREAD_V2)}/0?context=${teamsEncode(contextJson())}`;
/** The context JSON with an extra field, `length` characters long once decoded. */
const paddedContext = (length: number) => contextJson({ Tid: TENANT, Oid: ORGANIZER, Pad: 'x'.repeat(length - contextJson({ Tid: TENANT, Oid: ORGANIZER, Pad: '' }).length) });
const joins = (link: string) => ({ ok: true, target: { kind: 'link', meetingLink: link }, normalized: link, host: new URL(link).hostname });

describe('parseMeetingInvite: Teams links that still join', () => {
  it.each([
    ['a meetup-join link with a #/ fragment after it', `${meetupJoin()}#/calendar`, CANONICAL],
    ['a short link with a #/ fragment after it', `${SHORT}#/join`, SHORT],
    ['a short link with a trailing slash', SHORT.replace('?', '/?'), SHORT],
    ['the web launcher, its route starting at #/', webLauncher(THREAD_PATH).replace(encodeURIComponent('/_#'), encodeURIComponent('#')), CANONICAL],
    ['the web launcher carrying a short link with a #/ fragment', `https://teams.microsoft.com/dl/launcher/launcher.html?url=${encodeURIComponent('/meet/2345678901234?p=Ab3xYz#/join')}&type=meet`, SHORT],
    // The context is decoded only as far as its JSON: an escape inside a value is part of the text.
    ['a context whose subject holds a percent escape', meetupJoin({ context: contextJson({ Tid: TENANT, Oid: ORGANIZER, Subject: 'Q3 %22roadmap%22' }) }), CANONICAL],
    ['a context of 4 KB', meetupJoin({ context: paddedContext(4096) }), CANONICAL],
  ])('joins %s', (_name, input, link) => {
    expect(parseMeetingInvite(input)).toEqual(joins(link));
  });
});

describe('parseMeetingInvite: Teams links that are refused', () => {
  const cases: [name: string, input: string, problem: InviteProblem | { problem: 'missingPasscode'; meetingId?: string }][] = [
    // Not a meeting on the Teams host.
    ['a Teams page named only /l', 'https://teams.microsoft.com/l', 'notTeamsLink'],
    ['a meetup-join path under another first segment', `https://teams.microsoft.com${THREAD_PATH.replace('/l/', '/x/')}`, 'notTeamsLink'],
    ['a Teams-sounding site serving the web launcher', `https://teams-meeting.example/dl/launcher/launcher.html?url=${encodeURIComponent(`/_#${THREAD_PATH}`)}`, 'lookalikeHost'],

    // The web launcher's route must be a path on the same Teams host.
    ['the web launcher pointing at another site', `https://teams.microsoft.com/dl/launcher/launcher.html?url=${encodeURIComponent(`//evil.example${THREAD_PATH}`)}`, 'malformedLink'],
    ['the web launcher with a relative route', `https://teams.microsoft.com/dl/launcher/launcher.html?url=${encodeURIComponent(THREAD_PATH.slice(1))}`, 'malformedLink'],
    ['the web launcher with a route no URL can hold', `https://teams.microsoft.com/dl/launcher/launcher.html?url=${encodeURIComponent('/\\[::')}`, 'malformedLink'],

    // The thread, message id and context as the SDK must read them.
    ['text glued before the thread', meetupJoin({ thread: `x${THREAD_V2}` }), 'malformedLink'],
    ['text glued after the thread', meetupJoin({ thread: `${THREAD_V2}x` }), 'malformedLink'],
    ['a message id with letters after the digits', meetupJoin({ message: '12ab' }), 'malformedLink'],
    ['a message id with letters before the digits', meetupJoin({ message: 'ab12' }), 'malformedLink'],
    ['a context over 4 KB', meetupJoin({ context: paddedContext(4097) }), 'malformedLink'],
    ['a context that is JSON null', meetupJoin({ context: 'null' }), 'malformedLink'],
    ['a tenant id with text after it', meetupJoin({ context: contextJson({ Tid: `${TENANT}x`, Oid: ORGANIZER }) }), 'malformedLink'],
    ['a tenant id with text before it', meetupJoin({ context: contextJson({ Tid: `x${TENANT}`, Oid: ORGANIZER }) }), 'malformedLink'],
    ['a tenant id that is a list', meetupJoin({ context: contextJson({ Tid: [TENANT], Oid: ORGANIZER }) }), 'malformedLink'],
    ['an organizer id that is a list', meetupJoin({ context: contextJson({ Tid: TENANT, Oid: [ORGANIZER] }) }), 'malformedLink'],

    // Short links: the id as the SDK's pattern reads it.
    ['a short-link id with a symbol after it', 'https://teams.microsoft.com/meet/2345678901234!?p=Ab3xYz', 'malformedLink'],
    ['a short-link id with a symbol before it', 'https://teams.microsoft.com/meet/!2345678901234?p=Ab3xYz', 'malformedLink'],
    // Without its passcode, a short link's id is offered as the meeting ID only when it is one.
    ['a short link with letters after its digits, without p', 'https://teams.microsoft.com/meet/2345678901234ab', { problem: 'missingPasscode' }],
    ['a short link with letters before its digits, without p', 'https://teams.microsoft.com/meet/ab2345678901234', { problem: 'missingPasscode' }],
  ];

  it.each(cases)('refuses %s', (_name, input, expected) => {
    expect(parseMeetingInvite(input)).toEqual({ ok: false, ...(typeof expected === 'string' ? { problem: expected } : expected) });
  });
});
