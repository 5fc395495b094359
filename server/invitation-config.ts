// Process: server. The invitation feature's configuration, from environment variables (see
// server/README.md, "Invitations: configuration"). Off unless PUBLIC_URL is set; once on, every
// variable it needs must be valid. Problems name the variable, never its value.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isLoopbackHttp } from './connection-string';
import type { GraphCredentialSettings } from './graph-client';
import type { Downloads } from './landing-page';

export interface InvitationConfig {
  /** The service's public origin, e.g. https://doorway.contoso.com */
  publicUrl: string;
  linkScheme: string;
  productName: string;
  /** HMAC key for code digests and audit digests. */
  invitationKey: string;
  graceMs: number;
  graph: GraphCredentialSettings & { authorityHost: string; baseUrl: string };
  staff: { tenantId: string; audiences: string[]; requiredRole: string; adminKey?: string };
  mailSender?: string;
  downloads: Downloads;
}

const httpsUrl = z
  .url()
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || isLoopbackHttp(url);
  }, 'must be an https URL');
const guid = (what: string) =>
  z.string({ error: `is not set: the app registration's ${what} (Entra admin center, App registrations, Overview)` }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `must be the ${what}, a GUID`);

const envSchema = z
  .object({
    PUBLIC_URL: httpsUrl.refine((value) => new URL(value).pathname === '/' && !new URL(value).search, 'must be an origin, with no path or query'),
    LINK_SCHEME: z.string().regex(/^[a-z][a-z0-9+.-]{1,31}$/).default('doorway'),
    PRODUCT_NAME: z.string().min(1).max(64).default('Doorway'),
    INVITATION_KEY: z.string({ error: 'is not set: 32 or more random characters (openssl rand -base64 33)' }).min(32, 'use at least 32 characters'),
    INVITATION_GRACE_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(120),
    GRAPH_TENANT_ID: guid('Directory (tenant) ID'),
    GRAPH_CLIENT_ID: guid('Application (client) ID'),
    GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
    GRAPH_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
    GRAPH_AUTHORITY_HOST: httpsUrl.default('https://login.microsoftonline.com'),
    GRAPH_BASE_URL: httpsUrl.default('https://graph.microsoft.com/v1.0'),
    STAFF_ROLE: z.string().min(1).max(120).default('Invitations.Create'),
    STAFF_AUDIENCE: z.string().min(1).max(256).optional(),
    ADMIN_KEY: z.string().min(32, 'use at least 32 characters').optional(),
    MAIL_SENDER: z.email('must be the mailbox address (UPN) mail is sent from').optional(),
    DOWNLOAD_WINDOWS_URL: httpsUrl.optional(),
    DOWNLOAD_MACOS_URL: httpsUrl.optional(),
    DOWNLOAD_LINUX_URL: httpsUrl.optional(),
  })
  .refine((env) => !!env.GRAPH_CLIENT_SECRET !== !!env.GRAPH_CLIENT_CERTIFICATE_PATH, {
    path: ['GRAPH_CLIENT_SECRET'],
    message: 'set exactly one of GRAPH_CLIENT_SECRET and GRAPH_CLIENT_CERTIFICATE_PATH',
  });

export type InvitationConfigResult = { ok: true; config: InvitationConfig | undefined } | { ok: false; problems: string[] };

/** undefined config: invitations are off (PUBLIC_URL unset). */
export function invitationConfigFromEnv(env: Readonly<Record<string, string | undefined>>, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): InvitationConfigResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  if (!present.PUBLIC_URL) return { ok: true, config: undefined };
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const e = parsed.data;
  let credential: GraphCredentialSettings;
  if (e.GRAPH_CLIENT_SECRET) credential = { tenantId: e.GRAPH_TENANT_ID, clientId: e.GRAPH_CLIENT_ID, clientSecret: e.GRAPH_CLIENT_SECRET };
  else {
    try {
      credential = { tenantId: e.GRAPH_TENANT_ID, clientId: e.GRAPH_CLIENT_ID, certificatePem: readFile(e.GRAPH_CLIENT_CERTIFICATE_PATH!) };
    } catch {
      return { ok: false, problems: ['GRAPH_CLIENT_CERTIFICATE_PATH: cannot be read (a PEM file with the private key and the certificate)'] };
    }
  }
  return {
    ok: true,
    config: {
      publicUrl: new URL(e.PUBLIC_URL).origin,
      linkScheme: e.LINK_SCHEME,
      productName: e.PRODUCT_NAME,
      invitationKey: e.INVITATION_KEY,
      graceMs: e.INVITATION_GRACE_MINUTES * 60_000,
      graph: { ...credential, authorityHost: e.GRAPH_AUTHORITY_HOST.replace(/\/+$/, ''), baseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, '') },
      staff: {
        tenantId: e.GRAPH_TENANT_ID,
        audiences: e.STAFF_AUDIENCE ? [e.STAFF_AUDIENCE] : [e.GRAPH_CLIENT_ID, `api://${e.GRAPH_CLIENT_ID}`],
        requiredRole: e.STAFF_ROLE,
        ...(e.ADMIN_KEY ? { adminKey: e.ADMIN_KEY } : {}),
      },
      ...(e.MAIL_SENDER ? { mailSender: e.MAIL_SENDER } : {}),
      downloads: {
        ...(e.DOWNLOAD_WINDOWS_URL ? { windows: e.DOWNLOAD_WINDOWS_URL } : {}),
        ...(e.DOWNLOAD_MACOS_URL ? { macos: e.DOWNLOAD_MACOS_URL } : {}),
        ...(e.DOWNLOAD_LINUX_URL ? { linux: e.DOWNLOAD_LINUX_URL } : {}),
      },
    },
  };
}
