// The security gate: Electronegativity over the sources of all three processes, failing on any
// finding not in security/electronegativity-allowlist.json, where each entry says why it is safe.
// Stale entries fail too, so the allowlist stays short and true.
//
// The tool is run through its library entry, not its CLI: the CLI always exits 0, and it fetches
// translations (and Electron's release feed) from the internet, while tests talk only to
// loopback. Electron is pinned to an exact version instead of the release-feed check.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolRequire = createRequire(path.join(root, 'node_modules/@doyensec/electronegativity/package.json'));
const ELECTRON_VERSION = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const SOURCES = ['main', 'preload', 'renderer', 'common', 'package.json'];

/** The tool's own message loader fetches translations online; answer it with the bundled English. */
function configureMessages() {
  const loader = toolRequire.resolve('./dist/locales/i18n.js');
  toolRequire.cache[loader] = { id: loader, filename: loader, loaded: true, exports: { __esModule: true, default: async () => undefined } };
  const i18n = toolRequire('i18n');
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: path.join(path.dirname(toolRequire.resolve('./dist/runner.js')), 'locales'),
    updateFiles: false,
    objectNotation: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
}

/** Runs Electronegativity over a copy of the sources; returns its findings with their source line. */
export async function runElectronegativity(sourceRoot = root) {
  configureMessages();
  const run = toolRequire('./dist/runner.js');
  const work = mkdtempSync(path.join(tmpdir(), 'doorway-eneg-'));
  try {
    const input = path.join(work, 'src');
    for (const entry of SOURCES) cpSync(path.join(sourceRoot, entry), path.join(input, entry), { recursive: true });
    const result = await run(
      {
        input,
        isRelative: true,
        customScan: [],
        excludeFromScan: ['availablesecurityfixesglobalcheck', 'electronversionjsoncheck'],
        electronVersionOverride: ELECTRON_VERSION,
        parserPlugins: [],
      },
      false,
    );
    if (result.errors.some((error) => !error.tolerable)) throw new Error(`electronegativity could not parse: ${result.errors.map((e) => e.file).join(', ')}`);
    return result.issues.map((issue) => {
      const file = /^(main|preload|renderer|common)\//.test(issue.file) ? issue.file : 'N/A';
      const lineNumber = issue.location?.line ?? 0;
      const line = file === 'N/A' ? '' : (readFileSync(path.join(input, file), 'utf8').split('\n')[lineNumber - 1] ?? '').trim();
      return { check: issue.id, file, lineNumber, line, message: issue.description };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Splits findings into those no allowlist entry explains, and entries that explain nothing. */
export function judge(findings, allowlist) {
  const used = new Set();
  const unexplained = findings.filter((finding) => {
    const index = allowlist.findIndex((entry) => entry.check === finding.check && entry.file === finding.file && finding.line.includes(entry.line));
    if (index === -1) return true;
    used.add(index);
    return false;
  });
  return { unexplained, stale: allowlist.filter((_, index) => !used.has(index)) };
}

export function readAllowlist() {
  return JSON.parse(readFileSync(path.join(root, 'security/electronegativity-allowlist.json'), 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const findings = await runElectronegativity();
  const { unexplained, stale } = judge(findings, readAllowlist());
  for (const f of unexplained) console.error(`security: ${f.check} at ${f.file}:${f.lineNumber}: ${f.message}\n    ${f.line}`);
  for (const e of stale) console.error(`security: allowlist entry no longer matches anything (remove it): ${e.check} ${e.file} "${e.line}"`);
  if (unexplained.length || stale.length) process.exit(1);
  console.log(`security gate: ${findings.length} Electronegativity findings, each explained in security/electronegativity-allowlist.json`);
}
