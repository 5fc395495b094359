// Property tests of log redaction: every secret shape the app itself handles (ACS tokens, refresh
// grants, access keys, the app key, meeting passcodes under every label the invitation parser
// knows, ACS user ids), in every wrapping a log line can give it (glued to text, URL-encoded once
// or twice, quoted-printable, JSON-escaped, inside an email security wrapper), goes into the real
// logger and never comes out, in the file or in "Copy diagnostics".
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSCODE_LABELS } from '../../../main/links/invite-labels';
import { createRotatingLog } from '../../../main/logging/rotating-log';

// Upper, lower, digit first: such a string never occurs by chance in the fixed text around it.
const secret = fc.stringMatching(/^[A-Z][a-z][0-9][A-Za-z0-9]{7,20}$/);

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const SHAPES: Record<string, (s: string) => string> = {
  jwtSignature: (s) => `${b64('{"alg":"RS256"}')}.${b64('{"skypeid":"acs:x"}')}.${s}`,
  jwtPayload: (s) => `${b64('{"alg":"RS256"}')}.${b64(`{"skypeid":"acs:${s}"}`)}.c2ln`,
  bearer: (s) => `Authorization: Bearer ${s}`,
  refreshGrantV1: (s) => `v1.${b64('8:acs:resource_user')}.1790000000.${(s + 'Q'.repeat(43)).slice(0, 43)}`,
  refreshGrant: (s) => `v2.${b64('8:acs:resource_user')}.1790000000.1789990000.${(s + 'Q'.repeat(43)).slice(0, 43)}`,
  refreshGrantJson: (s) => `{"displayName":"Ada","refreshGrant":"${s}"}`,
  tokenJson: (s) => `{"token":"${s}","expiresOn":"2026-12-02T00:00:00Z"}`,
  connectionString: (s) => `endpoint=https://x.communication.azure.com/;accesskey=${s}`,
  accessKeySpaced: (s) => `AccessKey = "${s}"`,
  accessKeyQuoted: (s) => `{'accesskey': '${s}'}`,
  accessKeyColon: (s) => `access_key: ${s}`,
  appKeyHeader: (s) => `x-doorway-app-key: ${s}`,
  appKeyJson: (s) => `{"x-doorway-app-key":"${s}"}`,
  appKeyBranding: (s) => `"tokenAppKey": "${s}"`,
  teamsShortLink: (s) => `https://teams.microsoft.com/meet/2345678901234?p=${s}`,
  deepLink: (s) => `doorway://join?meetingId=2345678901234&passcode=${s}`,
  userId: (s) => `8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_${s}`,
  govUserId: (s) => `8:gcch-acs:${s}`,
  ...Object.fromEntries(
    PASSCODE_LABELS.flatMap((label) => [
      [`label ${label}`, (s: string) => `${label}: ${s}`],
      [`label ${label} (full-width colon)`, (s: string) => `${label}：${s}`],
      [`label ${label} (space before colon)`, (s: string) => `${label} : ${s}`],
    ]),
  ),
};

const WRAPPINGS: Record<string, (text: string) => string> = {
  plain: (t) => t,
  glued: (t) => `abc${t}xyz`,
  sentence: (t) => `renderer: could not join (${t}) after 3 tries`,
  urlEncoded: (t) => encodeURIComponent(t),
  urlEncodedTwice: (t) => encodeURIComponent(encodeURIComponent(t)),
  safeLinks: (t) => `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(t)}&data=05%7C02`,
  jsonString: (t) => JSON.stringify({ message: t }),
  quotedPrintable: (t) => t.replace(/=/g, '=3D'),
  multiline: (t) => `first line\n${t}\r\nlast line`,
};

describe('log redaction (properties)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'doorway-redact-'));
  const log = createRotatingLog({ directory: dir, maxBytes: 50_000_000 });

  for (const [shapeName, shape] of Object.entries(SHAPES)) {
    it(`never lets a secret out: ${shapeName}`, () => {
      fc.assert(
        fc.property(secret, fc.constantFrom(...Object.keys(WRAPPINGS)), (value, wrappingName) => {
          const line = WRAPPINGS[wrappingName](shape(value));
          log.warn(line);
          const out = log.recent().at(-1) ?? '';
          return !out.includes(value);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('writes to the file exactly what "Copy diagnostics" shows', () => {
    const file = readFileSync(log.file, 'utf8').trimEnd().split('\n');
    expect(file.slice(-5)).toEqual(log.recent().slice(-5));
  });

  it('keeps what is not secret: hosts, meeting ids, error codes', () => {
    log.info('join failed: https://teams.microsoft.com/meet/2345678901234?p=Ab3secretX code 490/4525 error code: 403');
    const out = log.recent().at(-1) ?? '';
    expect(out).toContain('https://teams.microsoft.com/meet/2345678901234');
    expect(out).toContain('490/4525');
    expect(out).toContain('error code: 403');
  });
});
