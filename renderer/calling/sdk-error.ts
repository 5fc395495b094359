// Process: renderer. One line for the log from whatever the SDK threw: its message and, for a
// CallingCommunicationError, the code/subCode support looks up.
export function describeSdkError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, subCode, message } = error as { code?: unknown; subCode?: unknown; message?: unknown };
    // Whatever the SDK threw is printed as JavaScript would print it.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    const codes = typeof code === 'number' ? ` (${code}/${String(subCode ?? '-')})` : '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return `${String(message ?? error)}${codes}`;
  }
  return String(error);
}
