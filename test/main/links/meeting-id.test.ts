// Meeting IDs and passcodes as guests paste or type them when there is no link to click: the digit
// scripts and HTML an invitation arrives in, labels with and without values, and the words around
// them that are not a passcode. Each input says what the guest gets: the meeting joined, or the
// one problem the join screen explains.
import { describe, expect, it } from 'vitest';
import { parseMeetingInvite, type InviteProblem } from '../../../main/links';

type Expected = { meetingId: string; passcode: string } | InviteProblem | { problem: 'missingPasscode'; meetingId: string };

const ID = { meetingId: '263829185487', passcode: 'Wx5vmh' };
/** An ID with a 0 in it, for the digit scripts (each script's zero is where its digits start). */
const ID_WITH_ZERO = { meetingId: '263829105487', passcode: 'Wx5vmh' };
const NO_PASSCODE = { problem: 'missingPasscode', meetingId: '263829185487' } as const;
/** Invitations end with a help link; with a link in the text, only labelled values are read. */
const HELP = 'Need help? https://aka.ms/JoinTeamsMeeting';

function expected(value: Expected) {
  if (typeof value === 'string') return { ok: false, problem: value };
  if ('problem' in value) return { ok: false, ...value };
  return {
    ok: true,
    target: { kind: 'meetingId', ...value },
    normalized: `Meeting ID: ${value.meetingId} Passcode: ${value.passcode}`,
    host: 'teams.microsoft.com',
  };
}

/** `digits` written in the script whose zero is `zero`. */
const inScript = (digits: string, zero: number) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)));

