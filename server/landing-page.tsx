/** @jsxRuntime automatic */
/** @jsxImportSource preact */
// Process: server. The guest's invitation page (GET /join/<id>), rendered on the server in the
// guest's language: the meeting, "Open in <app>" (tried once by a meta refresh, so it works
// without JavaScript), downloads, the invitation to paste; or, for a bound invitation, the code
// forms before any join detail; or a clear expired/unknown/revoked/locked state. It carries no
// inline script or style (the CSP forbids them): one external same-origin script only localizes the
// time and adds a copy button. Every value is escaped by preact-render-to-string.
import { renderToString } from 'preact-render-to-string';
import { LOCALES, LOCALE_TAGS, parseAcceptLanguage, SOURCE_LOCALE, textDirection, translate, type Locale, type MessageKey } from '../common/i18n';
import { matchLocale } from '../common/i18n/match-locale';
import { LANDING_CSS } from './landing-assets';
import { formatMeetingTime } from './meeting-time';

export const LANDING_JS_PATH = '/assets/join.js';

export interface Downloads {
  windows?: string;
  macos?: string;
  linux?: string;
}

export interface PageMeeting {
  subject: string;
  startsAt: string;
  endsAt: string;
  organizer: string;
}

export type VerifyNotice = 'codeSent' | 'wrongCode' | 'codeExpired' | 'badCode' | 'rateLimited' | 'mailFailed';

export type LandingModel =
  | { state: 'open'; id: string; meeting: PageMeeting; inviteUrl: string; appLink: string; downloads: Downloads }
  | { state: 'verify'; id: string; meeting: PageMeeting; emailHint: string; notice?: VerifyNotice; attemptsLeft?: number; codeMinutes: number }
  | { state: 'unknown'; id?: string }
  | { state: 'expired' | 'revoked' | 'locked'; id: string };

