// Process: main. Which token source a run uses, and why. An explicit DOORWAY_TOKEN_ENDPOINT wins
// over ACS_CONNECTION_STRING (pointing at a service is the more specific request; a connection
// string often lingers in a shell), and the ignored one is named in the log. Packaged builds use
// the build's tokenEndpoint only: neither variable can redirect a guest's app.
import { DEV_CONNECTION_STRING_ENV } from './dev-identity';
import { TOKEN_ENDPOINT_ENV } from './endpoint';

export type TokenSourceChoice = {
  use: 'envEndpoint' | 'devIdentity' | 'buildEndpoint' | 'none';
  /** For the log: why this source, in a sentence; never a value (a connection string is a secret). */
  why: string;
  /** Variables that are set but not used, each with its reason. */
  ignored: { name: string; reason: string }[];
};

export interface SourceChoiceInputs {
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
  /** build/branding.json's tokenEndpoint ('' when the build has none). */
  buildEndpoint: string;
}

export function chooseTokenSource({ env, isPackaged, buildEndpoint }: SourceChoiceInputs): TokenSourceChoice {
  const endpointSet = Boolean(env[TOKEN_ENDPOINT_ENV]?.trim());
  const connectionSet = Boolean(env[DEV_CONNECTION_STRING_ENV]?.trim());
  const buildSet = Boolean(buildEndpoint.trim());
  const fromBuild = buildSet ? `the build's tokenEndpoint (build/branding.json)` : 'nothing';
  if (isPackaged) {
    const ignored = [TOKEN_ENDPOINT_ENV, DEV_CONNECTION_STRING_ENV]
      .filter((name) => env[name]?.trim())
      .map((name) => ({ name, reason: 'a packaged build uses its branding only' }));
    return buildSet
      ? { use: 'buildEndpoint', why: `packaged build: ${fromBuild}`, ignored }
      : { use: 'none', why: 'packaged build without a tokenEndpoint in its branding', ignored };
  }
  if (endpointSet) {
    const ignored = connectionSet ? [{ name: DEV_CONNECTION_STRING_ENV, reason: `${TOKEN_ENDPOINT_ENV} is set and wins` }] : [];
    return { use: 'envEndpoint', why: `${TOKEN_ENDPOINT_ENV} is set (development run; it overrides ${fromBuild})`, ignored };
  }
  if (connectionSet) {
    return { use: 'devIdentity', why: `${DEV_CONNECTION_STRING_ENV} is set (development run): main issues tokens itself`, ignored: [] };
  }
  if (buildSet) return { use: 'buildEndpoint', why: `neither ${TOKEN_ENDPOINT_ENV} nor ${DEV_CONNECTION_STRING_ENV} is set: ${fromBuild}`, ignored: [] };
  return { use: 'none', why: `nothing configured: set ${TOKEN_ENDPOINT_ENV} (e.g. npm run token-server) or ${DEV_CONNECTION_STRING_ENV}, or tokenEndpoint in build/branding.json`, ignored: [] };
}
