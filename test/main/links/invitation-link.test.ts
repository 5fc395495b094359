// Doorway invitation links: `https://<service>/join/<id>` pasted or clicked, `doorway://join?invite=`
// from the landing page, and the Bookings / virtual-appointment pages that only look like meetings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInvitationDeepLink, parseDeepLink, parseMeetingInvite, type InviteResult } from '../../../main/links';
import { canonicalMeetup, englishInvitation, meetupJoin, safeLinks, shortLink, THREAD_V2, TENANT } from './fixtures';

const SERVICE = 'https://doorway.contoso.com';
const options = { serviceOrigin: SERVICE };
const ID = 'AbCdEfGhIjKlMnOpQrSt_-';
const URL_OF = (id: string, origin = SERVICE) => `${origin}/join/${id}`;
const invitation = (id = ID, fallback?: InviteResult): InviteResult => ({
  ok: 'invitation',
  invitation: fallback?.ok === true ? { id, url: URL_OF(id), fallback } : { id, url: URL_OF(id) },
});

describe('parseMeetingInvite: invitation URLs', () => {
  it.each([
    ['the bare URL', URL_OF(ID)],
    ['with a trailing slash', `${URL_OF(ID)}/`],
    ['with the landing page’s language switch', `${URL_OF(ID)}?lang=ko`],
    ['without a scheme', `doorway.contoso.com/join/${ID}`],
    ['in a sentence', `Your invitation: <${URL_OF(ID)}>. See you there!`],
    ['wrapped by Safe Links', safeLinks(URL_OF(ID))],
    ['in an upper-case host', `https://DOORWAY.contoso.com/join/${ID}`],
  ])('reads %s as an invitation on the configured service', (_name, text) => {
    expect(parseMeetingInvite(text, options)).toEqual(invitation());
  });

  it('keeps a Teams link from the same email as the fallback', () => {
    expect(parseMeetingInvite(`${URL_OF(ID)}\n${englishInvitation(meetupJoin())}`, options)).toEqual(
      invitation(ID, parseMeetingInvite(canonicalMeetup())),
    );
  });

  it.each([
    ['another host', URL_OF(ID, 'https://doorway.evil.example'), 'foreignInvitation'],
    ['a subdomain of the service', URL_OF(ID, 'https://x.doorway.contoso.com'), 'foreignInvitation'],
    ['the service host as a subdomain elsewhere', URL_OF(ID, 'https://doorway.contoso.com.evil.example'), 'foreignInvitation'],
    ['another port', URL_OF(ID, 'https://doorway.contoso.com:8443'), 'foreignInvitation'],
    ['http', URL_OF(ID, 'http://doorway.contoso.com'), 'foreignInvitation'],
    ['credentials', `https://guest:pw@doorway.contoso.com/join/${ID}`, 'foreignInvitation'],
  ])('refuses an invitation on %s', (_name, text, problem) => {
    expect(parseMeetingInvite(text, options)).toEqual({ ok: false, problem });
  });

  it('says invitations are off when no service is configured', () => {
    expect(parseMeetingInvite(URL_OF(ID))).toEqual({ ok: false, problem: 'invitationsOff' });
    expect(parseMeetingInvite(URL_OF(ID), { serviceOrigin: '' })).toEqual({ ok: false, problem: 'invitationsOff' });
    // A service that is not on the web (a misconfigured branding file) is no service.
    expect(parseMeetingInvite(URL_OF(ID), { serviceOrigin: 'ftp://doorway.contoso.com' })).toEqual({ ok: false, problem: 'invitationsOff' });
  });

  it('still joins by the Teams link in the same email when the invitation is not ours', () => {
    const text = `${URL_OF(ID, 'https://doorway.other.example')}\n${shortLink()}`;
    expect(parseMeetingInvite(text, options)).toEqual(parseMeetingInvite(shortLink()));
  });

  it.each([
    ['an id of the wrong length', URL_OF('short')],
    ['an id with other characters', URL_OF('AbCdEfGhIjKlMnOpQrSt.!')],
    ['a longer path', `${URL_OF(ID)}/extra`],
    ['the join path under another folder', `${SERVICE}/app/join/${ID}`],
  ])('does not take %s for an invitation', (_name, text) => {
    expect(parseMeetingInvite(text, options)).toEqual({ ok: false, problem: 'notTeamsLink' });
  });
});