const cases: [name: string, input: string, expected: Expected][] = [
  // Digit scripts: Teams prints the ID in the invitation's language.
  ['an Arabic invitation with Arabic-Indic digits', `معرف الاجتماع: ${inScript('263 829 105 487', 0x0660)}\nرمز المرور: Wx5vmh`, ID_WITH_ZERO],
  ['a Persian or Urdu ID with extended Arabic-Indic digits', `Meeting ID: ${inScript('263 829 105 487', 0x06f0)}\nPasscode: Wx5vmh`, ID_WITH_ZERO],
  ['a Hindi invitation with Devanagari digits', `मीटिंग ID: ${inScript('263 829 105 487', 0x0966)}\nपासकोड: Wx5vmh`, ID_WITH_ZERO],
  ['a passcode typed with a full-width ! in it', '会議 ID: 263 829 185 487\nパスコード: Wx5！vmh', 'passcodeCharacters'],

  // HTML source.
  ['an ID and passcode in two table cells', '<tr><td>263829185487</td><td>Wx5vmh</td></tr>', ID],
  ['an ID grouped by &nbsp; entities', 'Meeting ID:&nbsp;263&nbsp;829&nbsp;185&nbsp;487<br>Passcode:&nbsp;Wx5vmh', ID],
  ['a typed ID and passcode separated by &nbsp; entities', '263&nbsp;829&nbsp;185&nbsp;487&nbsp;Wx5vmh', ID],
  ['labels with encoded colons and a passcode of letters', `<p>Meeting ID&#58; 263 829 185 487<br>Passcode&#58; RVoNDe<br>${HELP}</p>`, { meetingId: '263829185487', passcode: 'RVoNDe' }],
  ['R&amp;D beside a typed ID is not a second passcode', '<p>R&amp;D sync 263 829 185 487 Wx5vmh</p>', ID],

  // Typed by hand.
  ['digits typed after a space, too few for an ID', '  1234 5678', 'meetingIdLength'],
  ['an ID typed with two spaces between the groups', '263  829  185  487  Wx5vmh', ID],
  ['a room number before a typed ID', 'Room 4 is booked. 263 829 185 487 Wx5vmh', ID],
  // Punctuation other than a dot between digit groups ends a number: the room is not glued onto the ID.
  ['a room number and a colon before a typed ID', 'Room 4: 263 829 185 487 Wx5vmh', ID],
  ['a numbered line before a typed ID', '2) 263 829 185 487 Wx5vmh', ID],
  ['a time with a comma before a typed ID', 'Today at 3, 263 829 185 487 Wx5vmh', ID],
  ['an ID typed with dots in groups of three keeps its dots as grouping', 'Room 4: 263.829.185.487 Wx5vmh', ID],
  ['a passcode starting with a digit, typed after the ID', '263 829 185 487 9Wx5vmh', { meetingId: '263829185487', passcode: '9Wx5vmh' }],
  ['a passcode of letters only, typed after the ID', '263 829 185 487 RVoNDe', { meetingId: '263829185487', passcode: 'RVoNDe' }],
  ['a room number after the passcode is not a second passcode', '263 829 185 487 Wx5vmh, room B-12', ID],
  ['a typed ID right of a labelled one of the wrong length', 'Meeting ID: 1234 (see below)\n263 829 185 487 Wx5vmh', ID],
  // Two ID-length numbers: which is the meeting is a guess, so neither is joined.
  ['two typed IDs', '263 829 185 487 or 111 222 333 444 Wx5vmh', 'notTeamsLink'],
  ['typed text of 300 characters', `263 829 185 487 Wx5vmh${' '.repeat(300 - 22)}`, ID],
  ['an order number and code in a long email', `Thanks for your order! ${'Your parcel ships this week. '.repeat(10)}Order 263829185487, code Wx5vmh.`, 'notTeamsLink'],

  // Labels and what follows them.
  ['a labelled ID of four digits', 'Meeting ID: 1234\nPasscode: Wx5vmh', 'meetingIdLength'],
  ['a wrong-length labelled ID before the real one', `Meeting ID: 1234\nMeeting ID: 263 829 185 487\nPasscode: Wx5vmh\n${HELP}`, ID],
  ['a labelled ID and passcode on one line', `Meeting ID: 263 829 185 487 Passcode: Wx5vmh ${HELP}`, ID],
  ['a time after the ID is not more of its digits', 'Meeting ID: 263 829 185 487 - 9:00 AM\nPasscode: Wx5vmh', ID],
  ['a Wi-Fi password above the meeting is not its passcode', 'Guest Wi-Fi password: Visit0r2024\nMeeting ID: 263 829 185 487\nPasscode: Wx5vmh', ID],
  ['an empty passcode line above the ID is not the word below it', 'Passcode:\nMeeting ID: 263 829 185 487', NO_PASSCODE],
  ['a passcode label in a sentence, then the labelled passcode', `Meeting ID: 263 829 185 487\nPasscode for dial-in users below\nPasscode: Wx5vmh\n${HELP}`, ID],
  ['"passcode sent separately" is not a passcode', `Meeting ID: 263 829 185 487\nPasscode sent separately\n${HELP}`, NO_PASSCODE],
  ['"passcode follows." is not a passcode either', `${HELP}\nMeeting ID 263 829 185 487\nPasscode follows.`, NO_PASSCODE],
  ['a passcode of letters alone on its line, without a colon', `Meeting ID 263 829 185 487\nPasscode RVoNDe\n${HELP}`, { meetingId: '263829185487', passcode: 'RVoNDe' }],
  ['a passcode of letters at the end, one space after it', `${HELP}\nMeeting ID 263 829 185 487\nPasscode RVoNDe `, { meetingId: '263829185487', passcode: 'RVoNDe' }],
  ['a passcode of letters after a colon, words after it', `Meeting ID: 263 829 185 487\nPasscode: RVoNDe (case matters)\n${HELP}`, { meetingId: '263829185487', passcode: 'RVoNDe' }],
  ['a passcode at the end of a sentence', `Meeting ID: 263 829 185 487, passcode: Wx5vmh. ${HELP}`, ID],
  ['a passcode at the end of a sentence in brackets', `(Meeting ID: 263 829 185 487, passcode: Wx5vmh). ${HELP}`, ID],
  ['a passcode with a dot inside it', 'Meeting ID: 263 829 185 487\nPasscode: Wx5.vmh', 'passcodeCharacters'],
  ['an email address after the passcode label', `Meeting ID: 263 829 185 487\nPasscode: ask.kim2@contoso.com\n${HELP}`, NO_PASSCODE],
  ['65 letters after the passcode label are not a passcode cut short', `Meeting ID: 263 829 185 487\nPasscode: ${'Ab3'.repeat(21)}Ab\n${HELP}`, NO_PASSCODE],
];

describe('parseMeetingInvite: meeting IDs and passcodes', () => {
  it.each(cases)('%s', (_name, input, value) => {
    expect(parseMeetingInvite(input)).toEqual(expected(value));
  });

  it.each(['passcode', 'password', 'code', 'pass', 'pin', 'pw', 'pwd', '암호', 'kenncode'])(
    'tells a guest who typed "%s" and a passcode with a symbol what is wrong with it',
    (word) => {
      expect(parseMeetingInvite(`263829185487 ${word} Wx5$vmh`)).toEqual(expected('passcodeCharacters'));
    },
  );

  it('does not read a scheme-less Zoom link’s ID and passcode as a Teams meeting', () => {
    const result = parseMeetingInvite('Join: us02web.zoom.us/j/85412345678 passcode 4Tg7Xq');
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('meetingId');
  });
});
