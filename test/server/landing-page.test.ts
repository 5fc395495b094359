// The landing page's words, as a guest reads them in English: the title, the meeting, the open
// button and its hint, the downloads, the invitation to copy, the code forms, the problem pages and
// the language list; and which page language a request gets.
import { describe, expect, it } from 'vitest';
import { pageLanguage, renderLandingPage, type LandingModel } from '../../server/landing-page';

const meeting = { subject: 'Quarterly review', startsAt: '2030-01-02T09:00:00.000Z', endsAt: '2030-01-02T10:30:00.000Z', organizer: 'Ada Lovelace' };
const ID = 'AbCdEfGhIjKlMnOpQrStUv';
const open: LandingModel = {
  state: 'open',
  id: ID,
  meeting,
  inviteUrl: `https://doorway.contoso.example/join/${ID}`,
  appLink: `doorway://join?invite=${ID}`,
  downloads: { windows: 'https://dl.example/w.exe', macos: 'https://dl.example/m.dmg', linux: 'https://dl.example/l.AppImage' },
};
const verify: LandingModel = { state: 'verify', id: ID, meeting, emailHint: 'p•••@e•••.org', codeMinutes: 10 };

describe('landing page in English', () => {
  it('an open invitation: title, meeting, when and who, the open button and its hint, downloads, the invitation to copy', () => {
    const html = renderLandingPage(open, 'en-US', 'Doorway');
    for (const text of [
      '<title>Quarterly review: join with Doorway</title>',
      '<h1>Quarterly review</h1>',
      '<p>Ada Lovelace invites you to a Microsoft Teams meeting.</p>',
      '<dt>When</dt>',
      '<dt>Organizer</dt><dd>Ada Lovelace</dd>',
      '<p class="note" data-time-note="true">Times are in UTC unless your browser shows them in your own time zone.</p>',
      `<a class="button" href="doorway://join?invite=${ID}">Open in Doorway</a>`,
      '<p class="note">Doorway opens by itself if it is installed. If nothing happens, use the button.</p>',
      '<a href="https://dl.example/w.exe">Download for Windows</a>',
      '<a href="https://dl.example/m.dmg">Download for macOS</a>',
      '<a href="https://dl.example/l.AppImage">Download for Linux</a>',
      '<label for="invite-url">Or paste this invitation into Doorway</label>',
      'data-done="Copied" hidden>Copy</button>',
      '<nav aria-label="Language" class="languages">',
    ]) {
      expect(html).toContain(text);
    }
    // No code forms on an open invitation, and no link to the page's own language.
    expect(html).not.toContain('action="/join/');
    expect(html).not.toContain('?lang=en-US"');
    expect(html).toContain(`href="/join/${ID}?lang=en-GB"`);
  });

  it('names the app in the title when the meeting has no subject', () => {
    expect(renderLandingPage({ ...open, meeting: { ...meeting, subject: '' } }, 'en-US', 'Doorway')).toContain('<title>Doorway: join with Doorway</title>');
  });

  it('a bound invitation: the code forms with their words, and no attempt to open the app', () => {
    const html = renderLandingPage(verify, 'en-US', 'Doorway');
    for (const text of ['<h2 id="verify-title">Confirm your email address</h2>', '<label for="code">Code from the email</label>', '<button type="submit" class="button">Confirm</button>']) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('http-equiv');
    expect(html).not.toContain('doorway://');
  });

  it.each([
    ['expired', 'This invitation has expired'],
    ['revoked', 'This invitation was withdrawn'],
    ['locked', 'This invitation is locked'],
  ] as const)('a %s invitation is titled "%s"', (state, title) => {
    const html = renderLandingPage({ state, id: ID }, 'en-US', 'Doorway');
    expect(html).toContain(`<title>${title}</title>`);
    expect(html).toContain(`<h1>${title}</h1>`);
  });
});

describe('page language', () => {
  it('reads at most the first 20 Accept-Language entries', () => {
    const many = Array.from({ length: 20 }, (_, index) => `x${String.fromCharCode(97 + index)}`).join(',');
    expect(pageLanguage(undefined, `${many},ko`)).toBe('en-US');
    expect(pageLanguage(undefined, `${many.split(',').slice(1).join(',')},ko`)).toBe('ko-KR');
  });
});
