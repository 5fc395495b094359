// The end-reason table: every code pair from the field notes maps to the reason the guest is told.
import { describe, expect, it } from 'vitest';
import { canRejoin, endReasonKind, explainEnd, explainJoinError, tokenUnavailable } from '../../renderer/calling/end-reasons';
import type { EndReasonKind } from '../../renderer/calling/call-model';

const TABLE: Array<[number, number | undefined, EndReasonKind]> = [
  [0, 4097, 'endedForEveryone'],
  [0, 5003, 'endedForEveryone'],
  [0, 5000, 'removed'],
  [0, 5300, 'removed'],
  [0, 5317, 'removed'],
  [0, 5854, 'deniedFromLobby'],
  [0, 5855, 'lobbyTimeout'],
  [0, 5010, 'everyoneLeft'],
  [0, 5013, 'everyoneLeft'],
  [0, 4521, 'networkLost'],
  [401, 10009, 'tokenExpired'],
  [401, 40235, 'tokenExpired'],
  [400, 40234, 'tokenExpired'],
  [495, 4507, 'tokenExpired'],
  [496, 7, 'networkLost'],
  [410, 3100, 'networkLost'],
  [410, 3101, 'networkLost'],
  [410, 3112, 'networkLost'],
  [410, 301004, 'mediaConnectivity'],
  [410, 301005, 'mediaConnectivity'],
  [408, 10056, 'networkLost'],
  [408, 10057, 'networkLost'],
  [490, 4502, 'networkLost'],
  [490, 4525, 'networkLost'],
  [498, 10, 'networkLost'],
  [491, 0, 'networkLost'],
  [497, 12, 'networkLost'],
  [403, 5221, 'anonymousNotAllowed'],
  [403, undefined, 'anonymousNotAllowed'],
  [0, 5723, 'anonymousNotAllowed'],
  [500, 40208, 'unknown'],
  [0, 0, 'unknown'],
  [410, 999, 'unknown'],
];

describe('end reasons', () => {
  it.each(TABLE)('%i/%s is %s', (code, subCode, kind) => {
    expect(endReasonKind(code, subCode)).toBe(kind);
  });

  it('offers rejoin only where joining again can help', () => {
    expect(canRejoin('networkLost')).toBe(true);
    expect(canRejoin('lobbyTimeout')).toBe(true);
    expect(canRejoin('tokenExpired')).toBe(true);
    expect(canRejoin('left')).toBe(true);
    expect(canRejoin('deniedFromLobby')).toBe(false);
    expect(canRejoin('removed')).toBe(false);
    expect(canRejoin('endedForEveryone')).toBe(false);
    expect(canRejoin('anonymousNotAllowed')).toBe(false);
    for (const kind of ['tokenUnavailable', 'mediaConnectivity', 'everyoneLeft', 'unknown'] as const) expect(canRejoin(kind), kind).toBe(true);
  });

  it('calls a hang-up of our own "left", but keeps a real reason that arrives anyway', () => {
    expect(explainEnd({ code: 0, subCode: 0 }, { localHangUp: true, callId: 'c1' })).toEqual({ kind: 'left', code: 0, subCode: 0, callId: 'c1', rejoin: true });
    expect(explainEnd(null, { localHangUp: true, callId: null }).kind).toBe('left');
    // 487 (request terminated): the guest cancelled while joining.
    expect(explainEnd({ code: 487, subCode: 0 }, { localHangUp: true, callId: null }).kind).toBe('left');
    expect(explainEnd({ code: 487, subCode: 0 }, { localHangUp: false, callId: null }).kind).toBe('unknown');
    expect(explainEnd({ code: 0, subCode: 4097 }, { localHangUp: true, callId: null }).kind).toBe('endedForEveryone');
    expect(explainEnd({ code: 0, subCode: 0 }, { localHangUp: false, callId: 'c2' })).toMatchObject({ kind: 'unknown', code: 0, subCode: 0, callId: 'c2' });
  });

  it('explains errors thrown while joining, and a token that could not be had', () => {
    expect(explainJoinError(Object.assign(new Error('x'), { code: 403, subCode: 5222 }), null).kind).toBe('anonymousNotAllowed');
    expect(explainJoinError(new Error('no codes'), 'id')).toMatchObject({ kind: 'unknown', code: null, callId: 'id' });
    // Codes of the wrong type are not shown to the guest as codes.
    expect(explainJoinError(Object.assign(new Error('x'), { code: 500, subCode: '40208' }), null)).toMatchObject({ kind: 'unknown', code: 500, subCode: null });
    expect(explainJoinError(Object.assign(new Error('x'), { code: '403', subCode: 5222 }), null)).toMatchObject({ kind: 'unknown', code: null, subCode: null });
    expect(tokenUnavailable('offline')).toMatchObject({ kind: 'tokenUnavailable', tokenError: 'offline', rejoin: true });
  });
});
