// Process: main (pure). Lenient decoders for the encodings links pick up on their way through
// email: percent-encoding (once or several times), quoted-printable, base64url. None throws, and
// each is one pass over its input.

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/** Decodes %XX runs, leaving any run that is not valid UTF-8 as it was (unlike decodeURIComponent). */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(PERCENT_RUN, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * Undoes percent-encoding applied up to `times` times (Safe Links and forwarding encode links
 * again), stopping as soon as `done` holds or a pass changes nothing.
 */
export function percentDecodeUntil(text: string, done: (decoded: string) => boolean, times = 3): string {
  let current = text;
  for (let pass = 0; pass < times && !done(current); pass++) {
    const next = percentDecode(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

const utf8 = new TextDecoder('utf-8');

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** Decodes quoted-printable: drops soft line breaks (`=` before a line end), turns `=XX` into bytes. */
export function quotedPrintableDecode(text: string): string {
  let out = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length > 0) out += utf8.decode(new Uint8Array(bytes));
    bytes = [];
  };
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 61 /* = */) continue;
    const next = text.charCodeAt(i + 1);
    let skip = 0;
    if (next === 10) skip = 1;
    else if (next === 13 && text.charCodeAt(i + 2) === 10) skip = 2;
    if (skip > 0) {
      if (i > plainFrom) flush();
      out += text.slice(plainFrom, i);
      i += skip;
      plainFrom = i + 1;
      continue;
    }
    const high = hexValue(next);
    const low = hexValue(text.charCodeAt(i + 2));
    if (high < 0 || low < 0) continue;
    if (i > plainFrom) {
      flush();
      out += text.slice(plainFrom, i);
    }
    bytes.push(high * 16 + low);
    i += 2;
    plainFrom = i + 1;
  }
  flush();
  return out + text.slice(plainFrom);
}

/**
 * Decodes unpadded base64url to text (UTF-8); null when it is not base64. atob's forgiving-base64
 * takes input without its `=` padding (Node and Chromium alike).
 */
export function base64UrlDecode(text: string): string | null {
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}
