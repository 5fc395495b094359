// A loopback stand-in for Microsoft Entra ID (login.microsoftonline.com) over HTTPS, as MSAL
// requires: OpenID discovery, the v2 token endpoint checked the way Entra checks a client-credentials
// request (form body, client id, secret or certificate assertion, `.default` scope), the tenant's
// signing keys (JWKS), and minted staff tokens for the staff API. Real @azure/identity talks to it.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importX509, jwtVerify, SignJWT, decodeProtectedHeader, type JWTPayload } from 'jose';
import { fetchTrusting, loopbackTls } from './loopback-tls';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface StaffTokenOptions {
  tenantId?: string;
  roles?: string[];
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  audience?: string;
  /** Sign with a key that is not in the JWKS (a forged token). */
  forged?: boolean;
  /** 'v1': the issuer an API whose accessTokenAcceptedVersion is unset gets (sts.windows.net). */
  issuerVersion?: 'v1' | 'v2';
  /** Claims to set in place of the usual ones; undefined drops a claim. */
  claims?: Record<string, unknown>;
}

export interface TokenRequest {
  tenant: string;
  form: Record<string, string>;
  /** The answer's status. */
  status: number;
}

export interface FakeEntra {
  /** `https://127.0.0.1:<port>`: give it to @azure/identity as `authorityHost`. */
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The certificate the stand-in serves, for clients that must trust it. */
  ca: string;
  /** A fetch that trusts `ca` (for jose's JWKS fetch). */
  fetch: typeof fetch;
  tokenRequests: TokenRequest[];
  /** Application permissions (app roles) Graph tokens carry; change to test a missing consent. */
  graphRoles: string[];
  /** Registers a client certificate (PEM) that may sign client assertions instead of the secret. */
  registerCertificate(pem: string): void;
  /** Answers the next `times` token requests with `status` (an Entra-shaped error). */
  failNext(status: number, times?: number): void;
  /** Accepts the next token request and never answers it (a hung Entra). */
  stallNextToken(): void;
  /** How many token requests the stand-in has taken and left unanswered (stallNextToken). */
  readonly heldTokenRequests: number;
  mintStaffToken(options?: StaffTokenOptions): Promise<string>;
  /** Checks a bearer token as Graph would; the claims, or undefined. */
  verifyGraphToken(token: string): Promise<JWTPayload | undefined>;
  close(): Promise<void>;
}

