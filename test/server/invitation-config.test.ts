// The invitation feature's configuration: off without PUBLIC_URL; once on, each problem named by
// its variable (never its value); defaults; the certificate read from its path.
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

  it('reads a certificate from its path, and says so when it cannot', () => {
    const env = { ...base, GRAPH_CLIENT_SECRET: undefined, GRAPH_CLIENT_CERTIFICATE_PATH: '/etc/doorway/graph.pem' };
    expect(invitationConfigFromEnv(env, () => 'PEM')).toMatchObject({ ok: true, config: { graph: { certificatePem: 'PEM' } } });
    expect(invitationConfigFromEnv(env, () => { throw new Error('ENOENT'); })).toEqual({ ok: false, problems: [expect.stringContaining('GRAPH_CLIENT_CERTIFICATE_PATH: cannot be read')] });
  });
});
