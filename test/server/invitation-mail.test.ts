// The emails a guest receives, read as the guest reads them: the invitation (unbound: the Teams
// details, ID, passcode and phone; bound: the page only, and why a code will be asked for) and the
// one-time code, as plain text line by line and as HTML (links, language, escaping), and the meeting
// time in the guest's zone.
import { describe, expect, it } from 'vitest';
import { composeCodeMail, composeInvitationMail, type InvitationMailInput } from '../../server/invitation-mail';
import { formatMeetingTime } from '../../server/meeting-time';

// ICU separates times with thin and narrow no-break spaces; the guest sees spaces.
const spaced = (text: string) => text.replace(/[^\S\n]+/g, ' ');

const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
const input: InvitationMailInput = {
  lang: 'en-US',
  productName: 'Doorway',
  meeting: { subject: 'Quarterly review', startsAt: '2030-01-02T09:00:00.000Z', endsAt: '2030-01-02T10:30:00.000Z', organizer: 'Ada Lovelace' },
  inviteUrl: 'https://doorway.contoso.example/join/abcdefghijklmnopqrstuv',
  guestName: 'Sam',
  join: { joinUrl: JOIN_URL, meetingId: '123 456 789', passcode: 'x7Yz' },
  dialIn: { tollNumber: '+1 425-555-0100', conferenceId: '42' },
};

describe('invitation email', () => {
  it('an open invitation: greeting, meeting, time, the Doorway link, then the Teams link, ID, passcode and phone', () => {
    const mail = composeInvitationMail(input);
    expect(mail.subject).toBe('Invitation: Quarterly review');
    expect(spaced(mail.text).split('\n')).toEqual([
      'Hello Sam,',
      '',
      'Ada Lovelace invites you to the Microsoft Teams meeting "Quarterly review".',
      'When: Wednesday, January 2, 2030, 9:00 – 10:30 AM (UTC)',
      '',
      'Join with Doorway: https://doorway.contoso.example/join/abcdefghijklmnopqrstuv',
      'The link opens Doorway, or shows you how to install it first.',
      '',
      'Or join in Microsoft Teams:',
      JOIN_URL,
      'Meeting ID: 123 456 789',
      'Passcode: x7Yz',
      'Join by phone: +1 425-555-0100, conference ID 42',
    ]);
    const html = spaced(mail.html);
    expect(html.startsWith('<!doctype html><html lang="en-US" dir="ltr"><head><meta charset="utf-8"/><title>Invitation: Quarterly review</title></head>')).toBe(true);
    expect(html).toContain(`<a href="${input.inviteUrl}"`);
    expect(html).toContain('>Join with Doorway</a>');
    expect(html).toContain('<p style="color:#555">The link opens Doorway, or shows you how to install it first.</p>');
    expect(html).toContain(`Or join in Microsoft Teams:<br/><a href="${JOIN_URL}">${JOIN_URL}</a><br/>Meeting ID: 123 456 789<br/>Passcode: x7Yz</p>`);
    expect(html).toContain('>Join by phone: +1 425-555-0100, conference ID 42</p>');
    expect(html).toContain('<p>Hello Sam,</p><p>Ada Lovelace invites you to the Microsoft Teams meeting &quot;Quarterly review&quot;.</p><p>When: Wednesday, January 2, 2030, 9:00 – 10:30 AM (UTC)</p>');
    expect(html).not.toContain('For your security');
  });

  it('a bound invitation: the page only, with the reason a code will be asked, and no Teams link, ID, passcode or phone', () => {
    const { join: _join, ...rest } = input;
    const mail = composeInvitationMail({ ...rest, guestName: undefined });
    expect(spaced(mail.text).split('\n')).toEqual([
      'Hello,',
      '',
      'Ada Lovelace invites you to the Microsoft Teams meeting "Quarterly review".',
      'When: Wednesday, January 2, 2030, 9:00 – 10:30 AM (UTC)',
      '',
      'Join with Doorway: https://doorway.contoso.example/join/abcdefghijklmnopqrstuv',
      'The link opens Doorway, or shows you how to install it first.',
      'For your security, the page will ask for a code that we send to this email address.',
    ]);
    expect(mail.html).toContain('<p>For your security, the page will ask for a code that we send to this email address.</p>');
    for (const secret of ['teams.microsoft.com', '123 456 789', 'x7Yz', '425-555-0100', 'Microsoft Teams:']) {
      expect(mail.text + mail.html).not.toContain(secret);
    }
  });

  it('leaves out the ID, passcode and phone lines the meeting does not have', () => {
    const mail = composeInvitationMail({ ...input, join: { joinUrl: JOIN_URL }, dialIn: { conferenceId: '42' } });
    expect(mail.text.split('\n').slice(-2)).toEqual(['Or join in Microsoft Teams:', JOIN_URL]);
    expect(mail.html).toContain(`Or join in Microsoft Teams:<br/><a href="${JOIN_URL}">${JOIN_URL}</a></p>`);
    expect(mail.html).not.toContain('Join by phone');
    const noDialIn = composeInvitationMail({ ...input, dialIn: undefined });
    expect(noDialIn.text.split('\n').at(-1)).toBe('Passcode: x7Yz');
  });

  it('shows the time in the guest’s zone when staff named one, in the guest’s language and direction', () => {
    const seoul = composeInvitationMail({ ...input, timeZone: 'Asia/Seoul' });
    expect(seoul.text).toContain(`When: ${formatMeetingTime(input.meeting.startsAt, input.meeting.endsAt, 'en-US', 'Asia/Seoul')}`);
    expect(spaced(seoul.text)).toContain('6:00 – 7:30 PM (GMT+9)');
    const arabic = composeInvitationMail({ ...input, lang: 'ar-SA' });
    expect(arabic.html).toContain('<html lang="ar-SA" dir="rtl">');
  });

  it('escapes a subject or a name that looks like markup', () => {
    const mail = composeInvitationMail({ ...input, guestName: '<b>Sam</b>', meeting: { ...input.meeting, subject: 'Q1 <script>alert(1)</script>' } });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('Hello &lt;b>Sam&lt;/b>,');
  });
});

describe('one-time code email', () => {
  it('gives the code, how long it lasts, and what to do if the guest did not ask for it', () => {
    const mail = composeCodeMail({ lang: 'en-US', meetingSubject: 'Board', code: '012345', minutes: 10 });
    expect(mail.subject).toBe('Your code for "Board"');
    expect(mail.text).toBe('Your code is 012345. It is valid for 10 minutes.\n\nIf you did not ask for this code, you can ignore this email.');
    expect(mail.html.startsWith('<!doctype html><html lang="en-US" dir="ltr"><head><meta charset="utf-8"/><title>Your code for &quot;Board&quot;</title></head>')).toBe(true);
    expect(mail.html).toContain('<p>Your code is 012345. It is valid for 10 minutes.</p>');
    expect(mail.html).toContain('>012345</p>');
    expect(mail.html).toContain('>If you did not ask for this code, you can ignore this email.</p>');
    expect(composeCodeMail({ lang: 'en-US', meetingSubject: 'Board', code: '012345', minutes: 1 }).text).toContain('valid for 1 minute.');
  });
});
