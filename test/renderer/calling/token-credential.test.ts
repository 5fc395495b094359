// The meeting's token credential (renderer/calling/token-credential.ts) around the real
// AzureCommunicationTokenCredential of @azure/communication-common, on the fake clock: it renews
// early through main, and when main cannot renew, no rejection escapes the credential's own
// timer (Node reports it as unhandled), and the call is ended before the token runs out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenErrorCode, TokenReply } from '../../../common/ipc-contract';
import { GIVE_UP_MS, createGuestCredential, tokenExpiresMs } from '../../../renderer/calling/token-credential';
import { fakeAcsToken } from '../../support/scripted-meeting/page';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let escaped: unknown[] = [];
const onEscape = (reason: unknown) => escaped.push(reason);

beforeEach(() => {
  escaped = [];
  process.on('unhandledRejection', onEscape);
  vi.useFakeTimers({ now: new Date('2026-12-02T09:00:00Z') });
});
afterEach(async () => {
  vi.useRealTimers();
  // Node reports an unhandled rejection after the turn that made it: let one real turn pass.
  await new Promise((resolve) => setImmediate(resolve));
  process.off('unhandledRejection', onEscape);
  expect(escaped).toEqual([]);
});

/** Main's token service: mints a token of an hour while up, says `error` while down. */
function main() {
  const issued: string[] = [];
  const state = { up: true, error: 'offline' as TokenErrorCode };
  const renew = vi.fn(async (): Promise<TokenReply> => {
    if (!state.up) return { ok: false, error: state.error };
    const token = fakeAcsToken(`acs:guest_${issued.length}`, HOUR);
    issued.push(token);
    return { ok: true, token, expiresOnMs: Date.now() + HOUR };
  });
  return { issued, state, renew };
}

function credentialFor(service: ReturnType<typeof main>) {
  const first = fakeAcsToken('acs:guest_first', HOUR);
  const gaveUp: TokenErrorCode[] = [];
  const logged: string[] = [];
  const credential = createGuestCredential({
    token: first,
    renew: service.renew,
    onGiveUp: (error) => gaveUp.push(error),
    log: (level, message) => logged.push(`${level}: ${message}`),
  });
  return { first, credential, gaveUp, logged };
}

describe('renewing the token early', () => {
  it('asks main ten minutes before the token ends and hands out the renewed token from then on', async () => {
    const service = main();
    const { first, credential } = credentialFor(service);
    expect((await credential.getToken()).token).toBe(first);
    await vi.advanceTimersByTimeAsync(50 * MINUTE - 1_000);
    expect(service.renew).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(service.renew).toHaveBeenCalledTimes(1);
    expect((await credential.getToken()).token).toBe(service.issued[0]);
    credential.dispose();
  });
});

describe('disposing', () => {
  it('stops the early renewals', async () => {
    const service = main();
    const { credential } = credentialFor(service);
    credential.dispose();
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(service.renew).not.toHaveBeenCalled();
  });
});

