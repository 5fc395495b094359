/** @jsxRuntime automatic */
/** @jsxImportSource preact */
// Process: server. The invitation email and the one-time-code email, each as HTML and plain text,
// in the guest's language. HTML comes from preact-render-to-string, which escapes every value, so a
// meeting subject or a guest name cannot inject markup. A bound invitation's email carries the
// invitation page only: no Teams link, no meeting ID, passcode or dial-in.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { textDirection, translate, type Locale } from '../common/i18n';
import { formatMeetingTime } from './meeting-time';

export interface MailParts {
  subject: string;
  html: string;
  text: string;
}

export interface InvitationMailInput {
  lang: Locale;
  productName: string;
  meeting: { subject: string; startsAt: string; endsAt: string; organizer: string };
  inviteUrl: string;
  guestName?: string;
  /** The guest's IANA time zone, if staff gave it; UTC otherwise. */
  timeZone?: string;
  /** Present only for an unbound invitation. */
  join?: { joinUrl: string; meetingId?: string; passcode?: string };
  dialIn?: { tollNumber?: string; conferenceId: string };
}

export function composeInvitationMail(input: InvitationMailInput): MailParts {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(input.lang, key, params);
  const app = input.productName;
  const subject = t('invite.mail.subject', { subject: input.meeting.subject });
  const greeting = input.guestName ? t('invite.mail.greeting', { name: input.guestName }) : t('invite.mail.greetingNoName');
  const intro = t('invite.mail.intro', { organizer: input.meeting.organizer, subject: input.meeting.subject });
  const when = t('invite.mail.when', { when: formatMeetingTime(input.meeting.startsAt, input.meeting.endsAt, input.lang, input.timeZone) });
  const teams = input.join
    ? [
        t('invite.mail.teams'),
        input.join.joinUrl,
        ...(input.join.meetingId ? [t('invite.mail.meetingId', { id: input.join.meetingId })] : []),
        ...(input.join.passcode ? [t('invite.mail.passcode', { passcode: input.join.passcode })] : []),
      ]
    : [];
  const phone = !input.join || !input.dialIn?.tollNumber ? undefined : t('invite.mail.dialIn', { number: input.dialIn.tollNumber, id: input.dialIn.conferenceId });
  const bound = input.join ? undefined : t('invite.mail.bound');

  const text = [
    greeting,
    '',
    intro,
    when,
    '',
    `${t('invite.mail.join', { app })}: ${input.inviteUrl}`,
    t('invite.mail.joinHint', { app }),
    ...(bound ? [bound] : []),
    ...(teams.length ? ['', ...teams] : []),
    ...(phone ? [phone] : []),
  ].join('\n');

  const html = mailDocument(
    input.lang,
    subject,
    <>
        <p>{greeting}</p>
        <p>{intro}</p>
        <p>{when}</p>
        <p>
          <a href={input.inviteUrl} style="display:inline-block;padding:10px 18px;background:#4f52b2;color:#ffffff;text-decoration:none;border-radius:4px">
            {t('invite.mail.join', { app })}
          </a>
        </p>
        <p style="color:#555">{t('invite.mail.joinHint', { app })}</p>
        {bound && <p>{bound}</p>}
        {input.join && (
          <p style="color:#555">
            {teams[0]}
            <br />
            <a href={input.join.joinUrl}>{input.join.joinUrl}</a>
            {teams.slice(2).map((line) => (
              <>
                <br />
                {line}
              </>
            ))}
          </p>
        )}
        {phone && <p style="color:#555">{phone}</p>}
    </>,
  );
  return { subject, html, text };
}

export function composeCodeMail(input: { lang: Locale; meetingSubject: string; code: string; minutes: number }): MailParts {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(input.lang, key, params);
  const subject = t('invite.mail.code.subject', { subject: input.meetingSubject });
  const body = t('invite.mail.code.body', { code: input.code, minutes: input.minutes });
  const ignore = t('invite.mail.code.ignore');
  const html = mailDocument(
    input.lang,
    subject,
    <>
        <p>{body}</p>
        <p style="font-size:28px;letter-spacing:6px;font-weight:600">{input.code}</p>
        <p style="color:#555">{ignore}</p>
    </>,
  );
  return { subject, html, text: `${body}\n\n${ignore}` };
}

/** One email's HTML document: inline styles only (mail clients drop style sheets). */
function mailDocument(lang: Locale, subject: string, body: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <html lang={lang} dir={textDirection(lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body style="font-family:Segoe UI,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1b1b1f">{body}</body>
    </html>,
  )}`;
}
