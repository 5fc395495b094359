// Process: main. Where invitations come from: the branding's `serviceUrl` origin or, in an
// unpackaged run only, DOORWAY_SERVICE_URL (http to this machine allowed there, for a local
// service). Packaged builds use the organization's configuration and nothing else.
import { serviceOriginOf } from '../links';

export const SERVICE_URL_ENV = 'DOORWAY_SERVICE_URL';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface ServiceOriginInputs {
  configured: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
}

/** The origin main fetches invitations from, or null (invitations off). */
export function resolveServiceOrigin({ configured, env, isPackaged }: ServiceOriginInputs): string | null {
  const override = isPackaged ? undefined : env[SERVICE_URL_ENV]?.trim();
  const value = override || configured?.trim();
  const origin = serviceOriginOf(value);
  if (origin === null) return null;
  const url = new URL(origin);
  if (url.protocol === 'https:') return origin;
  return override && LOOPBACK_HOSTS.has(url.hostname) ? origin : null;
}
