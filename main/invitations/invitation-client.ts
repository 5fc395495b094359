// Process: main. Talks to the organization's Doorway service: the guest API of
// common/invitation.ts, on the one origin the build is configured with (never a host taken from a
// link: callers pass an id, this module builds the URL). Follows main/tokens/: `fetch` is a
// parameter (Electron's net.fetch in the app, Node's against loopback in tests), bounded retries
// with jittered backoff for reads only, a timeout per attempt, no redirects, responses checked by
// zod. Never throws; every failure is an InvitationFailure code.
import { z } from 'zod';
import { INVITATION_ID_PATTERN, type CodeSentBody, type InvitationErrorCode, type InvitationView, type VerifiedBody } from '../../common/invitation';
import type { InvitationFailure } from '../../common/ipc-contract';
import { backoffDelayMs, parseRetryAfterMs } from '../tokens/retry';
import { readLimitedText, type FetchLike } from '../tokens/token-client';

export interface InvitationClientOptions {
  /** The service's origin, e.g. https://doorway.contoso.com (already vetted). */
  origin: string;
  fetch: FetchLike;
  isOnline?: () => boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  timeoutMs?: number;
  /** Reads only: sending a code or checking one is never repeated (a second email, a second attempt). */
  maxAttempts?: number;
  maxTotalMs?: number;
  maxRetryAfterMs?: number;
  log?: (event: string, fields?: Record<string, unknown>) => void;
}

export const INVITATION_CLIENT_DEFAULTS = {
  timeoutMs: 8_000,
  maxAttempts: 3,
  maxTotalMs: 20_000,
  maxRetryAfterMs: 10_000,
  backoffBaseMs: 400,
  backoffCapMs: 4_000,
} as const;

const MAX_RESPONSE_BYTES = 64 * 1024;

const text = (max: number) => z.string().max(max);
const isoTime = text(64).refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO 8601 time');
const meetingSchema = z.object({ subject: text(512), startsAt: isoTime, endsAt: isoTime, organizer: text(512) });
const openViewSchema = z.object({
  status: z.literal('open'),
  meeting: meetingSchema,
  join: z.object({ joinUrl: text(4096), meetingId: text(64).optional(), passcode: text(64).optional() }),
  guestName: text(256).optional(),
  language: text(35).optional(),
});
const viewSchema = z.discriminatedUnion('status', [
  openViewSchema,
  z.object({ status: z.literal('verificationRequired'), meeting: meetingSchema, emailHint: text(320) }),
]);
const codeSentSchema = z.object({ sent: z.literal(true), expiresInSeconds: z.number().int().positive().max(86_400) });
const verifiedSchema = z.object({
  grant: z.string().regex(/^[A-Za-z0-9_-]{16,512}$/),
  expiresInSeconds: z.number().int().positive().max(7 * 86_400),
  view: openViewSchema,
});

const GUEST_ERRORS = ['unknownInvitation', 'expired', 'revoked', 'wrongCode', 'codeExpired', 'locked', 'rateLimited', 'serviceError'] as const satisfies readonly InvitationErrorCode[];
const errorBodySchema = z.object({ error: z.enum(GUEST_ERRORS), attemptsLeft: z.number().int().min(0).max(100).optional() });

export type ClientResult<T> = { ok: true; value: T } | { ok: false; error: InvitationFailure; attemptsLeft?: number };

interface AttemptFailure {
  ok: false;
  error: InvitationFailure;
  attemptsLeft?: number;
  retry: boolean;
  retryAfterMs?: number;
  status?: number;
}

export interface InvitationClient {
  view(id: string, grant?: string): Promise<ClientResult<InvitationView>>;
  requestCode(id: string): Promise<ClientResult<CodeSentBody>>;
  verify(id: string, code: string): Promise<ClientResult<VerifiedBody>>;
}

