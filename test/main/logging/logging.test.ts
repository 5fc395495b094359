import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotatingLog } from '../../../main/logging/rotating-log';
import { redact } from '../../../main/logging/redact';

const jwt = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJza3lwZWlkIjoiYWNzOjEyMyIsImV4cCI6MTd9.c2lnbmF0dXJlLXBhcnQ';

describe('redaction', () => {
  it('removes tokens, keys, passcodes, user ids and meeting threads', () => {
    const text = [
      `token ${jwt}`,
      'Authorization: Bearer abc.def.ghi',
      'endpoint=https://x.communication.azure.com/;accesskey=c2VjcmV0S2V5PT0=',
      'https://teams.microsoft.com/meet/123456?p=Abc123XyZ',
      '{"token":"secret-value","expiresOn":"2026"}',
      'user 8:acs:1234abcd-aaaa_0000-bbbb',
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmFrZW1lZXRpbmc@thread.v2/0',
      'https://gov.teams.microsoft.us/l/meetup-join/19%3agcch%3ameeting_R292TWVldGluZw@thread.v2/0',
      'Kenncode\u202f: kX9pQ3',
      'Passcode: kX9pQ2',
      '암호: kX9pQ2',
    ].join('\n');
    const out = redact(text);
    for (const secret of [jwt, 'abc.def.ghi', 'c2VjcmV0S2V5PT0', 'Abc123XyZ', 'secret-value', '1234abcd-aaaa_0000-bbbb', 'ZmFrZW1lZXRpbmc', 'R292TWVldGluZw', 'kX9pQ2', 'kX9pQ3']) {
      expect(out, secret).not.toContain(secret);
    }
    expect(out).toContain('https://teams.microsoft.com/meet/123456');
  });

  it('stays fast on a large adversarial line', () => {
    const started = performance.now();
    redact(`${'eyJ'.repeat(100_000)} ${'token='.repeat(50_000)}`);
    redact(`${'a-'.repeat(100_000)} ${'eyJa.'.repeat(50_000)} ${'%41'.repeat(50_000)} ${'v1.'.repeat(50_000)}`);
    redact(`${'Passcode '.repeat(20_000)} ${'8:'.repeat(50_000)} ${'"token":'.repeat(20_000)}`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('rotating log', () => {
  it('writes redacted single lines and rotates by size, keeping a bounded number of files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'doorway-logs-'));
    const log = createRotatingLog({ directory: dir, maxBytes: 400, keep: 2, now: () => new Date('2026-11-25T00:00:00Z') });
    log.info(`got ${jwt}\nsecond line`);
    for (let i = 0; i < 40; i++) log.warn(`line ${i} ${'x'.repeat(40)}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    const all = files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('');
    expect(all).not.toContain(jwt);
    expect(readFileSync(log.file, 'utf8')).toContain('line 39');
    expect(log.recent().at(-1)).toContain('WARN line 39');
    expect(log.recent().join('\n')).not.toMatch(/\nsecond line/);
  });
});

describe('rotating log in a profile that cannot be written', () => {
  it('never throws: lines are still kept for "Copy diagnostics"', () => {
    const blocker = path.join(mkdtempSync(path.join(tmpdir(), 'doorway-log-')), 'a-file');
    writeFileSync(blocker, '');
    const log = createRotatingLog({ directory: path.join(blocker, 'logs') });
    log.error('start-up problem');
    expect(log.recent().join('\n')).toContain('start-up problem');
  });
});
