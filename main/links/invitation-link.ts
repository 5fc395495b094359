// Process: main (pure). Doorway invitation links, `https://<service>/join/<id>`: the page the
// organization's service sends guests. Accepted only on the service origin this build is
// configured with (branding `serviceUrl`); the same path on any other host is refused, so a link
// can never choose where main fetches an invitation from.
import { INVITATION_ID_PATTERN } from '../../common/invitation';

export interface InvitationOptions {
  /** The configured service's origin (`https://doorway.contoso.com`); empty or absent: invitations off. */
  serviceOrigin?: string;
}

export type InvitationVerdict = { kind: 'invitation'; id: string; url: string } | { kind: 'foreign' } | { kind: 'off' };

const JOIN_PATH = /^\/join\/([^/]+)\/?$/;

/** The canonical origin of a configured service URL, or null when there is none usable. */
export function serviceOriginOf(serviceUrl: string | undefined): string | null {
  if (!serviceUrl) return null;
  try {
    const url = new URL(serviceUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** True for an invitation id as the service issues them (22 base64url characters). */
export function isInvitationId(id: string): boolean {
  return INVITATION_ID_PATTERN.test(id);
}

export function invitationUrl(origin: string, id: string): string {
  return `${origin}/join/${id}`;
}

/** What an http(s) URL with an invitation's path is; null when its path is not `/join/<id>`. */
export function readInvitationUrl(url: URL, options: InvitationOptions): InvitationVerdict | null {
  const id = JOIN_PATH.exec(url.pathname)?.[1];
  if (id === undefined || !isInvitationId(id)) return null;
  const origin = serviceOriginOf(options.serviceOrigin);
  if (origin === null) return { kind: 'off' };
  if (url.origin !== origin || url.username || url.password) return { kind: 'foreign' };
  return { kind: 'invitation', id, url: invitationUrl(origin, id) };
}
