// Process: main (pure). The "Meeting ID" and "Passcode" of an invitation, for when there is no
// usable link (a Mimecast-rewritten one, a link cut short) or the guest typed them in: labelled in
// any language Teams writes (invite-labels.ts), inside HTML, or unlabelled in any order.
import { LABEL_SPACE, LABEL_WORDS, MEETING_ID_LABEL, PASSCODE_LABEL, endsPhoneConferenceLabel } from './invite-labels';
import { withoutPhoneNumbers } from './phone-numbers';
import { PASSCODE } from './teams-link';
import type { InviteResult } from './types';

export { PASSCODE_LABELS } from './invite-labels';

const MEETING_ID = /^[0-9]{9,20}$/;
/** Digits after a meeting-ID label from this many on are an ID of the wrong length, not prose ("Meeting number 2"). */
const MIN_WRONG_LENGTH_ID = 4;
/** Only the first few labels are read: an invitation has one of each. */
const MAX_LABELS = 64;
/** Unlabelled IDs are read only from text this short: something typed, not an email. */
const MAX_TYPED = 300;
/** An unlabelled run of digits is an ID from this length on (shorter ones are times, phone extensions). */
const MIN_TYPED_ID = 10;
/** Text with a link in it: its digits and words are the link's (a Zoom ID and `pwd`), not typed ones. */
const LINK_LIKE = /:\/\/|www\.|\.[a-z]{2,}\//i;

/** Builds the target for a meeting ID (digits, spaces allowed) and its passcode. */
export function meetingIdInvite(meetingId: string, passcode: string | undefined): InviteResult {
  const digits = meetingId.replace(/[\s-]/g, '');
  if (!MEETING_ID.test(digits)) return { ok: false, problem: 'meetingIdLength' };
  if (!passcode) return { ok: false, problem: 'missingPasscode', meetingId: digits };
  if (!PASSCODE.test(passcode)) return { ok: false, problem: 'passcodeCharacters' };
  return {
    ok: true,
    target: { kind: 'meetingId', meetingId: digits, passcode },
    normalized: `Meeting ID: ${digits} Passcode: ${passcode}`,
    // An ID names no cloud; it resolves through the ACS resource, which is commercial unless the
    // app is built for a government cloud.
    host: 'teams.microsoft.com',
  };
}

/** What the text says: a meeting ID, a passcode, or both. */
export type Found = { meetingId: string; passcode: string | undefined } | { meetingId: undefined; passcode: string };

/**
 * The first labelled meeting ID in `text` and the passcode labelled after it (or, failing that,
 * before it); else, in a short typed text, an unlabelled ID and passcode in either order. A text
 * that is nothing but a meeting ID counts too, so typing one in asks for the passcode rather than
 * saying this is not a meeting; a passcode with no ID says the ID is missing. Phone numbers (a
 * dial-in line, a signature) are never read as an ID; a labelled ID of the wrong length is read as
 * it is, so the guest is told what is wrong with it. A passcode is returned as written, symbols
 * and all, for the same reason.
 */
export function findMeetingId(input: string): Found | null {
  const text = readable(input);
  const short = text.length <= MAX_TYPED;
  const typedText = short && /[0-9]/.test(text) ? withoutPhoneNumbers(text) : text;
  const bare = typedText.trim();
  if (/^[0-9][0-9\s-]*$/.test(bare)) return { meetingId: bare, passcode: undefined };

  const typed = short && !LINK_LIKE.test(text) ? readTyped(typedText) : null;
  const labelled = labelledId(text);
  // A typed ID of the right length wins over a labelled one of the wrong length.
  const id = labelled && (MEETING_ID.test(labelled.value) || !typed) ? labelled : null;
  const passcode = id
    ? (firstLabelled(text.slice(id.end), PASSCODE_LABEL, readPasscode) ?? firstLabelled(text.slice(0, id.at), PASSCODE_LABEL, readPasscode))
    : firstLabelled(text, PASSCODE_LABEL, readPasscode);
  const meetingId = id?.value ?? typed?.meetingId;
  const code = passcode?.value ?? typed?.passcode;
  if (meetingId) return { meetingId, passcode: code };
  return code ? { meetingId: undefined, passcode: code } : null;
}

