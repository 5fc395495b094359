// Process: server. Microsoft Graph, app-only: looks up an online meeting by its join URL, creates
// one with guest-friendly settings, and sends mail from a configured mailbox. Tokens come from
// @azure/identity (client secret or certificate); requests are plain fetch with zod-checked
// answers. Every failure is a result, never a throw, and `graphFailure` is the one place that turns
// an answer into an operator's message. Retries are bounded. Never logs tokens or meeting links.
import { ClientCertificateCredential, ClientSecretCredential, type ClientSecretCredentialOptions, type TokenCredential } from '@azure/identity';
import { z } from 'zod';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const DEFAULT_GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export type GraphFailure =
  | 'credentialRejected' // Entra refused our client secret or certificate
  | 'unauthorized' //       Graph refused our token (401)
  | 'forbidden' //          a permission or the application access policy is missing (403)
  | 'notFound' //           no such meeting or mailbox
  | 'throttled' //          429 beyond what we wait for
  | 'unavailable' //        5xx after retries
  | 'badRequest' //         Graph refused the request (400)
  | 'timeout'
  | 'unreachable'
  | 'invalidResponse';

export type GraphOperation = 'findMeeting' | 'createMeeting' | 'sendMail';

export type GraphResult<T> = { ok: true; value: T } | { ok: false; failure: GraphFailure; message: string; retryAfterSeconds?: number };

export interface MeetingDetails {
  id: string;
  subject: string;
  startsAt: string;
  endsAt: string;
  joinUrl: string;
  /** Graph often leaves the organizer's display name empty; callers fall back to their own. */
  organizerName?: string;
  meetingId?: string;
  passcode?: string;
  passcodeRequired: boolean;
  dialIn?: { tollNumber?: string; tollFreeNumber?: string; conferenceId: string; dialinUrl?: string };
}

export interface CreateMeetingParams {
  subject: string;
  startsAt: string;
  endsAt: string;
  chat: 'enabled' | 'disabled' | 'limited';
}

export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  attachments: Array<{ name: string; contentType: string; content: string }>;
}

export interface GraphClient {
  /** `organizer`: the organizer's user id or UPN (the access policy is granted per user). */
  findMeeting(organizer: string, joinUrl: string): Promise<GraphResult<MeetingDetails>>;
  createMeeting(organizer: string, params: CreateMeetingParams): Promise<GraphResult<MeetingDetails>>;
  sendMail(mailbox: string, message: MailMessage): Promise<GraphResult<void>>;
}

export interface GraphClientOptions {
  credential: TokenCredential;
  baseUrl?: string;
  scope?: string;
  fetch?: typeof fetch;
  /** Per attempt, token included. */
  timeoutMs?: number;
  /**
   * The signal that ends an attempt: `AbortSignal.timeout(timeoutMs)`. Tests pass signals they abort
   * themselves once a stand-in is holding a request, rather than wait out a real time.
   */
  deadline?: (timeoutMs: number) => AbortSignal;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  /** A longer Retry-After is reported to the caller, not waited out. */
  maxRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type GraphCredentialSettings =
  | { tenantId: string; clientId: string; clientSecret: string }
  | { tenantId: string; clientId: string; certificatePem: string };

/** What the credential throws when no request reached Entra ID (connection refused, DNS, TLS). */
export class EntraUnreachableError extends Error {
  override readonly name = 'EntraUnreachableError';
}

type PipelinePolicy = NonNullable<ClientSecretCredentialOptions['additionalPolicies']>[number]['policy'];

/**
 * The app-only credential; `options` carries authorityHost (sovereign clouds, tests). MSAL reports
 * an Entra it could not reach in the same words as one that answered "no such tenant"
 * (endpoints_resolution_error) or refused the secret, so a policy in @azure/identity's own pipeline
 * watches whether the last attempt got an answer at all: when none did, getToken throws
 * EntraUnreachableError (the original error as its cause) instead.
 */
export function createGraphCredential(settings: GraphCredentialSettings, options: ClientSecretCredentialOptions = {}): TokenCredential {
  let unanswered = false;
  const watch: PipelinePolicy = {
    name: 'doorwayEntraReachability',
    async sendRequest(request, next) {
      try {
        const response = await next(request);
        unanswered = false;
        return response;
      } catch (error) {
        // A RestError with a response is an answer (a status Entra chose); anything else never got one.
        unanswered = (error as { response?: unknown }).response === undefined;
        throw error;
      }
    },
  };
  const watched: ClientSecretCredentialOptions = { ...options, additionalPolicies: [...(options.additionalPolicies ?? []), { policy: watch, position: 'perRetry' }] };
  const inner =
    'clientSecret' in settings
      ? new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret, watched)
      : new ClientCertificateCredential(settings.tenantId, settings.clientId, { certificate: settings.certificatePem }, watched);
  return {
    async getToken(scopes, getTokenOptions) {
      unanswered = false;
      try {
        return await inner.getToken(scopes, getTokenOptions);
      } catch (error) {
        if (unanswered) throw new EntraUnreachableError('Entra ID could not be reached', { cause: error });
        throw error;
      }
    },
  };
}

