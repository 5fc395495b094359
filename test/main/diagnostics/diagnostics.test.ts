// "Copy diagnostics": the versions, OS, last call id and recent log lines support asks for.
import { describe, expect, it } from 'vitest';
import { diagnosticsReport, type DiagnosticsInput } from '../../../main/diagnostics';

const input: DiagnosticsInput = {
  app: '0.1.0',
  electron: '45.4.1',
  chrome: '140.0.7339.0',
  acsCalling: '2.0.0',
  os: 'win32 10.0.26100 x64',
  lastCallId: '0a1b2c3d-call',
  recentLog: Array.from({ length: 150 }, (_, i) => `line ${i}`),
};

describe('diagnostics report', () => {
  it('lists app, Electron, Chromium, ACS SDK and OS versions and the last call id', () => {
    const report = diagnosticsReport(input);
    expect(report.split('\n').slice(0, 6)).toEqual([
      'App: 0.1.0',
      'Electron: 45.4.1',
      'Chromium: 140.0.7339.0',
      'ACS Calling SDK: 2.0.0',
      'OS: win32 10.0.26100 x64',
      'Last call id: 0a1b2c3d-call',
    ]);
  });

  it('says when no call id is known', () => {
    expect(diagnosticsReport({ ...input, lastCallId: null })).toContain('Last call id: (none)');
  });

  it('ends with the last 100 log lines', () => {
    const lines = diagnosticsReport(input).split('\n');
    expect(lines.slice(lines.indexOf('Recent log:') + 1)).toEqual(input.recentLog.slice(-100));
  });
});
