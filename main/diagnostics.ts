// Process: main. The text "Copy diagnostics" puts on the clipboard for the organization's support
// desk: versions (app, Electron, Chromium, the ACS Calling SDK), OS, the last call id (what
// Microsoft support asks for first) and the recent log lines (already redacted when written).
export interface DiagnosticsInput {
  app: string;
  electron: string;
  chrome: string;
  /** The @azure/communication-calling version the renderer was built with. */
  acsCalling: string;
  os: string;
  /** The ACS call id of the last call, when the renderer reported one. */
  lastCallId: string | null;
  recentLog: string[];
}

export function diagnosticsReport(input: DiagnosticsInput): string {
  return [
    `App: ${input.app}`,
    `Electron: ${input.electron}`,
    `Chromium: ${input.chrome}`,
    `ACS Calling SDK: ${input.acsCalling}`,
    `OS: ${input.os}`,
    `Last call id: ${input.lastCallId ?? '(none)'}`,
    '',
    'Recent log:',
    ...input.recentLog.slice(-100),
  ].join('\n');
}
