// Email security gateways' wrappers: only the real ones are opened, and a damaged one is refused
// rather than joined with a guess.
import { describe, expect, it } from 'vitest';
import { parseMeetingInvite } from '../../../main/links';
import { canonicalMeetup, meetupJoin, proofpointV2, proofpointV3, shortLink } from './fixtures';

const MEETUP = meetupJoin();
const SHORT = shortLink();
const joins = (link: string) => ({ ok: true, target: { kind: 'link', meetingLink: link }, normalized: link, host: new URL(link).hostname });
/** The part of a Proofpoint v2 link after `u=`, and of a v3 link between `/v3/__` and `__;`. */
const v2Payload = proofpointV2(MEETUP).replace(/^.*?u=/, '').replace(/&.*$/, '');
const v3 = proofpointV3(MEETUP);

describe('parseMeetingInvite: gateway wrappers that are opened', () => {
  it.each([
    ['Proofpoint v3 with a run of two saved characters', proofpointV3(MEETUP, '/'), canonicalMeetup()],
    ['Proofpoint v3 whose tail after the saved characters was cut', v3.replace(/!!.*$/, ''), canonicalMeetup()],
  ])('joins %s', (_name, input, link) => {
    expect(parseMeetingInvite(input)).toEqual(joins(link));
  });
});

describe('parseMeetingInvite: what only looks like a gateway wrapper', () => {
  it.each([
    ['a /safelinks/ path on another site', `https://contoso.example/safelinks/?url=${encodeURIComponent(MEETUP)}`, 'notTeamsLink'],
    ['another page on the Teams CDN', `https://statics.teams.cdn.office.net/evergreen-assets/help.html?url=${encodeURIComponent(MEETUP)}`, 'notTeamsLink'],
    ['Safe Links without its url', 'https://nam12.safelinks.protection.outlook.com/?data=05%7C02&reserved=0', 'notTeamsLink'],
    ['a Proofpoint v2 path on another site', `https://contoso.example/v2/url?u=${v2Payload}`, 'notTeamsLink'],
    ['another Proofpoint path', `https://urldefense.proofpoint.com/v9/url?u=${v2Payload}`, 'notTeamsLink'],
    ['a Proofpoint v3 path on another site', v3.replace('urldefense.com', 'contoso.example'), 'notTeamsLink'],
    ['Proofpoint’s own page', 'https://urldefense.com/', 'notTeamsLink'],
    // Damaged: refused, never joined with a guess.
    ['Proofpoint v3 whose saved characters are not base64', v3.replace(/__;[^!]*!/, '__;***!'), 'malformedLink'],
    ['Proofpoint v3 missing a saved character', proofpointV3(`${SHORT}&utm=a*b`).replace(/__;[^!]*!/, '__;!'), 'malformedLink'],
  ])('does not open %s', (_name, input, problem) => {
    expect(parseMeetingInvite(input)).toEqual({ ok: false, problem });
  });
});
