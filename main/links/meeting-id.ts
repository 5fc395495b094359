// Process: main (pure). The "Meeting ID" and "Passcode" lines of an invitation, for when there is
// no usable link (a Mimecast-rewritten one, a link cut short) or the guest typed them in.
import { PASSCODE } from './teams-link';
import type { InviteResult } from './types';

/**
 * Meeting ID labels in the invitation languages we know (English and Korean first). "Phone
 * conference ID" is the dial-in code, not the meeting: its English label does not match, and the
 * Korean/Japanese ones ("전화 회의 ID", "電話会議 ID") are skipped by PHONE_PREFIXES.
 */
const ID_LABEL = /meeting\s?id|모임\s?id|회의\s?id|会議\s?id|besprechungs-id|id de (?:la )?r[ée]union|id\.? de reuni[óo]n/giu;
const PHONE_PREFIXES = ['전화', '電話'];
/** The passcode labels of invitations in the languages Teams writes them (the log redacts them too). */
export const PASSCODE_LABELS = ['Passcode', '암호', '비밀번호', '패스코드', 'パスコード', 'Kenncode', 'Code secret', 'Código de acceso', 'Codigo de acceso'] as const;
const PASSCODE_LABEL = /passcode|암호|비밀번호|패스코드|パスコード|kenncode|code secret|c[óo]digo de acceso/giu;
const MEETING_ID = /^[0-9]{9,20}$/;
/** Only the first few labels are read: an invitation has one of each. */
const MAX_LABELS = 64;

/** Builds the target for a meeting ID (digits, spaces allowed) and its passcode. */
export function meetingIdInvite(meetingId: string, passcode: string | undefined): InviteResult {
  const digits = meetingId.replace(/\s/g, '');
  if (!MEETING_ID.test(digits)) return { ok: false, problem: 'malformedLink' };
  if (!passcode) return { ok: false, problem: 'missingPasscode' };
  if (!PASSCODE.test(passcode)) return { ok: false, problem: 'malformedLink' };
  return {
    ok: true,
    target: { kind: 'meetingId', meetingId: digits, passcode },
    normalized: `Meeting ID: ${digits} Passcode: ${passcode}`,
    // An ID names no cloud; it resolves through the ACS resource, which is commercial unless the
    // app is built for a government cloud.
    host: 'teams.microsoft.com',
  };
}

type Found = { meetingId: string; passcode: string | undefined };

/**
 * The first labelled meeting ID in `text` and the passcode labelled after it (or, failing that,
 * before it). A text that is nothing but a meeting ID counts too, so typing one in says that
 * the passcode is missing rather than that this is not a meeting.
 */
export function findMeetingId(text: string): Found | null {
  const bare = text.trim();
  if (/^[0-9][0-9\s]*$/.test(bare)) return { meetingId: bare, passcode: undefined };

  const id = firstLabelled(text, ID_LABEL, readDigits, (at) => !isPhoneLabel(text, at));
  if (!id) return null;
  const anywhere = () => true;
  const passcode =
    firstLabelled(text.slice(id.end), PASSCODE_LABEL, readPasscode, anywhere) ??
    firstLabelled(text.slice(0, id.at), PASSCODE_LABEL, readPasscode, anywhere);
  return { meetingId: id.value, passcode: passcode?.value };
}

type Value = { value: string; end: number };
type Labelled = Value & { at: number };

/** The first `label` match that `accept`s and has a value `read` can read after it. */
function firstLabelled(
  text: string,
  label: RegExp,
  read: (text: string, from: number) => Value | null,
  accept: (at: number) => boolean,
): Labelled | null {
  label.lastIndex = 0;
  for (let n = 0; n < MAX_LABELS; n++) {
    const match = label.exec(text);
    if (!match) return null;
    if (!accept(match.index)) continue;
    const value = read(text, label.lastIndex);
    if (value) return { ...value, at: match.index };
  }
  return null;
}

function isPhoneLabel(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  return PHONE_PREFIXES.some((prefix) => before.includes(prefix));
}

/** Separators between a label and its value: "Meeting ID: ", "암호：", "passcode=". */
function skipSeparators(text: string, from: number): number {
  let k = from;
  while (k < text.length && k - from < 8 && ' \t\u00a0:：=#.'.includes(text[k])) k++;
  return k;
}

/** Digits grouped by single spaces, as invitations print them ("263 829 185 487"). */
function readDigits(text: string, from: number): Value | null {
  const start = skipSeparators(text, from);
  let end = start;
  let digits = '';
  while (end < text.length && digits.length <= 20) {
    const c = text[end];
    if (c >= '0' && c <= '9') digits += c;
    else if (!((c === ' ' || c === '\u00a0') && isDigit(text[end + 1]) && digits !== '')) break;
    end++;
  }
  return MEETING_ID.test(digits) ? { value: digits, end } : null;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** A passcode follows its label after a colon (or `=`), so prose ("the passcode is…") is skipped. */
function readPasscode(text: string, from: number): Value | null {
  const start = skipSeparators(text, from);
  if (!/[:：=]/.test(text.slice(from, start))) return null;
  let end = start;
  while (end < text.length && end - start <= 64 && /[A-Za-z0-9]/.test(text[end])) end++;
  const value = text.slice(start, end);
  return PASSCODE.test(value) ? { value, end } : null;
}
