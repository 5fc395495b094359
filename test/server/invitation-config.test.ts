// The invitation feature's configuration: off without PUBLIC_URL; once on, each problem named by
// its variable (never its value); defaults; the certificate read from its path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invitationConfigFromEnv } from '../../server/invitation-config';

const TENANT = '0b5c2f8e-8a0e-4a43-9d55-7f0e9d3f1a11';
const CLIENT = '6f1d2b3c-1111-4222-8333-944455556666';
const base = { PUBLIC_URL: 'https://doorway.contoso.com', INVITATION_KEY: 'k'.repeat(40), GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: CLIENT, GRAPH_CLIENT_SECRET: 'top-secret-value' };

describe('invitation configuration', () => {
  it('is off without PUBLIC_URL, and reads defaults once on', () => {
    expect(invitationConfigFromEnv({})).toEqual({ ok: true, config: undefined });
    const parsed = invitationConfigFromEnv(base);
    expect(parsed).toMatchObject({
      ok: true,
      config: {
        publicUrl: 'https://doorway.contoso.com',
        linkScheme: 'doorway',
        graceMs: 120 * 60_000,
        graph: { tenantId: TENANT, clientId: CLIENT, clientSecret: 'top-secret-value', authorityHost: 'https://login.microsoftonline.com', baseUrl: 'https://graph.microsoft.com/v1.0' },
        staff: { tenantId: TENANT, audiences: [CLIENT, `api://${CLIENT}`], requiredRole: 'Invitations.Create' },
        downloads: {},
      },
    });
  });

  it('names each problem by its variable, never its value', () => {
    const parsed = invitationConfigFromEnv({ ...base, PUBLIC_URL: 'http://doorway.contoso.com/path', INVITATION_KEY: 'short-secret', GRAPH_TENANT_ID: undefined, GRAPH_CLIENT_CERTIFICATE_PATH: '/x.pem', DOWNLOAD_WINDOWS_URL: 'ftp://x' });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? '' : parsed.problems.join('\n');
    for (const name of ['PUBLIC_URL', 'INVITATION_KEY', 'GRAPH_TENANT_ID: is not set', 'DOWNLOAD_WINDOWS_URL']) expect(problems).toContain(name);
    expect(problems).not.toContain('short-secret');
    expect(problems).not.toContain('top-secret-value');
    expect(invitationConfigFromEnv({ ...base, GRAPH_CLIENT_CERTIFICATE_PATH: '/x.pem' })).toEqual({ ok: false, problems: [expect.stringContaining('GRAPH_CLIENT_SECRET: set exactly one')] });
  });

  it('reads every variable into its field: origins without a trailing slash, minutes as milliseconds, one staff audience when named', () => {
    const env = {
      ...base,
      PUBLIC_URL: 'https://doorway.contoso.com/',
      LINK_SCHEME: 'contoso-doorway',
      PRODUCT_NAME: 'Contoso Meet',
      INVITATION_GRACE_MINUTES: '30',
      GRAPH_AUTHORITY_HOST: 'https://login.microsoftonline.us//',
      GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0//',
      STAFF_ROLE: 'Doorway.Invite',
      STAFF_AUDIENCE: 'api://doorway.contoso.com',
      ADMIN_KEY: 'a'.repeat(32),
      MAIL_SENDER: 'doorway@contoso.com',
      DOWNLOAD_WINDOWS_URL: 'https://downloads.contoso.com/Doorway-Setup.exe',
      DOWNLOAD_MACOS_URL: 'https://downloads.contoso.com/Doorway.dmg',
      DOWNLOAD_LINUX_URL: 'https://downloads.contoso.com/Doorway.AppImage',
    };
    expect(invitationConfigFromEnv(env)).toEqual({
      ok: true,
      config: {
        publicUrl: 'https://doorway.contoso.com',
        linkScheme: 'contoso-doorway',
        productName: 'Contoso Meet',
        invitationKey: 'k'.repeat(40),
        graceMs: 30 * 60_000,
        graph: { tenantId: TENANT, clientId: CLIENT, clientSecret: 'top-secret-value', authorityHost: 'https://login.microsoftonline.us', baseUrl: 'https://graph.microsoft.us/v1.0' },
        staff: { tenantId: TENANT, audiences: ['api://doorway.contoso.com'], requiredRole: 'Doorway.Invite', adminKey: 'a'.repeat(32) },
        mailSender: 'doorway@contoso.com',
        downloads: { windows: env.DOWNLOAD_WINDOWS_URL, macos: env.DOWNLOAD_MACOS_URL, linux: env.DOWNLOAD_LINUX_URL },
      },
    });
    // Unset optional variables leave their fields out (no admin key, no mail sender, no downloads).
    const plain = invitationConfigFromEnv({ ...base, ADMIN_KEY: ' ', MAIL_SENDER: '' });
    expect(plain.ok && plain.config).not.toHaveProperty('mailSender');
    expect(plain.ok && plain.config?.staff).not.toHaveProperty('adminKey');
  });

  it('is off when PUBLIC_URL is only spaces, and takes plain http only on this machine', () => {
    expect(invitationConfigFromEnv({ ...base, PUBLIC_URL: '   ' })).toEqual({ ok: true, config: undefined });
    expect(invitationConfigFromEnv({ ...base, PUBLIC_URL: 'http://127.0.0.1:8080' })).toMatchObject({ ok: true, config: { publicUrl: 'http://127.0.0.1:8080' } });
    expect(invitationConfigFromEnv({ ...base, PUBLIC_URL: 'http://doorway.contoso.com' })).toEqual({ ok: false, problems: ['PUBLIC_URL: must be an https URL'] });
    expect(invitationConfigFromEnv({ ...base, PUBLIC_URL: 'https://doorway.contoso.com/?a=1' })).toEqual({ ok: false, problems: ['PUBLIC_URL: must be an origin, with no path or query'] });
    expect(invitationConfigFromEnv({ ...base, PUBLIC_URL: 'https://doorway.contoso.com/join' })).toEqual({ ok: false, problems: ['PUBLIC_URL: must be an origin, with no path or query'] });
  });

  it('reads the certificate file named by GRAPH_CLIENT_CERTIFICATE_PATH from disk', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'doorway-graph-cert-'));
    try {
      const file = path.join(dir, 'graph.pem');
      writeFileSync(file, '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n');
      expect(invitationConfigFromEnv({ ...base, GRAPH_CLIENT_SECRET: undefined, GRAPH_CLIENT_CERTIFICATE_PATH: file })).toMatchObject({
        ok: true,
        config: { graph: { certificatePem: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n' } },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a certificate from its path, and says so when it cannot', () => {
    const env = { ...base, GRAPH_CLIENT_SECRET: undefined, GRAPH_CLIENT_CERTIFICATE_PATH: '/etc/doorway/graph.pem' };
    expect(invitationConfigFromEnv(env, () => 'PEM')).toMatchObject({ ok: true, config: { graph: { certificatePem: 'PEM' } } });
    expect(invitationConfigFromEnv(env, () => { throw new Error('ENOENT'); })).toEqual({ ok: false, problems: [expect.stringContaining('GRAPH_CLIENT_CERTIFICATE_PATH: cannot be read')] });
  });
});
