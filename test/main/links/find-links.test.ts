// Where a link in the guest's text ends: at any space or control a mail client writes, and at
// text in another script glued to it, so the link read is the one the guest sees.
import { describe, expect, it } from 'vitest';
import { parseMeetingInvite } from '../../../main/links';
import { shortLink } from './fixtures';

const SHORT = shortLink();
const joins = (link: string) => ({ ok: true, target: { kind: 'link', meetingLink: link }, normalized: link, host: new URL(link).hostname });

describe('parseMeetingInvite: where a link ends', () => {
  // Right after the host, nothing but the end of the link keeps "teams.microsoft.com" from being
  // read as a broken Teams link: the guest is told it is not a meeting link.
  it.each([
    ['a no-break space', '\u00a0'],
    ['a next-line control', '\u0085'],
    ['a delete control', '\u007f'],
    ['an en quad', '\u2000'],
    ['a hair space', '\u200a'],
    ['a line separator', '\u2028'],
    ['a paragraph separator', '\u2029'],
  ])('ends the link at %s after the host', (_name, space) => {
    expect(parseMeetingInvite(`Teams is at https://teams.microsoft.com${space}and the link follows`)).toEqual({ ok: false, problem: 'notTeamsLink' });
  });

  it.each([
    ['Russian', `Ссылка:${SHORT}подробнее`],
    ['accented Latin', `Únase:${SHORT}ó`],
    ['Greek', `${SHORT}σύνδεσμος`],
  ])('ends the link where %s text glued to it starts', (_name, text) => {
    expect(parseMeetingInvite(text)).toEqual(joins(SHORT));
  });

  it('reads a link opened with < and never closed up to its own end, not to the end of the text', () => {
    expect(parseMeetingInvite(`Join here <${SHORT} and see you there`)).toEqual(joins(SHORT));
  });

  it('reads a link without its scheme, its host in capitals', () => {
    expect(parseMeetingInvite(`Join: ${SHORT.replace('https://teams.microsoft.com', 'TEAMS.MICROSOFT.COM')}`)).toEqual(joins(SHORT));
  });

  it.each([
    ['a dash', 'teams-microsoft.com'],
    ['a digit', 'teams.micr0soft.com'],
  ])('warns about a lookalike host with %s written without a scheme', (_name, host) => {
    expect(parseMeetingInvite(`Join: ${host}/meet/2345678901234?p=Ab3xYz`)).toEqual({ ok: false, problem: 'lookalikeHost' });
  });

  // A host glued to the end of another word (an address, a path, an escape) is not a link of its own.
  it.each([
    ['an @', 'kim@'],
    ['a slash', 'files/'],
    ['a percent escape', 'go%20'],
    ['an underscore', 'see_'],
  ])('does not read a Teams host after %s as a link', (_name, before) => {
    expect(parseMeetingInvite(`${before}teams.microsoft.com/meet/2345678901234?p=Ab3xYz`)).toEqual({ ok: false, problem: 'notTeamsLink' });
  });

  it('reads input that is not text as empty', () => {
    // Main's callers pass strings; the parser still never throws on anything else.
    expect(parseMeetingInvite(undefined as unknown as string)).toEqual({ ok: false, problem: 'empty' });
  });
});