const meetingSchema = z.object({
  id: z.string().min(1),
  subject: z.string().nullish(),
  startDateTime: z.iso.datetime({ offset: true }),
  endDateTime: z.iso.datetime({ offset: true }),
  joinWebUrl: z.url(),
  participants: z
    .object({ organizer: z.object({ upn: z.string().nullish(), identity: z.object({ user: z.object({ displayName: z.string().nullish() }).nullish() }).nullish() }).nullish() })
    .nullish(),
  joinMeetingIdSettings: z.object({ joinMeetingId: z.string().nullish(), passcode: z.string().nullish(), isPasscodeRequired: z.boolean().nullish() }).nullish(),
  audioConferencing: z
    .object({ conferenceId: z.string().nullish(), tollNumber: z.string().nullish(), tollFreeNumber: z.string().nullish(), dialinUrl: z.string().nullish() })
    .nullish(),
});
const meetingListSchema = z.object({ value: z.array(meetingSchema) });
const graphErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });

type GraphAnswer =
  | { status: number; body: unknown; retryAfterSeconds?: number }
  | { status: 'timeout' | 'unreachable' | 'entraUnreachable' }
  | { status: 'credential'; code?: string };

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const {
    credential,
    baseUrl = DEFAULT_GRAPH_BASE_URL,
    scope = DEFAULT_GRAPH_SCOPE,
    fetch: fetchImpl = fetch,
    timeoutMs = 10_000,
    deadline = (ms) => AbortSignal.timeout(ms),
    maxAttempts = 3,
    maxRetryAfterSeconds = 10,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  } = options;

  async function once(method: 'GET' | 'POST', path: string, body?: object): Promise<GraphAnswer> {
    const signal = deadline(timeoutMs);
    let token: string;
    try {
      // @azure/identity does not stop waiting for a hung Entra when the signal aborts: race it.
      const accessToken = await Promise.race([credential.getToken(scope, { abortSignal: signal }), whenAborted(signal)]);
      if (!accessToken) return { status: 'credential' };
      token = accessToken.token;
    } catch (error) {
      if (signal.aborted) return { status: 'timeout' };
      if (error instanceof EntraUnreachableError) return { status: 'entraUnreachable' };
      // Entra's error code (AADSTS...) is safe to report; its description may echo the client id.
      const aadsts = error instanceof Error ? /AADSTS\d+/.exec(error.message)?.[0] : undefined;
      return { status: 'credential', ...(aadsts ? { code: aadsts } : {}) };
    }
    try {
      const response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal,
        redirect: 'error',
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Empty, or not JSON (a proxy's error page): no body.
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      return { status: response.status, body: parsed, ...(Number.isFinite(retryAfter) && retryAfter >= 0 && response.headers.has('retry-after') ? { retryAfterSeconds: retryAfter } : {}) };
    } catch {
      return { status: signal.aborted ? 'timeout' : 'unreachable' };
    }
  }

  /** Retries throttling, 5xx and network failures, a bounded number of times. */
  async function call(method: 'GET' | 'POST', path: string, body?: object): Promise<GraphAnswer> {
    let answer: GraphAnswer = { status: 'unreachable' };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      answer = await once(method, path, body);
      const retryable = answer.status === 'timeout' || answer.status === 'unreachable' || answer.status === 429 || (typeof answer.status === 'number' && answer.status >= 500);
      // An unreachable Entra is not retried here: @azure/identity's pipeline already retried the token request.
      // A POST that timed out may have taken effect (the meeting created, the mail sent): do not
      // create a second meeting or mail the guest twice.
      if (!retryable || attempt === maxAttempts || (method === 'POST' && answer.status === 'timeout')) break;
      const retryAfter = 'retryAfterSeconds' in answer ? answer.retryAfterSeconds : undefined;
      if (retryAfter !== undefined && retryAfter > maxRetryAfterSeconds) break;
      await sleep(retryAfter !== undefined ? retryAfter * 1000 : 250 * 2 ** (attempt - 1));
    }
    return answer;
  }

  const userPath = (user: string) => `/users/${encodeURIComponent(user)}`;

  return {
    async findMeeting(organizer, joinUrl) {
      // OData string literal: quotes doubled; the whole filter percent-encoded (a '+' is not a space to Graph).
      const filter = `JoinWebUrl eq '${joinUrl.replaceAll("'", "''")}'`;
      const answer = await call('GET', `${userPath(organizer)}/onlineMeetings?$filter=${encodeURIComponent(filter)}`);
      if (answer.status !== 200) return graphFailure('findMeeting', answer, organizer);
      const list = meetingListSchema.safeParse('body' in answer ? answer.body : undefined);
      if (!list.success) return graphFailure('findMeeting', { status: 'invalid' }, organizer);
      const meeting = list.data.value[0];
      return meeting ? { ok: true, value: toDetails(meeting) } : graphFailure('findMeeting', { status: 404, body: undefined }, organizer);
    },
    async createMeeting(organizer, params) {
      const answer = await call('POST', `${userPath(organizer)}/onlineMeetings`, {
        subject: params.subject,
        startDateTime: params.startsAt,
        endDateTime: params.endsAt,
        // Guests (and everyone outside the organization) wait in the lobby; only the organizer presents.
        lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
        allowedPresenters: 'organizer',
        allowMeetingChat: params.chat,
      });
      if (answer.status !== 201 && answer.status !== 200) return graphFailure('createMeeting', answer, organizer);
      const meeting = meetingSchema.safeParse('body' in answer ? answer.body : undefined);
      return meeting.success ? { ok: true, value: toDetails(meeting.data) } : graphFailure('createMeeting', { status: 'invalid' }, organizer);
    },
    async sendMail(mailbox, message) {
      const answer = await call('POST', `${userPath(mailbox)}/sendMail`, {
        message: {
          subject: message.subject,
          body: { contentType: 'HTML', content: message.html },
          toRecipients: [{ emailAddress: { address: message.to } }],
          attachments: message.attachments.map((file) => ({
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: file.name,
            contentType: file.contentType,
            contentBytes: Buffer.from(file.content, 'utf8').toString('base64'),
          })),
        },
        saveToSentItems: false,
      });
      return answer.status === 202 ? { ok: true, value: undefined } : graphFailure('sendMail', answer, mailbox);
    },
  };
}

