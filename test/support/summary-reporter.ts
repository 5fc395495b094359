// Prints one plain closing line that CI reads to count what ran: "tests: N passed, N failed,
// N skipped; files: N failed; errors: N". A file that failed as a whole (an import error, a
// beforeAll that throws, e.g. no browser) counts as failed even though Vitest marks its tests
// skipped, and so does an unhandled error.
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  failedFiles: number;
  errors: number;
}

export function summarize(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): Summary {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0, failedFiles: 0, errors: unhandledErrors.length };
  for (const module of modules) {
    if (module.state() === 'failed' || module.errors().length > 0) summary.failedFiles++;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') summary.passed++;
      else if (state === 'failed') summary.failed++;
      else summary.skipped++;
    }
  }
  return summary;
}

export function summaryLine(s: Summary): string {
  return `tests: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped; files: ${s.failedFiles} failed; errors: ${s.errors}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    process.stdout.write(`\n${summaryLine(summarize(modules, unhandledErrors))}\n`);
  }
}
