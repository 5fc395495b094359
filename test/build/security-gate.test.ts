// The security gate runs Electronegativity over the real sources; it must pass on them and must
// fail on code that turns the protections off.
import { cpSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, readAllowlist, runElectronegativity, type Finding } from '../../scripts/security-gate.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('security gate', () => {
  it('finds nothing unexplained in the sources, and every allowlist entry still applies', async () => {
    const findings: Finding[] = await runElectronegativity(root);
    const { unexplained, stale } = judge(findings, readAllowlist());
    expect(unexplained).toEqual([]);
    expect(stale).toEqual([]);
    for (const entry of readAllowlist()) expect(entry.why.length, entry.check).toBeGreaterThan(20);
  });

  it('fails on a window without context isolation or sandbox, and on an unvetted openExternal', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'doorway-insecure-'));
    for (const entry of ['main', 'preload', 'renderer', 'common', 'package.json']) cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
    mkdirSync(path.join(copy, 'main', 'unsafe'));
    cpSync(path.join(root, 'test/fixtures/insecure/window.ts'), path.join(copy, 'main', 'unsafe', 'window.ts'));
    const findings: Finding[] = await runElectronegativity(copy);
    const { unexplained } = judge(findings, readAllowlist());
    const checks = new Set(unexplained.map((f: Finding) => f.check));
    expect(checks).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(checks).toContain('SANDBOX_JS_CHECK');
    expect(checks).toContain('OPEN_EXTERNAL_JS_CHECK');
  });
});
