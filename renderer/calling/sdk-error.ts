// Process: renderer. One line for the log from whatever the SDK threw: its message and, for a
// CallingCommunicationError, the code/subCode support looks up.
export function describeSdkError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, subCode, message } = error as { code?: unknown; subCode?: unknown; message?: unknown };
    const codes = typeof code === 'number' ? ` (${code}/${String(subCode ?? '-')})` : '';
    return `${String(message ?? error)}${codes}`;
  }
  return String(error);
}