/**
 * The text as a reader sees it: HTML tags as spaces, the few entities invitations use decoded,
 * full-width forms and Arabic-Indic or Devanagari digits as ASCII (one code unit each, so
 * positions keep their meaning).
 */
function readable(text: string): string {
  let out = text;
  if (out.includes('<')) out = out.replace(/<[^<>]{0,4096}>/g, ' ');
  if (out.includes('&')) out = out.replace(/&(?:nbsp|#160|#xa0|#8239|#x202f);/gi, ' ').replace(/&(?:#58|#x3a|colon);/gi, ':').replace(/&amp;/gi, '&');
  return out.replace(/[\uff01-\uff5e\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/g, fold);
}

function fold(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
  const zero = code >= 0x0966 ? 0x0966 : code >= 0x06f0 ? 0x06f0 : 0x0660;
  return String.fromCharCode(48 + code - zero);
}

type Value = { value: string; end: number };
type Labelled = Value & { at: number };

/**
 * The first meeting-ID label (not the tail of a "Phone conference ID" label) followed by an ID;
 * failing that, the first followed by a number of the wrong length, so the guest is told.
 */
function labelledId(text: string): Labelled | null {
  let wrongLength: Labelled | null = null;
  MEETING_ID_LABEL.lastIndex = 0;
  for (let n = 0; n < MAX_LABELS; n++) {
    const match = MEETING_ID_LABEL.exec(text);
    if (!match) break;
    if (endsPhoneConferenceLabel(text, MEETING_ID_LABEL.lastIndex)) continue;
    const digits = readDigits(text, MEETING_ID_LABEL.lastIndex);
    if (MEETING_ID.test(digits.value)) return { ...digits, at: match.index };
    if (digits.value.length >= MIN_WRONG_LENGTH_ID) wrongLength ??= { ...digits, at: match.index };
  }
  return wrongLength;
}

/** The first `label` match with a value `read` can read after it. */
function firstLabelled(text: string, label: RegExp, read: (text: string, from: number) => Value | null): Labelled | null {
  label.lastIndex = 0;
  for (let n = 0; n < MAX_LABELS; n++) {
    const match = label.exec(text);
    if (!match) return null;
    const value = read(text, label.lastIndex);
    if (value) return { ...value, at: match.index };
  }
  return null;
}

/** Between a label and its value: spaces of every width, line breaks, bidi marks, `:`, `=`, `#`. */
const SEPARATORS = `${LABEL_SPACE}\r\n\u200e\u200f:\ufe55=#.`;
const COLONS = ':\ufe55=';

function skipSeparators(text: string, from: number): number {
  let k = from;
  while (k < text.length && k - from < 16 && SEPARATORS.includes(text[k])) k++;
  return k;
}

/** Spaces or dashes people and invitations put between digit groups ("263 829 185 487"). */
const DIGIT_GAP = ' \u00a0\u2007\u2009\u202f-';

/** Digits, grouped by up to two spaces or dashes (at most 21 are read: one more than an ID has); none is ''. */
function readDigits(text: string, from: number): Value {
  const start = skipSeparators(text, from);
  let end = start;
  let digits = '';
  let gap = 0;
  while (end < text.length && digits.length <= 20) {
    const c = text[end];
    if (isDigit(c)) {
      digits += c;
      gap = 0;
    } else if (digits !== '' && gap < 2 && DIGIT_GAP.includes(c)) gap++;
    else break;
    end++;
  }
  return { value: digits, end: end - gap };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** A passcode's characters: printable ASCII but for quotes, markup and entities (so "암호: Wx5vmh입니다" reads Wx5vmh). */
const PASSCODE_CHAR = /[!#-%'-;=?-~]/;
/** A word of nothing but those, with symbols ("Wx5$vmh"): short, and not a path or an address. */
const WITH_SYMBOLS = /^[!#-%'-.0-;=?A-~]{2,20}$/;
/** Punctuation that ends a sentence or closes a bracket after a passcode, not part of it. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * A passcode follows its label after a colon (or `=`); without one it must hold a digit or end
 * its line ("암호 Wx5vmh"), so prose ("the passcode is below") is not read as one. After a colon,
 * a generated-looking word with symbols in it ("Wx5$vmh") is returned whole, never cut short to
 * the letters before the symbol.
 */
function readPasscode(text: string, from: number): Value | null {
  const start = skipSeparators(text, from);
  let end = start;
  while (end < text.length && end - start <= 64 && PASSCODE_CHAR.test(text[end])) end++;
  const value = text.slice(start, end).replace(TRAILING_PUNCTUATION, '');
  end = start + value.length;
  const colon = [...text.slice(from, start)].some((c) => COLONS.includes(c));
  if (!PASSCODE.test(value)) return colon && withSymbols(value) ? { value, end } : null;
  const endsLine = end === text.length || '\r\n<'.includes(text[end]) || (text[end] === ' ' && text.length - end < 2);
  return colon || /[0-9]/.test(value) || endsLine ? { value, end } : null;
}

/**
 * An ID and passcode typed without labels (or with labels a person writes: "id", "code"), in
 * either order: "263 829 185 487 Wx5vmh", "Wx5vmh / 263829185487". The passcode is the one word
 * that looks generated, with letters, or after a passcode label.
 */
function readTyped(text: string): { meetingId: string; passcode: string | undefined } | null {
  let meetingId: string | undefined;
  let run = '';
  const candidates: string[] = [];
  let afterLabel = false;
  const endRun = () => {
    if (run.length >= MIN_TYPED_ID && run.length <= 20) meetingId = meetingId === undefined ? run : '';
    run = '';
  };
  // Split keeping the separators (odd indices): digit groups join across spaces and a single dot
  // ("263 829", "263.829"), but other punctuation ends a number ("Room 4: 263 829 185 487").
  const parts = text.split(/([\s,;/|:=#()[\]"'.]+)/);
  for (let i = 0; i < parts.length; i += 2) {
    const raw = parts[i];
    if (/^[0-9]+(?:-[0-9]+)*$/.test(raw)) {
      if (i > 0 && !GROUP_GAP.test(parts[i - 1])) endRun();
      run += raw.replaceAll('-', '');
      continue;
    }
    endRun();
    const word = raw.toLowerCase();
    if (LABEL_WORDS.has(word)) {
      afterLabel = PASSCODE_LABEL_WORDS.has(word);
      continue;
    }
    // A word of letters and digits here has a letter: digits alone were taken as part of the ID above.
    if (PASSCODE.test(raw) ? looksGenerated(raw) : afterLabel && withSymbols(raw)) candidates.push(raw);
    afterLabel = false;
  }
  endRun();
  // Two ID-length runs: which one is the meeting is a guess, so neither is taken.
  if (!meetingId) return null;
  return { meetingId, passcode: candidates.length === 1 ? candidates[0] : undefined };
}

/** What may stand between two digit groups of one typed ID: spaces, or one dot. */
const GROUP_GAP = /^(?:\s+|\.)$/;

/** Teams passcodes mix digits or cases ("Wx5vmh", "RVoNDe"); words of prose ("See", "is") do not. */
function looksGenerated(word: string): boolean {
  return /[0-9]/.test(word) || /[A-Z]/.test(word.slice(1));
}

/** A passcode typed with symbols in it ("Wx5$vmh"): reported as such, not taken for prose. */
function withSymbols(word: string): boolean {
  return WITH_SYMBOLS.test(word) && looksGenerated(word.replace(/[^A-Za-z0-9]/g, ''));
}

const PASSCODE_LABEL_WORDS: ReadonlySet<string> = new Set(['passcode', 'password', 'code', 'pass', 'pin', 'pw', 'pwd', '암호', 'kenncode']);
