// The audit trail's privacy rules: the invitation id (a bearer secret) only as a keyed digest, an
// email address masked plus a keyed digest that is the same however the address is capitalised,
// and nothing else about the guest.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAuditLog, maskEmail } from '../../server/audit-log';
import { createJsonLog } from '../../server/log';

const KEY = 'audit-key-0123456789-0123456789-abc';
const ID = 'AbCdEfGhIjKlMnOpQrStUv';

function recorder(key = KEY) {
  const lines: Array<Record<string, unknown>> = [];
  const audit = createAuditLog(createJsonLog((line) => lines.push(JSON.parse(line) as Record<string, unknown>), () => new Date('2030-01-02T09:00:00.000Z')), key);
  return { audit, lines };
}

describe('audit log', () => {
  it('writes one info line per event: a keyed digest of the id, the actor, the masked address and its digest, the channel', () => {
    const { audit, lines } = recorder();
    audit.record('codeSent', { invitationId: ID, actor: 'guest', email: 'Pat.Doe@Example.org', channel: 'page' });
    const digest = (value: string) => createHmac('sha256', KEY).update(value).digest('base64url').slice(0, 16);
    expect(lines).toEqual([
      {
        time: '2030-01-02T09:00:00.000Z',
        level: 'info',
        event: 'codeSent',
        audit: true,
        invitation: digest(`invitation:${ID}`),
        actor: 'guest',
        email: 'P•••@E•••.org',
        emailDigest: digest('email:pat.doe@example.org'),
        channel: 'page',
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain(ID);
    expect(JSON.stringify(lines)).not.toContain('Pat.Doe');
  });

  it('gives one address the same digest in any capitalisation, another address or another key a different one', () => {
    const { audit, lines } = recorder();
    audit.record('invitationCreated', { invitationId: ID, actor: 'adminKey', email: 'pat@example.org' });
    audit.record('invitationCreated', { invitationId: ID, actor: 'adminKey', email: 'PAT@EXAMPLE.ORG' });
    audit.record('invitationCreated', { invitationId: ID, actor: 'adminKey', email: 'sam@example.org' });
    const other = recorder('another-audit-key-0123456789-0123456789');
    other.audit.record('invitationCreated', { invitationId: ID, actor: 'adminKey', email: 'pat@example.org' });
    expect(lines[0].emailDigest).toBe(lines[1].emailDigest);
    expect(lines[2].emailDigest).not.toBe(lines[0].emailDigest);
    expect(other.lines[0].emailDigest).not.toBe(lines[0].emailDigest);
    expect(other.lines[0].invitation).not.toBe(lines[0].invitation);
    // The id and an address equal to it do not share a digest (each is tagged with its kind).
    audit.record('invitationOpened', { invitationId: 'x@y.z', actor: 'guest', email: 'x@y.z' });
    expect(lines[3].invitation).not.toBe(lines[3].emailDigest);
  });

  it('leaves out the address and the channel when there are none', () => {
    const { audit, lines } = recorder();
    audit.record('invitationRevoked', { invitationId: ID, actor: 'staff-oid' });
    expect(Object.keys(lines[0])).toEqual(['time', 'level', 'event', 'audit', 'invitation', 'actor']);
  });

  it('masks an address to its first letters and top-level domain, whatever its shape', () => {
    expect(maskEmail('pat@example.org')).toBe('p•••@e•••.org');
    expect(maskEmail('pat@mail.example.co.uk')).toBe('p•••@m•••.uk');
    expect(maskEmail('pat@localhost')).toBe('p•••@l•••');
    expect(maskEmail('pat@.org')).toBe('p•••@.•••');
    expect(maskEmail('not-an-address')).toBe('n•••@•••');
  });
});