describe('parseMeetingInvite: Bookings and virtual appointments', () => {
  const visit = `https://visit.teams.microsoft.com/webrtc-svc/api/route?tid=${TENANT}&convId=${encodeURIComponent(THREAD_V2)}`;

  it.each([
    ['a virtual-appointment router link (no organizer id: the SDK cannot join it)', visit],
    ['a Bookings page', 'https://outlook.office365.com/owa/calendar/Advisors@contoso.onmicrosoft.com/bookings/'],
    ['a Bookings manage-appointment link', 'https://outlook.office365.com/owa/calendar/Advisors@contoso.onmicrosoft.com/bookings/s/Yw9nN2cFQ0a1/2'],
    ['a Bookings with me page', 'https://outlook.office.com/bookwithme/user/abc123@contoso.com/meetingtype/xyz'],
    ['a Bookings page on outlook.office.com', 'https://outlook.office.com/owa/calendar/Advisors@contoso.onmicrosoft.com/bookings/'],
    ['a Bookings with me page on outlook.live.com', 'https://outlook.live.com/bookwithme/user/abc123@outlook.com/meetingtype/xyz'],
    ['a new Bookings page', 'https://outlook.office.com/book/Advisors@contoso.onmicrosoft.com/'],
    ['a book.ms short link', 'https://book.ms/b/Advisors@contoso.onmicrosoft.com'],
    ['a Bookings page behind Safe Links', safeLinks('https://outlook.office365.com/owa/calendar/Advisors@contoso.com/bookings/')],
  ])('explains %s', (_name, text) => {
    expect(parseMeetingInvite(text)).toEqual({ ok: false, problem: 'appointmentPage' });
  });

  it('joins by the Teams link of a confirmation email that also has the router and Bookings links', () => {
    const email = [
      'Your appointment with Contoso Advisors is confirmed.',
      `Join from your mobile browser: ${visit}`,
      `Join your appointment: ${meetupJoin()}`,
      'Manage booking: https://outlook.office365.com/owa/calendar/Advisors@contoso.com/bookings/s/Yw9nN2cFQ0a1/2',
    ].join('\n');
    expect(parseMeetingInvite(email)).toEqual(parseMeetingInvite(canonicalMeetup()));
  });

  it('leaves other Outlook pages to the usual answer', () => {
    expect(parseMeetingInvite('https://outlook.office365.com/owa/calendar/x/calendar.ics')).toEqual({ ok: false, problem: 'notTeamsLink' });
    // The same paths on any other site are no Bookings page.
    expect(parseMeetingInvite('https://contoso.example/bookings/s/Yw9nN2cFQ0a1/2')).toEqual({ ok: false, problem: 'notTeamsLink' });
  });
});

describe('parseDeepLink: invitations', () => {
  const SCHEME = 'doorway';

  it('opens an invitation on the configured service', () => {
    expect(parseDeepLink(`doorway://join?invite=${ID}`, SCHEME, options)).toEqual({ route: 'join', invite: invitation() });
  });

  it('keeps the Teams link as the fallback', () => {
    const url = buildInvitationDeepLink(ID, SCHEME, meetupJoin());
    expect(parseDeepLink(url, SCHEME, options)).toEqual({ route: 'join', invite: invitation(ID, parseMeetingInvite(canonicalMeetup())) });
  });

  it('drops a fallback that is not a joinable Teams link', () => {
    const url = buildInvitationDeepLink(ID, SCHEME, 'https://teams.microsoft.com.evil.example/l/meetup-join/x');
    expect(parseDeepLink(url, SCHEME, options)).toEqual({ route: 'join', invite: invitation() });
  });

  it('without a configured service: joins by the Teams link, or says invitations are off', () => {
    expect(parseDeepLink(buildInvitationDeepLink(ID, SCHEME, shortLink()), SCHEME)).toEqual({
      route: 'join',
      invite: parseMeetingInvite(shortLink()),
    });
    expect(parseDeepLink(buildInvitationDeepLink(ID, SCHEME), SCHEME)).toEqual({ route: 'join', invite: { ok: false, problem: 'invitationsOff' } });
    expect(buildInvitationDeepLink(ID, SCHEME)).toBe(`doorway://join?invite=${ID}`);
  });

  it.each([
    ['a malformed id', 'doorway://join?invite=abc'],
    ['an id with a path in it', `doorway://join?invite=${encodeURIComponent(`../${ID.slice(3)}`)}`],
    ['a host to fetch from', `doorway://join?invite=${ID}&service=https%3A%2F%2Fevil.example`],
    ['a verification grant', `doorway://join?invite=${ID}&grant=abc`],
    ['an invitation and a meeting ID', `doorway://join?invite=${ID}&meetingId=263829185487`],
    ['a repeated invite', `doorway://join?invite=${ID}&invite=${ID}`],
  ])('ignores %s', (_name, url) => {
    expect(parseDeepLink(url, SCHEME, options)).toBeNull();
  });
});

describe('invitations: properties', () => {
  const idChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
  const anId = fc.string({ unit: idChar, minLength: 22, maxLength: 22 });
  const host = fc.domain();

  it('reads an invitation only on the configured origin, and its URL always names that origin', () => {
    fc.assert(
      fc.property(anId, host, fc.boolean(), (id, other, sameHost) => {
        const origin = sameHost ? SERVICE : `https://${other}`;
        const result = parseMeetingInvite(URL_OF(id, origin), options);
        if (origin === SERVICE || new URL(origin).origin === SERVICE) {
          expect(result).toEqual(invitation(id));
        } else {
          expect(result.ok).toBe(false);
        }
        if (result.ok === 'invitation') expect(new URL(result.invitation.url).origin).toBe(SERVICE);
      }),
      { numRuns: 500 },
    );
  });

  it('a deep link round-trips its id, and no query it can carry moves the fetch elsewhere', () => {
    fc.assert(
      fc.property(anId, fc.option(fc.string({ minLength: 1, maxLength: 200 }), { nil: undefined }), (id, link) => {
        const route = parseDeepLink(buildInvitationDeepLink(id, 'doorway', link), 'doorway', options);
        expect(route?.invite.ok).toBe('invitation');
        if (route?.invite.ok === 'invitation') {
          expect(route.invite.invitation.id).toBe(id);
          expect(route.invite.invitation.url).toBe(URL_OF(id));
          const fallback = route.invite.invitation.fallback;
          if (fallback) expect(fallback.ok).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
