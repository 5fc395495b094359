// Process: main. The token service the IPC handlers use. Picks the source (source-choice.ts, and
// logs which and why): in an unpackaged run DOORWAY_TOKEN_ENDPOINT, else the development identity
// issuer with ACS_CONNECTION_STRING, else the organization's token service from the build
// configuration, else one that answers 'notConfigured' (the join screen then says what to
// configure). Replies carry no user id: it stays in main. Each meeting
// gets its own ACS identity: when a meeting ends, the token and its identity are forgotten, so two
// meetings in one run are not linked to one guest in Teams' records.
import { createDevIdentitySource, DEV_CONNECTION_STRING_ENV } from './dev-identity';
import { resolveTokenEndpoint } from './endpoint';
import { chooseTokenSource } from './source-choice';
import { createTokenClient, type TokenClientOptions } from './token-client';
import type { TokenReply } from '../../common/ipc-contract';
import type { TokenLog, TokenSource } from './types';


export type TokenSourceMode = 'service' | 'development' | 'notConfigured';

export interface TokenServiceOptions extends Omit<TokenClientOptions, 'endpoint' | 'log' | 'appKey'> {
  /** The build configuration (build/branding.json); the app key goes to the build's endpoint only. */
  branding: { tokenEndpoint: string; tokenAppKey?: string };
  isPackaged: boolean;
  /** process.env in the app. */
  env: Readonly<Record<string, string | undefined>>;
  /** A line per event; lines hold event names and non-secret fields only. */
  log?: (message: string) => void;
}

export interface TokenService {
  readonly mode: TokenSourceMode;
  /** False when no token can ever come (no endpoint, or a rejected one): the join screen says so up front. */
  readonly configured: boolean;
  /** For getToken and the renderer's tokenRefresher alike (see TokenSource.getToken). */
  get(displayName: string): Promise<TokenReply>;
  prefetch(displayName: string): void;
  /** The guest's visit ended: forget the token and the identity. */
  clear(): void;
  /** The renderer's call presence: the end of a meeting forgets the identity (see above). */
  presenceChanged(inMeeting: boolean): void;
}

export function createTokenService(options: TokenServiceOptions): TokenService {
  const { branding, isPackaged, env, log: writeLine = () => {}, ...clientOptions } = options;
  const log: TokenLog = (event, fields) => writeLine(fields ? `tokens: ${event} ${JSON.stringify(fields)}` : `tokens: ${event}`);
  const { source, mode } = pickSource();

  function pickSource(): { source: TokenSource; mode: TokenSourceMode } {
    const choice = chooseTokenSource({ env, isPackaged, buildEndpoint: branding.tokenEndpoint });
    log('source', { use: choice.use, why: choice.why, ...(choice.ignored.length > 0 && { ignored: choice.ignored }) });
    const connectionString = env[DEV_CONNECTION_STRING_ENV]?.trim();
    if (choice.use === 'devIdentity' && connectionString) {
      const dev = createDevIdentitySource({ connectionString, isPackaged, log, ...(clientOptions.now && { now: clientOptions.now }) });
      if (dev.kind === 'ok') return { source: dev.source, mode: 'development' };
      log('devIdentityUnavailable', { reason: dev.kind === 'refused' ? 'packaged' : 'invalidConnectionString' });
    }
    const endpoint = resolveTokenEndpoint({ configured: branding.tokenEndpoint, env, isPackaged });
    if (endpoint.kind === 'ok') {
      log('tokenEndpoint', { source: endpoint.source });
      // The organization's APP_KEY (server/README.md) belongs to its service, not a developer's override.
      const appKey = endpoint.source === 'build' ? branding.tokenAppKey : undefined;
      return { source: createTokenClient({ ...clientOptions, endpoint: endpoint.url, log, ...(appKey && { appKey }) }), mode: 'service' };
    }
    log('tokenEndpointUnavailable', endpoint.kind === 'invalid' ? { reason: endpoint.reason, source: endpoint.source } : { reason: 'notConfigured' });
    return { source: notConfiguredSource, mode: 'notConfigured' };
  }

  let inMeeting = false;
  return {
    mode,
    configured: mode !== 'notConfigured',
    async get(displayName) {
      const result = await source.getToken(displayName);
      if (!result.ok) return result;
      return { ok: true, token: result.token, expiresOnMs: result.expiresOnMs, ...(result.chatEndpoint && { chatEndpoint: result.chatEndpoint }) };
    },
    prefetch: (displayName) => source.prefetch(displayName),
    clear: () => source.clear(),
    presenceChanged(now) {
      if (inMeeting && !now) {
        log('meetingEndedIdentityDropped');
        source.clear();
      }
      inMeeting = now;
    },
  };
}

const notConfiguredSource: TokenSource = {
  getToken: () => Promise.resolve({ ok: false, error: 'notConfigured' }),
  prefetch: () => {},
  clear: () => {},
};
