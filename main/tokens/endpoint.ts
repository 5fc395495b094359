// Process: main. Where the token service lives: the URL an organization puts in its build
// configuration, or, in development only, DOORWAY_TOKEN_ENDPOINT. Only https, so the token and the
// guest's name never cross the network in clear; http to this machine is allowed in development.

export const TOKEN_ENDPOINT_ENV = 'DOORWAY_TOKEN_ENDPOINT';

export type EndpointInvalidReason =
  | 'notAUrl'
  /** A user name or password in the URL: a secret that would end up in places URLs go. */
  | 'credentialsInUrl'
  | 'insecureScheme'
  /** http://localhost in a packaged build. */
  | 'loopbackInPackagedBuild';

export type EndpointResolution =
  | { kind: 'ok'; url: string; source: 'build' | 'env' }
  | { kind: 'notConfigured' }
  | { kind: 'invalid'; reason: EndpointInvalidReason; source: 'build' | 'env' };

export interface EndpointInputs {
  /** The build configuration's token endpoint; empty or undefined when the build has none. */
  configured: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function resolveTokenEndpoint({ configured, env, isPackaged }: EndpointInputs): EndpointResolution {
  // Packaged builds ignore the override: the organization's build decides where tokens come from.
  const override = isPackaged ? undefined : env[TOKEN_ENDPOINT_ENV]?.trim();
  const source = override ? 'env' : 'build';
  const value = override || configured?.trim();
  if (!value) return { kind: 'notConfigured' };

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'invalid', reason: 'notAUrl', source };
  }
  if (url.username || url.password) return { kind: 'invalid', reason: 'credentialsInUrl', source };
  if (url.protocol === 'https:') return { kind: 'ok', url: url.href, source };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) {
    return isPackaged ? { kind: 'invalid', reason: 'loopbackInPackagedBuild', source } : { kind: 'ok', url: url.href, source };
  }
  return { kind: 'invalid', reason: 'insecureScheme', source };
}
