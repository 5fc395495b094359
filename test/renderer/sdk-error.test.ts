// The one log line made from whatever the SDK threw: its message, with the code/subCode support
// looks up when it is a CallingCommunicationError, and a thrown value that is no object as it reads.
import { describe, expect, it } from 'vitest';
import { disposeAll } from '../../renderer/calling/dispose';
import { describeSdkError } from '../../renderer/calling/sdk-error';

describe('describeSdkError', () => {
  it('reads an SDK error with its codes, a missing sub-code as -, and anything else as JavaScript prints it', () => {
    expect(describeSdkError(Object.assign(new Error('Call ended'), { code: 487, subCode: 0 }))).toBe('Call ended (487/0)');
    expect(describeSdkError({ message: 'no sub-code', code: 403 })).toBe('no sub-code (403/-)');
    expect(describeSdkError({ message: 'a string code', code: '403' })).toBe('a string code');
    expect(describeSdkError(null)).toBe('null');
    expect(describeSdkError(undefined)).toBe('undefined');
    expect(describeSdkError('plain text')).toBe('plain text');
    expect(describeSdkError(42)).toBe('42');
  });
});

describe('disposeAll', () => {
  it('disposes each item, skips the missing ones, and swallows the SDK’s "already disposed"', () => {
    const disposed: string[] = [];
    const item = (name: string, throws = false) => ({
      dispose() {
        disposed.push(name);
        if (throws) throw new Error('already disposed');
      },
    });
    expect(() => disposeAll(item('view', true), null, undefined, item('renderer'))).not.toThrow();
    expect(disposed).toEqual(['view', 'renderer']);
  });
});
