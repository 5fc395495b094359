// Staff authentication against the loopback Entra's JWKS: the right tenant and role pass; another
// tenant, no role, expired, forged or malformed tokens and a wrong admin key do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffAuth, type StaffAuth } from '../../server/staff-auth';
import { startFakeEntra, type FakeEntra } from './fake-entra';

let entra: FakeEntra;
let auth: StaffAuth;
const ADMIN_KEY = 'admin-key-with-at-least-32-characters!';

beforeAll(async () => {
  entra = await startFakeEntra();
  auth = createStaffAuth({ tenantId: entra.tenantId, audiences: [entra.clientId], requiredRole: 'Invitations.Create', authorityHost: entra.authorityHost, adminKey: ADMIN_KEY, fetch: entra.fetch });
});
afterAll(() => entra.close());

const bearer = (token: string) => `Bearer ${token}`;

describe('staff auth', () => {
  it('accepts a token of the tenant with the role', async () => {
    expect(await auth.authenticate(bearer(await entra.mintStaffToken()), undefined)).toEqual({ ok: true, staff: { kind: 'entra', objectId: expect.any(String) } });
  });

  it('refuses another tenant, a missing role, an expired, forged or misaddressed token', async () => {
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ tenantId: '11111111-2222-4333-8444-555555555555' })), undefined)).toEqual({ ok: false, reason: 'wrongTenant' });
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ roles: [] })), undefined)).toEqual({ ok: false, reason: 'missingRole' });
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ roles: ['Other.Role'] })), undefined)).toEqual({ ok: false, reason: 'missingRole' });
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ expiresIn: -600 })), undefined)).toEqual({ ok: false, reason: 'expired' });
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ forged: true })), undefined)).toEqual({ ok: false, reason: 'invalidToken' });
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ audience: 'https://graph.microsoft.com' })), undefined)).toEqual({ ok: false, reason: 'invalidToken' });
  });

  it('refuses missing and malformed headers', async () => {
    expect(await auth.authenticate(undefined, undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(await auth.authenticate('Basic abc', undefined)).toEqual({ ok: false, reason: 'invalidToken' });
    expect(await auth.authenticate('Bearer a.b.c', undefined)).toEqual({ ok: false, reason: 'invalidToken' });
    const unsigned = (await entra.mintStaffToken()).split('.').slice(0, 2).join('.') + '.';
    expect(await auth.authenticate(bearer(unsigned), undefined)).toEqual({ ok: false, reason: 'invalidToken' });
  });

  it('accepts the admin key and refuses any other, and refuses the key when none is configured', async () => {
    expect(await auth.authenticate(undefined, ADMIN_KEY)).toEqual({ ok: true, staff: { kind: 'adminKey' } });
    expect(await auth.authenticate(undefined, `${ADMIN_KEY}x`)).toEqual({ ok: false, reason: 'wrongAdminKey' });
    expect(await auth.authenticate(undefined, '')).toEqual({ ok: false, reason: 'wrongAdminKey' });
    const noKey = createStaffAuth({ tenantId: entra.tenantId, audiences: [entra.clientId], requiredRole: 'Invitations.Create', authorityHost: entra.authorityHost, fetch: entra.fetch });
    expect(await noKey.authenticate(undefined, '')).toEqual({ ok: false, reason: 'wrongAdminKey' });
  });

  it('accepts a v1 token of the tenant, and one that expired within the minute of clock skew allowed', async () => {
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ issuerVersion: 'v1' })), undefined)).toMatchObject({ ok: true });
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ expiresIn: -30 })), undefined)).toMatchObject({ ok: true });
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ expiresIn: -90 })), undefined)).toEqual({ ok: false, reason: 'expired' });
  });

  it('names the staff member by the token’s object id', async () => {
    const oid = '0f0e0d0c-1111-4222-8333-444455556666';
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ claims: { oid } })), undefined)).toEqual({ ok: true, staff: { kind: 'entra', objectId: oid } });
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ claims: { oid: undefined } })), undefined)).toEqual({ ok: true, staff: { kind: 'entra', objectId: 'unknown' } });
  });

  it('keeps other tenants out by the tid claim even when the issuer names this tenant, and needs a tid', async () => {
    const other = '11111111-2222-4333-8444-555555555555';
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ claims: { tid: other } })), undefined)).toEqual({ ok: false, reason: 'wrongTenant' });
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ claims: { tid: undefined } })), undefined)).toEqual({ ok: false, reason: 'invalidToken' });
  });

  it('needs the role in the roles list: a roles claim that is a bare string does not count', async () => {
    expect(await auth.authenticate(bearer(await entra.mintStaffToken({ claims: { roles: 'Invitations.Create' } })), undefined)).toEqual({ ok: false, reason: 'missingRole' });
  });

  it('reads only an Authorization header that is exactly "Bearer <token>"', async () => {
    const token = await entra.mintStaffToken();
    for (const header of [`xBearer ${token}`, `Bearer ${token} x`, `Bearer ${token}.x`, `bearer ${token}`]) {
      expect(await auth.authenticate(header, undefined), header.slice(0, 8)).toEqual({ ok: false, reason: 'invalidToken' });
    }
  });

  it('accepts the tenant’s tokens when the authority host is written with a trailing slash', async () => {
    const slashed = createStaffAuth({ tenantId: entra.tenantId, audiences: [entra.clientId], requiredRole: 'Invitations.Create', authorityHost: `${entra.authorityHost}/`, fetch: entra.fetch });
    expect(await slashed.authenticate(bearer(await entra.mintStaffToken()), undefined)).toMatchObject({ ok: true });
  });

  it('checks tokens against the public cloud’s signing keys when no authority host is configured', async () => {
    // The JWKS fetch goes to login.microsoftonline.com; the loopback Entra answers it in its place.
    const fetched: string[] = [];
    const publicCloud = createStaffAuth({
      tenantId: entra.tenantId,
      audiences: [entra.clientId],
      requiredRole: 'Invitations.Create',
      fetch: (url, init) => {
        const href = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
        fetched.push(href);
        return entra.fetch(href.replace('https://login.microsoftonline.com', entra.authorityHost), init);
      },
    });
    expect(await publicCloud.authenticate(bearer(await entra.mintStaffToken({ issuerVersion: 'v1' })), undefined)).toMatchObject({ ok: true });
    expect(fetched).toEqual([`https://login.microsoftonline.com/${entra.tenantId}/discovery/v2.0/keys`]);
  });
});

