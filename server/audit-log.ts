// Process: server. The invitations' audit trail: creation, mail, codes, verification, opening,
// revocation, as JSON lines (`audit: true`) through the service log. It holds no more personal
// data than needed: the invitation id is a bearer secret, so only a keyed digest of it is written;
// email addresses appear masked plus a keyed digest (to correlate, not to read back).
import { createHmac } from 'node:crypto';
import type { ServerLog } from './log';

export type AuditEvent =
  | 'invitationCreated'
  | 'invitationMailed'
  | 'codeSent'
  | 'codeRejected'
  | 'invitationLocked'
  | 'invitationVerified'
  | 'invitationOpened'
  | 'invitationRevoked';

export interface AuditFields {
  invitationId: string;
  /** A staff object id, 'adminKey' or 'guest'. */
  actor: string;
  email?: string;
  channel?: 'api' | 'page';
}

export interface AuditLog {
  record(event: AuditEvent, fields: AuditFields): void;
}

export function createAuditLog(log: ServerLog, key: string): AuditLog {
  const digest = (kind: string, value: string) => createHmac('sha256', key).update(`${kind}:${value}`).digest('base64url').slice(0, 16);
  return {
    record(event, { invitationId, actor, email, channel }) {
      log.info(event, {
        audit: true,
        invitation: digest('invitation', invitationId),
        actor,
        ...(email ? { email: maskEmail(email), emailDigest: digest('email', email.toLowerCase()) } : {}),
        ...(channel ? { channel } : {}),
      });
    },
  };
}

/** `p•••@e•••.com`: enough for a guest to recognise the address, not enough to read it. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}•••@${host.slice(0, 1)}•••${tld}`;
}