export function createInvitationClient(options: InvitationClientOptions): InvitationClient {
  const {
    origin,
    fetch: fetchFn,
    isOnline,
    now = Date.now,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
    timeoutMs = INVITATION_CLIENT_DEFAULTS.timeoutMs,
    maxAttempts = INVITATION_CLIENT_DEFAULTS.maxAttempts,
    maxTotalMs = INVITATION_CLIENT_DEFAULTS.maxTotalMs,
    maxRetryAfterMs = INVITATION_CLIENT_DEFAULTS.maxRetryAfterMs,
    log = () => {},
  } = options;

  async function attempt<T>(url: string, init: RequestInit, schema: z.ZodType<T>, attemptTimeoutMs: number): Promise<{ ok: true; value: T } | AttemptFailure> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), attemptTimeoutMs);
    try {
      // A redirect could carry the grant or the code to another host: refused, never followed.
      const response = await fetchFn(url, { ...init, signal: controller.signal, redirect: 'manual', credentials: 'omit' });
      const { status } = response;
      const body = await readLimitedText(response, MAX_RESPONSE_BYTES);
      if (status >= 200 && status < 300) {
        const parsed = body === undefined ? null : parseJson(body, schema);
        return parsed === null ? { ok: false, error: 'badResponse', retry: false, status } : { ok: true, value: parsed };
      }
      const known = body === undefined ? null : parseJson(body, errorBodySchema);
      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), now());
      const failure: AttemptFailure = {
        ok: false,
        error: known?.error ?? errorForStatus(status),
        retry: status === 429 || status >= 500,
        status,
      };
      if (known?.attemptsLeft !== undefined) failure.attemptsLeft = known.attemptsLeft;
      if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
      return failure;
    } catch {
      if (controller.signal.aborted) return { ok: false, error: 'timeout', retry: true };
      return { ok: false, error: isOnline?.() === false ? 'offline' : 'unreachable', retry: true };
    } finally {
      clearTimeout(timer);
    }
  }

  async function call<T>(event: string, url: string, init: RequestInit, schema: z.ZodType<T>, attempts: number): Promise<ClientResult<T>> {
    const started = now();
    let last: AttemptFailure = { ok: false, error: 'timeout', retry: false };
    for (let n = 1; n <= attempts; n++) {
      const remainingMs = maxTotalMs - (now() - started);
      if (remainingMs <= 0) break;
      const result = await attempt(url, init, schema, Math.min(timeoutMs, remainingMs));
      if (result.ok) {
        log(event, { attempt: n, elapsedMs: now() - started });
        return result;
      }
      last = result;
      log(`${event}Failed`, { attempt: n, error: result.error, ...(result.status !== undefined && { status: result.status }) });
      if (!result.retry || n === attempts) break;
      if (result.retryAfterMs !== undefined && result.retryAfterMs > maxRetryAfterMs) break;
      const delayMs = result.retryAfterMs ?? backoffDelayMs(n - 1, random, INVITATION_CLIENT_DEFAULTS.backoffBaseMs, INVITATION_CLIENT_DEFAULTS.backoffCapMs);
      if (now() - started + delayMs >= maxTotalMs) break;
      await sleep(delayMs);
    }
    return last.attemptsLeft === undefined ? { ok: false, error: last.error } : { ok: false, error: last.error, attemptsLeft: last.attemptsLeft };
  }

  const urlFor = (id: string, action = '') => `${origin}/api/invitations/${id}${action}`;
  const jsonPost = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const badId = { ok: false, error: 'unknownInvitation' } as const;

  return {
    view(id, grant) {
      if (!INVITATION_ID_PATTERN.test(id)) return Promise.resolve(badId);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (grant) headers.authorization = `Bearer ${grant}`;
      return call('invitationFetched', urlFor(id), { method: 'GET', headers }, viewSchema, maxAttempts);
    },
    requestCode(id) {
      if (!INVITATION_ID_PATTERN.test(id)) return Promise.resolve(badId);
      return call('invitationCodeSent', urlFor(id, '/code'), jsonPost({}), codeSentSchema, 1);
    },
    verify(id, code) {
      if (!INVITATION_ID_PATTERN.test(id)) return Promise.resolve(badId);
      return call('invitationVerified', urlFor(id, '/verify'), jsonPost({ code }), verifiedSchema, 1);
    },
  };
}

function errorForStatus(status: number): InvitationFailure {
  if (status === 404) return 'unknownInvitation';
  if (status === 410) return 'expired';
  if (status === 423) return 'locked';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'serviceError';
  return 'badResponse'; // 3xx (a redirect we refuse) and any other 4xx
}

function parseJson<T>(body: string, schema: z.ZodType<T>): T | null {
  try {
    const result = schema.safeParse(JSON.parse(body));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