/** Rejects once `signal` aborts. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
}

function toDetails(meeting: z.infer<typeof meetingSchema>): MeetingDetails {
  const ids = meeting.joinMeetingIdSettings;
  const audio = meeting.audioConferencing;
  const organizerName = meeting.participants?.organizer?.identity?.user?.displayName;
  return {
    id: meeting.id,
    subject: meeting.subject?.trim() || '',
    startsAt: new Date(meeting.startDateTime).toISOString(),
    endsAt: new Date(meeting.endDateTime).toISOString(),
    joinUrl: meeting.joinWebUrl,
    ...(organizerName ? { organizerName } : {}),
    ...(ids?.joinMeetingId ? { meetingId: ids.joinMeetingId } : {}),
    ...(ids?.passcode ? { passcode: ids.passcode } : {}),
    passcodeRequired: ids?.isPasscodeRequired ?? false,
    ...(audio?.conferenceId
      ? {
          dialIn: {
            conferenceId: audio.conferenceId,
            ...(audio.tollNumber ? { tollNumber: audio.tollNumber } : {}),
            ...(audio.tollFreeNumber ? { tollFreeNumber: audio.tollFreeNumber } : {}),
            ...(audio.dialinUrl ? { dialinUrl: audio.dialinUrl } : {}),
          },
        }
      : {}),
  };
}

/**
 * The one mapping from a failed Graph exchange to a failure code and a message an operator can
 * act on. `subject` is the organizer or mailbox (an address staff typed, not a guest's).
 */
