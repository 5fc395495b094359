// Process: main. The text "Copy diagnostics" puts on the clipboard for the organization's support
// desk: versions, OS and the recent log lines (already redacted when they were written).
export interface DiagnosticsInput {
  app: string;
  electron: string;
  chrome: string;
  os: string;
  recentLog: string[];
}

export function diagnosticsReport(input: DiagnosticsInput): string {
  return [
    `App: ${input.app}`,
    `Electron: ${input.electron}`,
    `Chromium: ${input.chrome}`,
    `OS: ${input.os}`,
    '',
    'Recent log:',
    ...input.recentLog.slice(-100),
  ].join('\n');
}
