// The .ics file: RFC 5545 text escaping, CRLF lines, folding at 75 octets without splitting a
// UTF-8 character, UTC times.
import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, fold } from '../../server/ics';

describe('ics', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
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
    expect(ics).toContain('DESCRIPTION:Line one\\nLine two\r\n');
  });
});
