// The ACS Calling SDK's own meeting-link checks, lifted from its bundle at test time, so the
// parser's links are checked against the code that will receive them rather than a copy of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type SdkVerdict =
  | { kind: 'long'; threadId: string; messageId: string; organizerId: string; tenantId: string }
  | { kind: 'short' }
  | { kind: 'rejected' };

type SdkFunctions = {
  isLongMeetingUrl(link: string): boolean;
  isShortMeetingUrl(link: string, logger: { error(message: string): void }): boolean;
  parseLongMeetingLink(link: string): Omit<Extract<SdkVerdict, { kind: 'long' }>, 'kind'>;
};

function slice(source: string, from: string, to: string): string {
  const start = source.indexOf(from);
  const end = source.indexOf(to, start);
  if (start < 0 || end < 0) throw new Error(`SDK bundle changed: ${from} not found`);
  return source.slice(start, end);
}

function loadSdkFunctions(): SdkFunctions {
  const require = createRequire(import.meta.url);
  const bundle = path.join(path.dirname(require.resolve('@azure/communication-calling/package.json')), 'dist-esm', 'sdk.bundle.js');
  const source = readFileSync(bundle, 'utf8');
  const code = slice(source, 'function isLongMeetingUrl(', 'function base64UrlEncoding(');
  const pattern = JSON.parse(slice(source, 'teamsMeetingShortUrlJoin:{validatePattern:!0,regexPattern:', '}').split('regexPattern:')[1]) as string;
  const config = { teamsMeetingShortUrlJoin: { validatePattern: true, regexPattern: pattern } };
  class CallingCommunicationError extends Error {}
  const errors = { CALL_AGENT: { INVALID_MEETING_LINK: 'INVALID_MEETING_LINK' } };
  // Evaluating the SDK's own minified checks is the point: the test runs what the SDK runs.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function(
    'getAcsEcsConfig',
    'CallingCommunicationError',
    'Ce',
    `${code}; return { isLongMeetingUrl, isShortMeetingUrl, parseLongMeetingLink };`,
  ) as (config: () => unknown, error: unknown, errors: unknown) => SdkFunctions;
  return factory(() => config, CallingCommunicationError, errors);
}

let sdk: SdkFunctions | undefined;

/** What `callAgent.join({ meetingLink })` makes of `link` before it goes to the service. */
export function sdkReadsMeetingLink(link: string): SdkVerdict {
  sdk ??= loadSdkFunctions();
  try {
    if (sdk.isLongMeetingUrl(link)) return { kind: 'long', ...sdk.parseLongMeetingLink(link) };
    return sdk.isShortMeetingUrl(link, { error: () => {} }) ? { kind: 'short' } : { kind: 'rejected' };
  } catch {
    return { kind: 'rejected' };
  }
}
