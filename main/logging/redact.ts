// Process: main. Scrubs secrets from anything written to a log: access tokens (JWTs), bearer
// headers, refresh grants, connection-string and app keys, meeting passcodes (in links and under
// every label the invitation parser reads), ACS user ids and Teams meeting thread ids. A secret
// may arrive URL-encoded (once or twice), quoted-printable or JSON-escaped: each decoded reading of
// the line is scrubbed too, and when decoding revealed a secret the scrubbed decoded line is what
// is kept. Linear patterns only: logs can hold a pasted email.
import { PASSCODE_LABELS } from '../links/invite-labels';

/** Names whose value is a secret wherever they appear as `name = value`, `name: value`, `"name": "value"`. */
const SECRET_NAMES = 'access_?key|accesskey|x-doorway-app-key|app_?key|tokenAppKey|refresh_?grant|token|secret|password|passcode|pwd';
/** Short names that are secrets only as URL parameters (`p=`, `sig=`): as words they are too common. */
const PARAM_NAMES = 'p|sig|code|key|grant';
const LABELS = PASSCODE_LABELS.map((label) => label.replace(/ /g, '\\s*')).join('|');

type Replacement = string | ((match: string, ...groups: string[]) => string);

const RULES: ReadonlyArray<[RegExp, Replacement]> = [
  // JWTs, glued to text or not: each dotted run is matched once from its start (linear), and the
  // token inside it, from '{"' base64url-encoded (eyJ) on, is replaced.
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,}/g, redactJwtIn],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/-]+=*/gi, '$1 [token]'],
  // Doorway refresh grants: v<n>.<user>.<expiry>[.<chain start>].<mac> (server/refresh-grant.ts).
  [/v\d{1,3}\.[A-Za-z0-9_-]+(?:\.\d{1,12}){1,2}\.[A-Za-z0-9_-]{20,}/g, '[grant]'],
  // JSON (escaped or not) and quoted forms: "name": "value", 'name': 'value'.
  [new RegExp(`(\\\\*["'](?:${SECRET_NAMES})\\\\*["']\\s*:\\s*\\\\*["'])[^"'\\\\]*`, 'gi'), '$1[redacted]'],
  // name = value, name: value, name = "value".
  [new RegExp(`(${SECRET_NAMES})(\\s*[=:]\\s*\\\\*["']?)[^\\s&;"',}]+`, 'gi'), '$1$2[redacted]'],
  [new RegExp(`\\b(${PARAM_NAMES})=[^&\\s;"']+`, 'gi'), '$1=[redacted]'],
  // ACS identities: 8:acs:<resource>_<guid>, 8:gcch-acs:..., and the token's skypeid acs:...
  [/\b8:[a-z-]{0,16}acs:[A-Za-z0-9_-]+/g, '8:acs:[user]'],
  [/\bacs:[A-Za-z0-9_-]{8,}/g, 'acs:[user]'],
  // Teams meeting threads: 19:meeting_<id>@thread.v2, 19:gcch:meeting_<id>… (raw or percent-encoded).
  [/19(?::|%3a)(?:[a-z]{2,16}(?::|%3a))?meeting_[A-Za-z0-9_-]+/gi, '19:meeting_[id]'],
  // Passcode lines of a pasted invitation, in every language the parser reads.
  [new RegExp(`(${LABELS})(\\s*[:：]\\s*|\\s+)[^\\s"'<]+`, 'giu'), '$1$2[redacted]'],
];

function redactJwtIn(run: string): string {
  const parts = run.split('.');
  for (let i = 0; i + 2 < parts.length; i++) {
    const at = parts[i].indexOf('eyJ');
    if (at === -1 || parts[i].length - at < 7 || parts[i + 1].length < 4) continue;
    return [...parts.slice(0, i), `${parts[i].slice(0, at)}[token]`, ...parts.slice(i + 3)].join('.');
  }
  return run;
}

function scrub(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement as never);
  return result;
}

/** One decoding step of the encodings a secret reaches a log in: %XX runs and quoted-printable =3D. */
function decodeOnce(text: string): string {
  return text
    .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    })
    .replace(/=3D/gi, '=');
}

/** Decoding levels looked at: a Safe Links wrapper of an encoded link is two deep. */
const MAX_DECODES = 3;

export function redact(text: string): string {
  let result = scrub(text);
  let reading = text;
  for (let depth = 0; depth < MAX_DECODES; depth++) {
    const decoded = decodeOnce(reading);
    if (decoded === reading) break;
    const scrubbed = scrub(decoded);
    // Decoding revealed a secret: keep the decoded line, scrubbed (it reads the same to a person).
    if (scrubbed !== decoded) result = scrubbed;
    reading = decoded;
  }
  return result;
}
