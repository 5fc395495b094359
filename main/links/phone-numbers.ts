// Process: main (pure). Phone numbers in a short typed text: a dial-in line, a signature, a tel:
// link. A phone number can have a meeting ID's 10–20 digits, so before unlabelled digits are read
// as an ID, whatever is written the way phone numbers are written is blanked out.
import { LABEL_SPACE, PHONE_LABEL_GROUP } from './invite-labels';

/** Digits and the separators phone numbers are written with, on one line. */
const NUMBER = String.raw`[0-9(][0-9 \u00a0().\-]*`;
/** A dial-in line's pauses and the conference ID after them ("+1 425-555-0100,,123456789#"). */
const PAUSES = String.raw`(?:,+[0-9][0-9 ]*#?)*#?`;

/**
 * A phone number is one of: after a phone label ("Phone:", "Tel.", "Phone conference ID:", in
 * every language of invite-labels.ts) that stands as a word of its own, so a passcode such as
 * "Hp0x2" is no label (tried first, so "Tel:" is a label); after "tel:" or "+"; followed by dial
 * pauses or "#"; with an area code in brackets; or in the 3-3-4 dash or dotted groups no meeting
 * ID is written in.
 * Only short texts are scanned (the caller's limit), so backtracking stays bounded.
 */
const PHONE_NUMBER = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])${PHONE_LABEL_GROUP}(?=[.#:：${LABEL_SPACE}])[.#]?[${LABEL_SPACE}]*[:：]?[${LABEL_SPACE}]*\+?[ \u00a0]*${NUMBER}${PAUSES}`,
    String.raw`\+[ \u00a0]*${NUMBER}${PAUSES}`,
    String.raw`(?:tel|callto):[+0-9(][^\s<>"]*`,
    String.raw`${NUMBER}(?:,+[0-9][0-9 ]*#?)+#?`,
    String.raw`[0-9][0-9 ]*#`,
    String.raw`\([0-9]{1,5}\)[ \u00a0.\-]*[0-9][0-9 \u00a0.\-]*`,
    String.raw`(?<![0-9\-])[0-9]{3}-[0-9]{3}-[0-9]{4}(?![0-9\-])`,
    String.raw`(?<![0-9.])[0-9]{2,4}(?:\.[0-9]{2,4}){2,}(?![0-9])`,
  ].join('|'),
  'giu',
);

/** Dotted groups of three are how some people type a meeting ID ("263.829.185.487"), not a phone number. */
const DOTTED_ID = /^[0-9]{3}(?:\.[0-9]{3})+$/;

/** `text` with every phone number replaced by spaces of the same length (positions keep their meaning). */
export function withoutPhoneNumbers(text: string): string {
  return text.replace(PHONE_NUMBER, (number) => (DOTTED_ID.test(number) ? number : ' '.repeat(number.length)));
}