export function renderLandingPage(model: LandingModel, lang: Locale, productName: string): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, { app: productName, ...params });
  const title = 'meeting' in model ? t('invite.page.title', { subject: model.meeting.subject || productName }) : t(`invite.page.${model.state}.title`);
  const page = (
    <html lang={lang} dir={textDirection(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Tried once, at once (axe allows only an immediate refresh); the button does the same by hand. */}
        {model.state === 'open' && <meta http-equiv="refresh" content={`0;url=${model.appLink}`} />}
        <title>{title}</title>
        {/* A constant of ours (landing-assets.ts), admitted by its hash in the page's CSP. */}
        <style dangerouslySetInnerHTML={{ __html: LANDING_CSS }} />
        <script src={LANDING_JS_PATH} defer />
      </head>
      <body>
        <main>
          <p class="brand">{productName}</p>
          {'meeting' in model ? <Meeting model={model} t={t} lang={lang} /> : <Problem state={model.state} t={t} />}
          {model.state === 'open' && <Open model={model} t={t} />}
          {model.state === 'verify' && <Verify model={model} t={t} lang={lang} />}
          <LanguageSwitch id={model.id} lang={lang} label={t('invite.page.language')} />
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${renderToString(page)}`;
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

function Meeting({ model, t, lang }: { model: { meeting: PageMeeting }; t: T; lang: Locale }) {
  const { meeting } = model;
  return (
    <>
      <h1>{meeting.subject}</h1>
      <p>{t('invite.page.lead', { organizer: meeting.organizer })}</p>
      <dl>
        <dt>{t('invite.page.when')}</dt>
        <dd>
          <time dateTime={meeting.startsAt} data-ends={meeting.endsAt}>
            {formatMeetingTime(meeting.startsAt, meeting.endsAt, lang)}
          </time>
        </dd>
        <dt>{t('invite.page.organizer')}</dt>
        <dd>{meeting.organizer}</dd>
      </dl>
      <p class="note" data-time-note>
        {t('invite.page.timeZoneNote')}
      </p>
    </>
  );
}

function Problem({ state, t }: { state: 'unknown' | 'expired' | 'revoked' | 'locked'; t: T }) {
  return (
    <>
      <h1>{t(`invite.page.${state}.title`)}</h1>
      <p>{t(`invite.page.${state}.body`)}</p>
    </>
  );
}

function Open({ model, t }: { model: Extract<LandingModel, { state: 'open' }>; t: T }) {
  const downloads = (['windows', 'macos', 'linux'] as const).filter((os) => model.downloads[os]);
  return (
    <>
      <p>
        <a class="button" href={model.appLink}>
          {t('invite.page.open')}
        </a>
      </p>
      <p class="note">{t('invite.page.openHint')}</p>
      <section aria-labelledby="download-title">
        <h2 id="download-title">{t('invite.page.download.title')}</h2>
        {downloads.length ? (
          <ul>
            {downloads.map((os) => (
              <li key={os}>
                <a href={model.downloads[os]}>{t(`invite.page.download.${os}`)}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('invite.page.download.none')}</p>
        )}
      </section>
      <section class="copy">
        <label for="invite-url">{t('invite.page.copy.label')}</label>
        <div class="copy-row">
          <input id="invite-url" type="text" readOnly value={model.inviteUrl} />
          <button type="button" data-copy="invite-url" data-done={t('invite.page.copy.done')} hidden>
            {t('invite.page.copy.button')}
          </button>
        </div>
      </section>
    </>
  );
}

function Verify({ model, t, lang }: { model: Extract<LandingModel, { state: 'verify' }>; t: T; lang: Locale }) {
  const notices: Record<VerifyNotice, string> = {
    codeSent: t('invite.page.verify.sent', { email: model.emailHint, minutes: model.codeMinutes }),
    wrongCode: t('invite.page.verify.wrongCode', { attempts: model.attemptsLeft ?? 0 }),
    codeExpired: t('invite.page.verify.codeExpired'),
    badCode: t('invite.page.verify.badCode'),
    rateLimited: t('invite.page.verify.rateLimited'),
    mailFailed: t('invite.page.verify.mailFailed'),
  };
  const sent = model.notice !== undefined && model.notice !== 'mailFailed';
  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">{t('invite.page.verify.title')}</h2>
      <p>{t('invite.page.verify.body', { email: model.emailHint })}</p>
      {model.notice && (
        <p class={model.notice === 'codeSent' ? 'notice' : 'notice problem'} role={model.notice === 'codeSent' ? 'status' : 'alert'}>
          {notices[model.notice]}
        </p>
      )}
      <form method="post" action={`/join/${model.id}/code`}>
        <input type="hidden" name="lang" value={lang} />
        <button type="submit" class={sent ? 'secondary' : 'button'}>
          {t(sent ? 'invite.page.verify.resend' : 'invite.page.verify.send')}
        </button>
      </form>
      <form method="post" action={`/join/${model.id}/verify`}>
        <input type="hidden" name="lang" value={lang} />
        <label for="code">{t('invite.page.verify.codeLabel')}</label>
        <div class="copy-row">
          <input id="code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required />
          <button type="submit" class="button">
            {t('invite.page.verify.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function LanguageSwitch({ id, lang, label }: { id: string | undefined; lang: Locale; label: string }) {
  if (!id) return null;
  return (
    <nav aria-label={label} class="languages">
      {LOCALES.filter((other) => other.tag !== lang).map((other) => (
        <a key={other.tag} href={`/join/${id}?lang=${other.tag}`} lang={other.tag} hrefLang={other.tag} dir={other.dir}>
          {other.name}
        </a>
      ))}
    </nav>
  );
}

/** The page's language: an explicit `?lang=`, else the best fit of Accept-Language, else `fallback`. */
export function pageLanguage(query: string | undefined, acceptLanguage: string | undefined, fallback: Locale = SOURCE_LOCALE): Locale {
  // `?lang=ko` from pages of before 24 locales still works: the query is matched like a header entry.
  return matchLocale([query?.slice(0, 35), ...parseAcceptLanguage(acceptLanguage).slice(0, 20)], LOCALE_TAGS, fallback);
}
