// Process: server. The landing page's only stylesheet and script. The stylesheet is inline in the
// page, admitted by its hash alone (a guest on a slow link waits for no second round trip before
// the page shows); the script is served same-origin (the CSP allows no inline script). It is an
// enhancement: it shows the meeting time in the browser's own time zone and adds a copy button;
// the page works without it.
import { createHash } from 'node:crypto';

export const LANDING_CSS = `
:root { color-scheme: light; font-family: "Segoe UI", system-ui, sans-serif; color: #1b1b1f; background: #f5f5f7; }
body { margin: 0; }
main { max-width: 34rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgb(0 0 0 / 12%); }
.brand { margin: 0 0 1rem; font-weight: 600; color: #4f52b2; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.note { color: #4a4a52; font-size: .9rem; }
.button, button { display: inline-block; padding: .6rem 1.2rem; border: 0; border-radius: 4px; background: #4f52b2; color: #fff; font: inherit; text-decoration: none; cursor: pointer; }
.secondary { background: #fff; color: #3d3f99; border: 1px solid #3d3f99; }
.button:focus-visible, button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #1b1b1f; outline-offset: 2px; }
.copy-row { display: flex; gap: .5rem; margin-block-start: .25rem; }
input { flex: 1; min-width: 0; padding: .5rem; font: inherit; border: 1px solid #6b6b75; border-radius: 4px; }
label { display: block; margin-block-start: 1.5rem; }
form { margin-block-start: 1rem; }
.notice { padding: .5rem .75rem; border-inline-start: 4px solid #4f52b2; background: #f0f0fa; }
.notice.problem { border-color: #a4262c; background: #fdf3f4; }
.languages { margin-block-start: 2rem; font-size: .9rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
a { color: #3d3f99; }
@media (forced-colors: active) { .button, button { border: 1px solid ButtonText; } }
`.trim();

/** The CSP source that admits LANDING_CSS inline and nothing else. */
export const LANDING_CSS_HASH = `'sha256-${createHash('sha256').update(LANDING_CSS).digest('base64')}'`;

export const LANDING_JS = `
'use strict';
(function () {
  var lang = document.documentElement.lang;
  // The browser's own variant of the page language (en-GB: 18:00, en-US: 6:00 PM).
  var locale = (navigator.language || '').split('-')[0] === lang ? navigator.language : lang;
  var times = document.querySelectorAll('time[datetime][data-ends]');
  try {
    var zone = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' });
    var format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });
    for (var i = 0; i < times.length; i++) {
      var start = new Date(times[i].getAttribute('datetime'));
      var end = new Date(times[i].getAttribute('data-ends'));
      var name = zone.formatToParts(start).filter(function (p) { return p.type === 'timeZoneName'; })[0];
      times[i].textContent = format.formatRange(start, end) + (name ? ' (' + name.value + ')' : '');
    }
    var note = document.querySelector('[data-time-note]');
    if (note && times.length) note.hidden = true;
  } catch (e) { /* keep the server's UTC time */ }
  var buttons = document.querySelectorAll('button[data-copy]');
  for (var j = 0; j < buttons.length; j++) {
    (function (button) {
      var input = document.getElementById(button.getAttribute('data-copy'));
      if (!input || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(input.value).then(function () { button.textContent = button.getAttribute('data-done'); });
      });
    })(buttons[j]);
  }
})();
`.trim();
