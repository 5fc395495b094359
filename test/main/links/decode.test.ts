// The lenient decoders links pass through on their way out of an email, each on its own: what they
// decode, what they leave as it was, and that none of them throws.
import { describe, expect, it } from 'vitest';
import { base64UrlDecode, percentDecode, percentDecodeUntil, quotedPrintableDecode } from '../../../main/links/decode';

describe('percentDecode', () => {
  it('decodes runs of %XX, in either case, as UTF-8', () => {
    expect(percentDecode('19%3ameeting%40thread')).toBe('19:meeting@thread');
    expect(percentDecode('%E4%BC%9A%e8%ad%b0')).toBe('会議');
  });

  it('leaves a run that is not UTF-8, a lone %, and a short escape as they were', () => {
    expect(percentDecode('a%FFb%3Ac')).toBe('a%FFb:c');
    expect(percentDecode('100% sure')).toBe('100% sure');
    expect(percentDecode('%4')).toBe('%4');
    expect(percentDecode('%zz')).toBe('%zz');
    expect(percentDecode('plain')).toBe('plain');
  });

  it('decodes one layer at a time', () => {
    expect(percentDecode('%253A')).toBe('%3A');
  });
});

describe('percentDecodeUntil', () => {
  it('undoes up to three layers by default, stopping when done', () => {
    expect(percentDecodeUntil('%25253A', () => false)).toBe(':');
    expect(percentDecodeUntil('%2525253A', () => false)).toBe('%3A');
    expect(percentDecodeUntil('%25253A', (text) => text === '%3A')).toBe('%3A');
    expect(percentDecodeUntil('%253A', (text) => text.includes('%'))).toBe('%253A');
  });

  it('takes another number of passes, and stops once a pass changes nothing', () => {
    expect(percentDecodeUntil('%25253A', () => false, 1)).toBe('%253A');
    expect(percentDecodeUntil('%25253A', () => false, 0)).toBe('%25253A');
    let checks = 0;
    expect(percentDecodeUntil('no escapes', () => (checks++, false), 10)).toBe('no escapes');
    expect(checks).toBe(1);
  });
});

describe('quotedPrintableDecode', () => {
  it('drops soft line breaks, LF or CRLF', () => {
    expect(quotedPrintableDecode('https://teams.micro=\nsoft.com/l/=\r\nmeetup')).toBe('https://teams.microsoft.com/l/meetup');
  });

  it('turns =XX into bytes, multi-byte UTF-8 included, in either case', () => {
    expect(quotedPrintableDecode('a=3Db')).toBe('a=b');
    expect(quotedPrintableDecode('=E4=BC=9A=e8=ad=b0 ID')).toBe('会議 ID');
    expect(quotedPrintableDecode('caf=C3=A9=\n!')).toBe('café!');
    expect(quotedPrintableDecode('na=C3=AFve')).toBe('naïve');
    expect(quotedPrintableDecode('a=09b')).toBe('a\tb');
    // A line wrapped between the two bytes of one character.
    expect(quotedPrintableDecode('caf=C3=\n=A9')).toBe('café');
  });

  it('leaves an = that starts nothing it knows', () => {
    expect(quotedPrintableDecode('a=zzb')).toBe('a=zzb');
    expect(quotedPrintableDecode('a=3')).toBe('a=3');
    expect(quotedPrintableDecode('end=')).toBe('end=');
    expect(quotedPrintableDecode('a=\rb')).toBe('a=\rb');
    expect(quotedPrintableDecode('x=G0y')).toBe('x=G0y');
    expect(quotedPrintableDecode('x=0Gy')).toBe('x=0Gy');
    expect(quotedPrintableDecode('x=@1y=`2')).toBe('x=@1y=`2');
    expect(quotedPrintableDecode('id=7\nnext')).toBe('id=7\nnext');
  });

  it('keeps text around escapes in order', () => {
    expect(quotedPrintableDecode('a=41b=42c')).toBe('aAbBc');
    expect(quotedPrintableDecode('=41=42')).toBe('AB');
  });
});

describe('base64UrlDecode', () => {
  it('decodes unpadded base64url as UTF-8', () => {
    expect(base64UrlDecode(Buffer.from('h?t>t~p').toString('base64url'))).toBe('h?t>t~p');
    expect(base64UrlDecode(Buffer.from('会議').toString('base64url'))).toBe('会議');
    expect(base64UrlDecode('YQ')).toBe('a');
    expect(base64UrlDecode('Pz8_')).toBe('???');
    expect(base64UrlDecode('YWI')).toBe('ab');
    expect(base64UrlDecode('')).toBe('');
  });

  it('is null for text that is not base64', () => {
    expect(base64UrlDecode('a')).toBeNull();
    expect(base64UrlDecode('@@@@')).toBeNull();
  });
});
