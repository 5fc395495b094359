// Prints one plain closing line that CI reads to count what ran: "tests: N passed, N failed,
// N skipped; files: N failed; errors: N", plus "; e2e: N passed in N files" when end-to-end files
// (test/e2e/) were part of the run, "; e2e: none in this run" when none were. A file that failed as a whole (an import error, a beforeAll
// that throws, e.g. no browser) counts as failed even though Vitest marks its tests skipped, and so
// does an unhandled error. A run that included E2E files but passed none of their tests (all
// skipped) is a failure too: the line says so and the run exits non-zero.
import path from 'node:path';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  failedFiles: number;
  errors: number;
  /** Files under test/e2e/ in this run, and how many of their tests passed. */
  e2eFiles: number;
  e2ePassed: number;
}

/** Whether a test file is an end-to-end file: it lives under test/e2e/ of the project's root. */
export function isE2eFile(moduleId: string, root: string): boolean {
  const relative = path.relative(root, moduleId).split(path.sep).join('/');
  return relative.startsWith('test/e2e/');
}

export function summarize(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): Summary {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0, failedFiles: 0, errors: unhandledErrors.length, e2eFiles: 0, e2ePassed: 0 };
  for (const module of modules) {
    const e2e = isE2eFile(module.moduleId, module.project.config.root);
    if (e2e) summary.e2eFiles++;
    if (module.state() === 'failed' || module.errors().length > 0) summary.failedFiles++;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') {
        summary.passed++;
        if (e2e) summary.e2ePassed++;
      } else if (state === 'failed') summary.failed++;
      else summary.skipped++;
    }
  }
  return summary;
}

/** E2E files ran but not one of their tests passed: nothing showed the app working in a browser. */
export function noE2eRan(s: Summary): boolean {
  return s.e2eFiles > 0 && s.e2ePassed === 0;
}

export function isFailure(s: Summary): boolean {
  return s.failed > 0 || s.failedFiles > 0 || s.errors > 0 || noE2eRan(s);
}

export function summaryLine(s: Summary): string {
  const line = `tests: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped; files: ${s.failedFiles} failed; errors: ${s.errors}`;
  // Said even when no E2E file was picked, so a run without them never reads as the whole suite.
  if (s.e2eFiles === 0) return `${line}; e2e: none in this run`;
  const e2e = `; e2e: ${s.e2ePassed} passed in ${s.e2eFiles} file${s.e2eFiles === 1 ? '' : 's'}`;
  return noE2eRan(s) ? `${line}${e2e} (failed: no end-to-end test ran)` : `${line}${e2e}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const summary = summarize(modules, unhandledErrors);
    process.stdout.write(`\n${summaryLine(summary)}\n`);
    // Vitest sets a non-zero exit code for failed tests, files and errors itself, not for this.
    if (noE2eRan(summary)) process.exitCode = 1;
  }
}
