// build/installer.nsh: the Windows installer registers the link scheme under HKCU, reading it from
// branding.json at compile time. The compile check runs where makensis is installed (Debian's
// `nsis` package; electron-builder brings its own on a build machine), and is skipped otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBranding } from '../../scripts/builder-config';
import { protocolClientArgs } from '../../main/protocol-client';
import { ROOT } from './pack-linux-dir';

const include = readFileSync(path.join(ROOT, 'build', 'installer.nsh'), 'utf8');
const hasMakensis = spawnSync('makensis', ['-VERSION']).status === 0;

describe('Windows installer include (build/installer.nsh)', () => {
  it('finds the scheme in branding.json the way its !searchparse does', () => {
    const [, start, end] = /^!searchparse \/file "\$\{BUILD_RESOURCES_DIR\}\\branding\.json" `([^`]+)` LINK_SCHEME `([^`]+)`$/m.exec(include) ?? [];
    expect(start).toBeDefined();
    const line = readFileSync(path.join(ROOT, 'build', 'branding.json'), 'utf8').split('\n').find((l) => l.includes(start));
    const found = line?.slice(line.indexOf(start) + start.length).split(end)[0];
    expect(found).toBe(loadBranding(ROOT).linkScheme);
  });

  it('writes and removes the scheme under HKCU only', () => {
    expect(include).toMatch(/WriteRegStr HKCU "Software\\Classes\\\$\{LINK_SCHEME\}" "URL Protocol" ""/);
    expect(include).not.toMatch(/HKLM/);
  });

  it('registers the same command as app.setAsDefaultProtocolClient(scheme, exe, ["--"]): "--" before the link, so it is never read as a switch', () => {
    const command = /WriteRegStr HKCU "Software\\Classes\\\$\{LINK_SCHEME\}\\shell\\open\\command" "" '(.*)'$/m.exec(include)?.[1];
    // Electron writes `"<exe>" <args...> "%1"` (shell/browser/browser_win.cc); main passes ['--'] (main/protocol-client.ts).
    const { args = [] } = protocolClientArgs('win32', true, '$appExe', '');
    expect(command).toBe(['"$appExe"', ...args, '"%1"'].join(' '));
    expect(include).toMatch(/DeleteRegKey HKCU "Software\\Classes\\\$\{LINK_SCHEME\}"/);
    expect(include).not.toMatch(/HKLM/);
  });

  it.skipIf(!hasMakensis)('compiles with makensis and reads the branding scheme', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'doorway-nsis-'));
    try {
      // The few definitions electron-builder's templates provide around the include.
      const script = [
        'Unicode true',
        `!define BUILD_RESOURCES_DIR "${path.join(ROOT, 'build')}"`,
        '!define PRODUCT_NAME "Doorway"',
        '!include "LogicLib.nsh"',
        '!macro _isUpdated _a _b _t _f',
        '  StrCmp "" "" `${_f}` `${_t}`',
        '!macroend',
        '!define isUpdated `"" isUpdated ""`',
        'Var appExe',
        `!include "${path.join(ROOT, 'build', 'installer.nsh')}"`,
        '!warning "LINK_SCHEME=${LINK_SCHEME}"',
        `OutFile "${path.join(work, 'check.exe')}"`,
        'RequestExecutionLevel user',
        'Section',
        '  StrCpy $appExe "$INSTDIR\\Doorway.exe"',
        '  !insertmacro customInstall',
        'SectionEnd',
        'Section "Uninstall"',
        '  !insertmacro customUnInstall',
        'SectionEnd',
      ].join('\n');
      writeFileSync(path.join(work, 'check.nsi'), script);
      const result = spawnSync('makensis', ['-V2', path.join(work, 'check.nsi')], { encoding: 'utf8' });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain(`LINK_SCHEME=${loadBranding(ROOT).linkScheme}`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