export function graphFailure(
  operation: GraphOperation,
  answer: GraphAnswer | { status: 'invalid' },
  subject: string,
): Extract<GraphResult<never>, { ok: false }> {
  const permission = operation === 'sendMail' ? 'Mail.Send' : operation === 'createMeeting' ? 'OnlineMeetings.ReadWrite.All' : 'OnlineMeetings.Read.All';
  const fail = (failure: GraphFailure, message: string, retryAfterSeconds?: number) => ({
    ok: false as const,
    failure,
    message,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
  if (answer.status === 'credential') {
    return fail('credentialRejected', `Entra ID refused the service's credential${'code' in answer && answer.code ? ` (${answer.code})` : ''}: check GRAPH_TENANT_ID, GRAPH_CLIENT_ID and the client secret or certificate (expired?).`);
  }
  if (answer.status === 'entraUnreachable') {
    return fail('unreachable', `Entra ID could not be reached for a Microsoft Graph token (${operation}): check the network, any proxy, and the authority host.`);
  }
  if (answer.status === 'timeout') return fail('timeout', `Microsoft Graph did not answer in time (${operation}).`);
  if (answer.status === 'unreachable') return fail('unreachable', `Microsoft Graph could not be reached (${operation}): check the network and GRAPH_BASE_URL.`);
  if (answer.status === 'invalid') return fail('invalidResponse', `Microsoft Graph answered ${operation} in an unexpected shape.`);
  const graphError = graphErrorSchema.safeParse('body' in answer ? answer.body : undefined);
  const code = graphError.success ? graphError.data.error.code : 'none';
  const graphMessage = graphError.success ? (graphError.data.error.message ?? '') : '';
  switch (true) {
    case answer.status === 401:
      return fail('unauthorized', `Microsoft Graph refused the service's token (${code}): the app registration must be in the organizer's tenant (GRAPH_TENANT_ID).`);
    case answer.status === 403 && /application access policy/i.test(graphMessage):
      return fail('forbidden', `No Teams application access policy covers ${subject}: a Teams admin must run New-CsApplicationAccessPolicy and Grant-CsApplicationAccessPolicy (see server/README.md).`);
    case answer.status === 403:
      return fail('forbidden', `Microsoft Graph denied ${operation} (${code}): grant the application permission ${permission} with admin consent.`);
    case answer.status === 404:
      return fail('notFound', operation === 'sendMail' ? `The mailbox ${subject} does not exist (MAIL_SENDER).` : `No Teams meeting with that join URL is organized by ${subject}.`);
    case answer.status === 429:
      return fail('throttled', `Microsoft Graph is throttling the service (${operation}).`, ('retryAfterSeconds' in answer ? answer.retryAfterSeconds : undefined) ?? 30);
    case answer.status >= 500:
      return fail('unavailable', `Microsoft Graph failed (${answer.status} ${code}) for ${operation}, after retries.`);
    default:
      return fail('badRequest', `Microsoft Graph refused ${operation} (${answer.status} ${code}).`);
  }
}
