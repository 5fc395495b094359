// Process: renderer. Why a meeting ended, from the SDK's callEndReason (code/subCode), as one of
// the reasons the ended screen explains. Pure (no SDK import): unit-tested in Node.
//
// The table is the field notes' list of codes seen in Teams meetings (FIELD-NOTES.md), plus:
// - 403 (any subCode; seen as 403/5221, 403/5222 and 403 alone in ACS samples' issues) and the
//   Teams subCode 5723: the tenant or meeting does not let anonymous/ACS users join.
// - 0/0 (or no reason) after the guest pressed Leave: they left.
// Codes not in the table are 'unknown': the screen shows the codes and the call id for support.

import type { TokenErrorCode } from '../../common/ipc-contract';
import type { EndReasonKind, EndedInfo } from './call-model';

interface Rule {
  kind: EndReasonKind;
  code: number | null; // null: any code
  subCodes: readonly number[] | null; // null: any subCode
}

const RULES: readonly Rule[] = [
  { kind: 'endedForEveryone', code: 0, subCodes: [4097, 5003] },
  { kind: 'removed', code: 0, subCodes: [5000, 5300, 5317] },
  { kind: 'deniedFromLobby', code: 0, subCodes: [5854] },
  { kind: 'lobbyTimeout', code: 0, subCodes: [5855] },
  { kind: 'everyoneLeft', code: 0, subCodes: [5010, 5013] },
  { kind: 'networkLost', code: 0, subCodes: [4521] },
  { kind: 'tokenExpired', code: 401, subCodes: [10009, 40235] },
  { kind: 'tokenExpired', code: 400, subCodes: [40234] },
  { kind: 'tokenExpired', code: 495, subCodes: [4507] },
  { kind: 'networkLost', code: 496, subCodes: null },
  { kind: 'mediaConnectivity', code: 410, subCodes: [301004, 301005] },
  { kind: 'networkLost', code: 410, subCodes: [3100, 3101, 3112] },
  { kind: 'networkLost', code: 408, subCodes: [10056, 10057] },
  { kind: 'networkLost', code: 490, subCodes: null },
  { kind: 'networkLost', code: 491, subCodes: null },
  { kind: 'networkLost', code: 497, subCodes: null },
  { kind: 'networkLost', code: 498, subCodes: null },
  { kind: 'anonymousNotAllowed', code: 403, subCodes: null },
  { kind: 'anonymousNotAllowed', code: null, subCodes: [5723] },
];

/** Reasons where joining again can help (the guest is offered "Rejoin"). */
const REJOINABLE: ReadonlySet<EndReasonKind> = new Set<EndReasonKind>([
  'left',
  'lobbyTimeout',
  'tokenExpired',
  'tokenUnavailable',
  'networkLost',
  'mediaConnectivity',
  'everyoneLeft',
  'unknown',
]);

export function canRejoin(kind: EndReasonKind): boolean {
  return REJOINABLE.has(kind);
}

/** The kind of end for a code/subCode pair (no context). */
export function endReasonKind(code: number | null | undefined, subCode: number | null | undefined): EndReasonKind {
  for (const rule of RULES) {
    if (rule.code !== null && rule.code !== code) continue;
    if (rule.subCodes !== null && (subCode === null || subCode === undefined || !rule.subCodes.includes(subCode))) continue;
    return rule.kind;
  }
  return 'unknown';
}

export interface EndContext {
  /** The guest asked to leave (Leave button, window closing, new link). */
  localHangUp: boolean;
  callId: string | null;
}

/** What the ended screen shows for this end of a call. */
export function explainEnd(reason: { code: number; subCode?: number } | null | undefined, context: EndContext): EndedInfo {
  const code = reason?.code ?? null;
  const subCode = reason?.subCode ?? null;
  let kind = endReasonKind(code, subCode);
  // Hanging up ourselves ends with 0/0 (or with no reason when the call never started).
  if (context.localHangUp && (kind === 'unknown' || code === null) && (code === null || code === 0 || code === 487)) kind = 'left';
  return { kind, code, subCode, callId: context.callId, rejoin: canRejoin(kind) };
}

/** An end that never reached the SDK: the token service could not give a token. */
export function tokenUnavailable(error: TokenErrorCode): EndedInfo {
  return { kind: 'tokenUnavailable', code: null, subCode: null, callId: null, rejoin: true, tokenError: error };
}

/** An SDK error thrown before or while joining ({ code, subCode } when it carries them). */
export function explainJoinError(error: unknown, callId: string | null): EndedInfo {
  const { code, subCode } = (error ?? {}) as { code?: unknown; subCode?: unknown };
  const reason = typeof code === 'number' ? { code, subCode: typeof subCode === 'number' ? subCode : undefined } : null;
  return explainEnd(reason, { localHangUp: false, callId });
}
