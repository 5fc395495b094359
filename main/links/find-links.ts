// Process: main (pure). Finds the links in whatever the guest pasted: a bare link, a line of an
// email, or a whole invitation (plain text or HTML source). One pass over the text with no
// backtracking and no look-ahead past the next `<`, so time stays linear whatever the input.

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;

/** Longest `<…>` span read as one link with its line breaks removed (RFC 3986, appendix C). */
const MAX_BRACKETED = 16_384;
const MAX_HOST = 253;

/** Yields each link-like run in `text`, in order, trimmed of the punctuation around it. */
export function* findLinks(text: string): Generator<string> {
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === LT && linkStartsAt(text, i + 1)) {
      const close = bracketClose(text, i + 1);
      if (close > 0) {
        const link = trimTrailing(text.slice(i + 1, close).replace(/\s+/g, ''));
        if (link) yield link;
        i = close + 1;
        continue;
      }
    }
    if (linkStartsAt(text, i)) {
      const end = linkEnd(text, i, schemeLength(text, i));
      const link = trimTrailing(text.slice(i, end));
      if (link) yield link;
      i = end;
      continue;
    }
    i++;
  }
}

function linkStartsAt(text: string, i: number): boolean {
  return schemeLength(text, i) > 0 || (isWordStart(text, i) && bareHostAt(text, i));
}

/** Length of an `http://`, `https://` or `msteams:` prefix at `i`, or 0. */
function schemeLength(text: string, i: number): number {
  const c = text.charCodeAt(i) | 32;
  if (c === 104 /* h */) {
    if (startsWithAt(text, i, 'https://')) return 8;
    if (startsWithAt(text, i, 'http://')) return 7;
  } else if (c === 109 /* m */ && startsWithAt(text, i, 'msteams:')) return 8;
  return 0;
}

/** `text` has `lower` (lowercase ASCII) at `i`, ignoring case; runs per character, so allocates nothing. */
function startsWithAt(text: string, i: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    const c = text.charCodeAt(i + k);
    const expected = lower.charCodeAt(k);
    if (c !== expected && !(expected >= 97 && expected <= 122 && (c | 32) === expected)) return false;
  }
  return true;
}

/** Characters of a host name, including the Latin, Greek and Cyrillic letters of IDN lookalikes. */
function isHostChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || (c >= 0xc0 && c <= 0x52f)
  );
}

function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text.charCodeAt(i - 1);
  return !isHostChar(prev) && prev !== SLASH && prev !== 64 /* @ */ && prev !== 37 /* % */ && prev !== 95 /* _ */;
}

/** A scheme-less `host.tld/…` at `i` (e.g. `teams.microsoft.com/l/meetup-join/…`). */
function bareHostAt(text: string, i: number): boolean {
  let end = i;
  let lastDot = -1;
  while (end < text.length && end - i <= MAX_HOST && isHostChar(text.charCodeAt(end))) {
    if (text.charCodeAt(end) === 46) lastDot = end;
    end++;
  }
  if (text.charCodeAt(end) !== SLASH || lastDot <= i || end - lastDot < 3) return false;
  for (let k = lastDot + 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 0xc0 && ((c | 32) < 97 || (c | 32) > 122)) return false;
  }
  return true;
}

/** The `>` closing a `<link>` that an email client may have broken over lines; -1 if none. */
function bracketClose(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_BRACKETED);
  for (let k = from; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === GT) return k;
    if (c === LT) return -1;
  }
  return -1;
}

/** Spaces and controls below U+1100 (the wider spaces and line separators, U+2000 on, end a link as any character from U+1100 does). */
function isSpace(c: number): boolean {
  return c <= 32 || c === 0x7f || c === 0x85 || c === 0xa0;
}

/**
 * Where the link starting at `i` ends: at a space, `<`, `>` or a backtick, at a quote outside the
 * `{…}` of a decoded context JSON, and at any non-ASCII character past the host (text in another
 * script glued to the link) or CJK/fullwidth character anywhere.
 */
function linkEnd(text: string, i: number, scheme: number): number {
  let depth = 0;
  let inPath = scheme > 0 && (text.charCodeAt(i) | 32) === 109; // msteams: has no host part
  let k = i + scheme;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (isSpace(c) || c === LT || c === GT || c === 96 /* ` */ || c >= 0x1100) break;
    if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && depth > 0) depth--;
    else if ((c === 34 || c === 39) /* " ' */ && depth === 0) break;
    else if (c === SLASH || c === 63 /* ? */ || c === 35 /* # */ || c === 92 /* \ */) inPath = true;
    else if (c >= 0x80 && inPath) break;
  }
  return k;
}

const TRAILING = '.,;:!?*\'"';
const BRACKETS = '()[]{}';

/** Drops sentence punctuation after a link, and closing brackets the link itself did not open. */
function trimTrailing(link: string): string {
  let balance: number[] | null = null; // closers minus openers, per bracket pair, counted once
  let end = link.length;
  while (end > 0) {
    const c = link[end - 1];
    const bracket = BRACKETS.indexOf(c);
    if (TRAILING.includes(c)) {
      end--;
    } else if (bracket % 2 === 1) {
      balance ??= bracketBalance(link);
      if (balance[bracket >> 1] <= 0) break;
      balance[bracket >> 1]--;
      end--;
    } else break;
  }
  return link.slice(0, end);
}

function bracketBalance(link: string): number[] {
  const balance = [0, 0, 0];
  for (let i = 0; i < link.length; i++) {
    const bracket = BRACKETS.indexOf(link[i]);
    if (bracket >= 0) balance[bracket >> 1] += bracket % 2 === 1 ? 1 : -1;
  }
  return balance;
}