export async function startFakeEntra(options: { tenantId?: string; clientId?: string; clientSecret?: string } = {}): Promise<FakeEntra> {
  const tenantId = options.tenantId ?? randomUUID();
  const clientId = options.clientId ?? randomUUID();
  const clientSecret = options.clientSecret ?? `secret~${randomUUID()}`;
  const tls = loopbackTls();
  const signing = await generateKeyPair('RS256');
  const rogue = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(signing.publicKey)), kid, use: 'sig', alg: 'RS256' };
  const certificates: string[] = [];
  const failures: number[] = [];
  const tokenRequests: TokenRequest[] = [];
  let stalls = 0;
  let held = 0;
  let base = '';

  const fake: FakeEntra = {
    authorityHost: '',
    tenantId,
    clientId,
    clientSecret,
    ca: tls.cert,
    fetch: fetchTrusting(tls.cert),
    tokenRequests,
    graphRoles: ['OnlineMeetings.ReadWrite.All', 'Mail.Send'],
    registerCertificate: (pem) => void certificates.push(pem),
    failNext(status, times = 1) {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    stallNextToken: () => void (stalls += 1),
    get heldTokenRequests() {
      return held;
    },
    async mintStaffToken(staff = {}) {
      const tid = staff.tenantId ?? tenantId;
      const now = Math.floor(Date.now() / 1000);
      const expiresIn = staff.expiresIn ?? 3600;
      const claims: Record<string, unknown> = { tid, oid: randomUUID(), roles: staff.roles ?? ['Invitations.Create'], ver: '2.0', azp: randomUUID(), ...staff.claims };
      for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(staff.issuerVersion === 'v1' ? `https://sts.windows.net/${tid}/` : `${base}/${tid}/v2.0`)
        .setAudience(staff.audience ?? clientId)
        .setIssuedAt(now - 60 + Math.min(0, expiresIn))
        .setNotBefore(now - 60 + Math.min(0, expiresIn))
        .setExpirationTime(now + expiresIn)
        .sign(staff.forged ? rogue.privateKey : signing.privateKey);
    },
    async verifyGraphToken(token) {
      try {
        const { payload } = await jwtVerify(token, signing.publicKey, { audience: GRAPH_AUDIENCE, issuer: `${base}/${tenantId}/v2.0` });
        return payload;
      } catch {
        return undefined;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => send(res, 500, { error: 'server_error' })));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', base);
    const [tenant, ...rest] = url.pathname.split('/').filter(Boolean);
    const route = rest.join('/');
    if (!tenant) return send(res, 404, { error: 'not_found' });
    if (tenant !== tenantId && route !== 'discovery/v2.0/keys') {
      return aadError(res, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
    }
    if (req.method === 'GET' && route === 'v2.0/.well-known/openid-configuration') {
      return send(res, 200, {
        token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
        jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
        issuer: `${base}/${tenant}/v2.0`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
      });
    }
    if (req.method === 'GET' && route === 'discovery/v2.0/keys') return send(res, 200, { keys: [jwk] });
    if (req.method === 'POST' && route === 'oauth2/v2.0/token') {
      if (stalls > 0) {
        stalls -= 1;
        held += 1;
        return;
      }
      const answer = await tokenAnswer(tenant, req, body);
      tokenRequests.push({ tenant, form: Object.fromEntries(new URLSearchParams(body)), status: answer.status });
      return send(res, answer.status, answer.body);
    }
    send(res, 404, { error: 'not_found' });
  }

  async function tokenAnswer(tenant: string, req: IncomingMessage, body: string): Promise<{ status: number; body: object }> {
    const error = (status: number, code: string, aadsts: number, description: string) => ({
      status,
      body: { error: code, error_description: `AADSTS${aadsts}: ${description}`, error_codes: [aadsts], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID() },
    });
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return error(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
    }
    const form = new URLSearchParams(body);
    const injected = failures.shift();
    if (injected !== undefined) return error(injected, injected >= 500 ? 'temporarily_unavailable' : 'invalid_client', 50000, 'Injected failure.');
    if (form.get('grant_type') !== 'client_credentials') return error(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    if (form.get('client_id') !== clientId) return error(400, 'unauthorized_client', 700016, `Application with identifier '${form.get('client_id')}' was not found in the directory.`);
    const scope = form.get('scope') ?? '';
    if (!/(^| )https:\/\/graph\.microsoft\.com\/\.default( |$)/.test(scope)) {
      return error(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`);
    }
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      if (secret !== clientSecret) return error(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    } else if (assertion !== null && form.get('client_assertion_type') === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      if (!(await assertionValid(assertion, `${base}/${tenant}/oauth2/v2.0/token`))) {
        return error(401, 'invalid_client', 700027, 'The certificate with identifier used to sign the client assertion is not registered on application.');
      }
    } else {
      return error(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({ tid: tenantId, roles: fake.graphRoles, appid: clientId, idtyp: 'app', ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(`${base}/${tenantId}/v2.0`)
      .setAudience(GRAPH_AUDIENCE)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 3599)
      .sign(signing.privateKey);
    return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken } };
  }

  /** A client assertion signed by a registered certificate, for this token endpoint, issued by the client. */
  async function assertionValid(assertion: string, tokenEndpoint: string): Promise<boolean> {
    try {
      const { alg } = decodeProtectedHeader(assertion);
      for (const pem of certificates) {
        const key = await importX509(pem, alg ?? 'RS256');
        // Entra allows five minutes of clock skew.
        const verified = await jwtVerify(assertion, key, { audience: tokenEndpoint, issuer: clientId, subject: clientId, clockTolerance: 300 }).catch(() => undefined);
        if (verified) return true;
      }
    } catch {
      return false;
    }
    return false;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.authorityHost = base;
  return fake;
}

function aadError(res: ServerResponse, status: number, code: string, aadsts: number, description: string) {
  send(res, status, { error: code, error_description: `AADSTS${aadsts}: ${description}`, error_codes: [aadsts] });
}

function send(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
