// Which hosts a meeting link may come from: Microsoft's own sites are never called disguised (the
// guest is told it is not a Teams link), while hosts made to read as Microsoft or Teams are.
import { describe, expect, it } from 'vitest';
import { parseMeetingInvite } from '../../../main/links';

describe('parseMeetingInvite: Microsoft’s own sites', () => {
  // A host under a domain Microsoft owns can be the wrong link, never a lookalike.
  it.each([
    'microsoft',
    'microsoft.com',
    'microsoft.us',
    'live.com',
    'office.com',
    'office.net',
    'office365.com',
    'office365.us',
    'outlook.com',
    'sharepoint.com',
    'microsoftonline.com',
    'skype.com',
    'aka.ms',
  ])('a Teams-sounding link under %s is not a Teams meeting, and not a disguise', (domain) => {
    expect(parseMeetingInvite(`https://microsoft-teams.${domain}/meet/2345678901234?p=Ab3xYz`)).toEqual({ ok: false, problem: 'notTeamsLink' });
  });

  it.each([
    ['the sign-in page', 'https://login.microsoftonline.com/common/oauth2/authorize'],
    ['Microsoft 365 on cloud.microsoft', 'https://m365.cloud.microsoft/chat'],
  ])('%s is not a disguise', (_name, link) => {
    expect(parseMeetingInvite(link)).toEqual({ ok: false, problem: 'notTeamsLink' });
  });

  it('tells a guest with a link on a subdomain of personal Teams that ACS cannot join it', () => {
    expect(parseMeetingInvite('https://eu.teams.live.com/meet/9312345678901?p=Qw3rTy')).toEqual({ ok: false, problem: 'personalTeams' });
  });
});

describe('parseMeetingInvite: hosts made to read as Microsoft', () => {
  it.each([
    ['rn for m', 'https://login.rnicrosoftonline.com/common/oauth2/authorize'],
    ['a zero for the o', 'https://login.micr0softonline.com/common'],
    ['a one for the i', 'https://login.m1crosoftonline.com/common'],
    ['a dash inside the name', 'https://micro-soft.example/login'],
    ['Microsoft in another site’s name', 'https://microsoft-login.example/'],
    ['an IDN host serving a meeting path', 'https://xn--mnchen-3ya.de/meet/2345678901234?p=Ab3xYz'],
  ])('warns about %s', (_name, link) => {
    expect(parseMeetingInvite(link)).toEqual({ ok: false, problem: 'lookalikeHost' });
  });

  it('does not warn about an IDN site with nothing of Teams about it', () => {
    expect(parseMeetingInvite('https://xn--mnchen-3ya.de/')).toEqual({ ok: false, problem: 'notTeamsLink' });
  });
});
