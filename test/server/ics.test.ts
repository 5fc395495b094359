// The .ics file: RFC 5545 text escaping, CRLF lines, folding at 75 octets without splitting a
// UTF-8 character, UTC times.
import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, fold } from '../../server/ics';

describe('ics', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('a\rb\n\nc;;d,,e\\\\f')).toBe('a\\nb\\n\\nc\\;\\;d\\,\\,e\\\\\\\\f');
  });

  it('folds long lines at 75 octets, continuation lines starting with a space, never inside a character', () => {
    const line = `SUMMARY:${'분기 검토 회의 '.repeat(12)}`;
    const folded = fold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const [index, part] of parts.entries()) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
    }
    expect(parts.map((part, index) => (index ? part.slice(1) : part)).join('')).toBe(line);
    expect(fold('SHORT:line')).toBe('SHORT:line');
    // Exactly 75 octets stay on one line; one more moves to a continuation line of a space and it.
    expect(fold('X'.repeat(75))).toBe('X'.repeat(75));
    expect(fold('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    // Continuation lines hold 74 octets after their space.
    expect(fold('X'.repeat(75 + 74 + 1))).toBe(`${'X'.repeat(75)}\r\n ${'X'.repeat(74)}\r\n X`);
    // A three-octet character that would cross the limit moves whole to the next line.
    expect(fold(`${'X'.repeat(73)}분`)).toBe(`${'X'.repeat(73)}\r\n 분`);
  });

  it('builds a PUBLISH calendar with UTC times and CRLF line ends', () => {
    const ics = buildIcs({
      uid: 'abc@doorway.example',
      startsAt: '2030-01-02T09:00:00.000Z',
      endsAt: '2030-01-02T10:30:00.000Z',
      stampedAt: new Date('2029-12-01T08:00:00.000Z'),
      summary: 'Review; budget, Q1',
      description: 'Line one\nLine two',
      url: 'https://doorway.example/join/abcdefghijklmnopqrstuv',
    });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(ics).toContain('METHOD:PUBLISH\r\n');
    expect(ics).toContain('DTSTART:20300102T090000Z\r\n');
    expect(ics).toContain('DTEND:20300102T103000Z\r\n');
    expect(ics).toContain('DTSTAMP:20291201T080000Z\r\n');
    expect(ics).toContain('SUMMARY:Review\\; budget\\, Q1\r\n');
    expect(ics).toContain('DESCRIPTION:Line one\\nLine two\r\n');    // The whole file, as a calendar reads it: the event is located at the invitation page.
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Doorway//Invitation//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:abc@doorway.example',
      'DTSTAMP:20291201T080000Z',
      'DTSTART:20300102T090000Z',
      'DTEND:20300102T103000Z',
      'SUMMARY:Review\\; budget\\, Q1',
      'DESCRIPTION:Line one\\nLine two',
      'LOCATION:https://doorway.example/join/abcdefghijklmnopqrstuv',
      'URL:https://doorway.example/join/abcdefghijklmnopqrstuv',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('reads times with an offset as UTC, escapes text in the UID and location, and folds a long location', () => {
    const url = `https://doorway.example/join/${'a'.repeat(80)}`;
    const ics = buildIcs({
      uid: 'a;b,c@doorway.example',
      startsAt: '2030-01-02T18:00:00+09:00',
      endsAt: '2030-01-02T19:00:00+09:00',
      stampedAt: new Date('2029-12-01T08:00:00.123Z'),
      summary: 'S',
      description: 'D\rE',
      url,
    });
    const lines = ics.split('\r\n');
    expect(lines).toContain('UID:a\\;b\\,c@doorway.example');
    expect(lines).toContain('DTSTART:20300102T090000Z');
    expect(lines).toContain('DTEND:20300102T100000Z');
    expect(lines).toContain('DTSTAMP:20291201T080000Z');
    expect(lines).toContain('DESCRIPTION:D\\nE');
    expect(ics).toContain(fold(`LOCATION:${url}`));
    expect(ics).toContain(fold(`URL:${url}`));
    expect(fold(`URL:${url}`)).toContain('\r\n ');
  });
});
