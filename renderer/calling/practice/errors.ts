// Process: renderer. Errors shaped the way the SDK rejects (no SDK import).

/** A rejection the way the SDK shapes its errors (message, code, subCode). */
export class ScriptedCallingError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly subCode?: number,
  ) {
    super(message);
    this.name = 'CallingCommunicationError';
  }
}

export const notScripted = (what: string) => Promise.reject(new ScriptedCallingError(`${what} is not part of the scripted meeting`, 400, 40000));