describe('when main cannot renew', () => {
  it('keeps the token the call has and tries again at half its remaining life, then ends the call while the token is still valid', async () => {
    const service = main();
    service.state.up = false;
    const { first, credential, gaveUp, logged } = credentialFor(service);
    // 10, 5, 2.5 minutes and 75 s before the end: each refused, the call keeps its token.
    await vi.advanceTimersByTimeAsync(HOUR - 75_000);
    expect(service.renew).toHaveBeenCalledTimes(4);
    expect(gaveUp).toEqual([]);
    expect((await credential.getToken()).token).toBe(first);
    expect(logged).toContain('warn: token renewal failed: offline (75 s left)');
    // 37.5 s before the end, under GIVE_UP_MS: the call cannot go on.
    await vi.advanceTimersByTimeAsync(75_000 - GIVE_UP_MS / 2 - 7_500);
    expect(service.renew).toHaveBeenCalledTimes(5);
    expect(gaveUp).toEqual(['offline']);
    // No more renewals, not even when main is back.
    service.state.up = true;
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(service.renew).toHaveBeenCalledTimes(5);
    expect(gaveUp).toEqual(['offline']);
  });

  it('a single refusal is followed by a renewal that reaches the call', async () => {
    const service = main();
    service.state.up = false;
    service.state.error = 'timeout';
    const { credential, gaveUp } = credentialFor(service);
    await vi.advanceTimersByTimeAsync(50 * MINUTE);
    expect(service.renew).toHaveBeenCalledTimes(1);
    service.state.up = true;
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(service.renew).toHaveBeenCalledTimes(2);
    expect((await credential.getToken()).token).toBe(service.issued[0]);
    expect(gaveUp).toEqual([]);
    credential.dispose();
  });

  it('the SDK asking for a token after it expired gets the failure, and the call is ended once', async () => {
    const service = main();
    service.state.up = false;
    service.state.error = 'unreachable';
    const { credential, gaveUp } = credentialFor(service);
    // The clock jumps past the end without the credential's timer running (the SDK asks first).
    vi.setSystemTime(Date.now() + HOUR + 1_000);
    await expect(credential.getToken()).rejects.toThrow('Doorway could not renew the meeting token (unreachable)');
    expect(gaveUp).toEqual(['unreachable']);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(gaveUp).toEqual(['unreachable']);
    expect(service.renew).toHaveBeenCalledTimes(1);
  });

  it('an early renewal still waiting on main when the token expires and the SDK asks: the SDK gets the failure, and nothing escapes the credential\'s timer', async () => {
    const service = main();
    service.state.up = false;
    service.state.error = 'timeout';
    let answer: (reply: TokenReply) => void = () => undefined;
    // Main takes its time over the early renewal (a token service that does not answer).
    service.renew.mockImplementationOnce(() => new Promise<TokenReply>((resolve) => (answer = resolve)));
    const { credential, gaveUp } = credentialFor(service);
    await vi.advanceTimersByTimeAsync(50 * MINUTE);
    expect(service.renew).toHaveBeenCalledTimes(1);
    // The token expires while that renewal waits; the SDK asks and joins the same renewal.
    vi.setSystemTime(Date.now() + 10 * MINUTE + 1_000);
    const asked = credential.getToken();
    answer({ ok: false, error: 'timeout' });
    await expect(asked).rejects.toThrow('Doorway could not renew the meeting token (timeout)');
    expect(gaveUp).toEqual(['timeout']);
    expect(service.renew).toHaveBeenCalledTimes(1);
  });

  it('an early renewal that runs after the token expired (the computer slept) ends the call without a rejection', async () => {
    const service = main();
    service.state.up = false;
    const { credential, gaveUp } = credentialFor(service);
    // Timers stand still while the machine sleeps; the wall clock does not.
    vi.setSystemTime(Date.now() + 3 * HOUR);
    await vi.advanceTimersByTimeAsync(50 * MINUTE);
    expect(service.renew).toHaveBeenCalledTimes(1);
    expect(gaveUp).toEqual(['offline']);
    credential.dispose();
  });
});

describe('tokenExpiresMs', () => {
  it('reads the exp claim of an ACS token, in milliseconds', () => {
    expect(tokenExpiresMs(fakeAcsToken('acs:guest', HOUR))).toBe(Math.floor((Date.now() + HOUR) / 1000) * 1000);
  });

  it('reads a payload whose base64url has - and _ and no padding', () => {
    const segment = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    for (const name of ['~~~?', 'ÿþ>?']) {
      const payload = segment({ exp: 1_700_000_000, n: name });
      expect(payload).toMatch(/[-_]/);
      expect(payload.length % 4).not.toBe(0);
      expect(tokenExpiresMs(`e30.${payload}.sig`)).toBe(1_700_000_000_000);
    }
  });

  it('is null for a token without exp or that is not a JWT', () => {
    const noExp = `e30.${btoa(JSON.stringify({ skypeid: 'acs:guest' })).replace(/=+$/, '')}.sig`;
    expect(tokenExpiresMs(noExp)).toBeNull();
    expect(tokenExpiresMs('not a token')).toBeNull();
    expect(tokenExpiresMs('a.%%%.c')).toBeNull();
  });
});
