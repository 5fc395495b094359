// npm run mutation [folder or file ...] [stryker options]: StrykerJS over the listed folders or
// files (default: the folders below), then the mutation score per folder and every surviving mutant, one per line,
// computed with mutation-testing-metrics (Stryker's own scoring) from reports/mutation/mutation.json.
// Exits non-zero when Stryker fails or a folder scores under TARGET.
//   npm run mutation -- main/links            one folder
//   npm run mutation -- renderer/calling/call-session.ts   one file
//   npm run mutation -- main/ipc --force      ignore the incremental results, run every mutant
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { calculateMetrics } from 'mutation-testing-metrics';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FOLDERS = ['renderer/calling', 'main/tokens', 'main/links', 'main/deep-links', 'main/ipc', 'server'];
// The scripted meeting is the counterpart the calling tests check against, not calling code under
// test; it is mutated only when named (npm run mutation -- renderer/calling/practice).
const EXCLUDED = ['renderer/calling/practice'];
const TARGET = 80;
const REPORT = path.join(root, 'reports/mutation/mutation.json');

const isPath = (arg) => !arg.startsWith('-') && existsSync(path.join(root, arg));
const args = process.argv.slice(2);
const named = args.filter(isPath).map((arg) => path.posix.normalize(arg.split(path.sep).join('/')).replace(/\/$/, ''));
const strykerArgs = args.filter((arg) => !isPath(arg));
const folders = named.length > 0 ? named : DEFAULT_FOLDERS;

const inside = (file, folder) => file === folder || file.startsWith(`${folder}/`);
const mutate = folders.flatMap((folder) =>
  statSync(path.join(root, folder)).isFile()
    ? [folder]
    : [
        `${folder}/**/*.ts`,
        `${folder}/**/*.tsx`,
        `!${folder}/**/*.d.ts`,
        ...EXCLUDED.filter((excluded) => inside(excluded, folder) && excluded !== folder).map((excluded) => `!${excluded}/**`),
      ],
);
// One incremental file per folder selection, so that a run of one folder does not drop the others'.
const fullSelection = named.length > 0 ? named.map((folder) => folder.replaceAll('/', '-')).join('+') : 'all';
// A file name has at most 255 bytes: a long selection (several files) keeps a readable start and a hash of the whole.
const selection = fullSelection.length <= 200 ? fullSelection : `${fullSelection.slice(0, 150)}+${createHash('sha256').update(fullSelection).digest('hex').slice(0, 16)}`;
const incrementalFile = `reports/mutation/incremental/${selection}.json`;

const stryker = path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');
const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', '--mutate', mutate.join(','), '--incrementalFile', incrementalFile, ...strykerArgs], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) process.exit(run.status ?? 1);

const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const format = (score) => (Number.isNaN(score) ? 'n/a' : `${score.toFixed(2)}%`);
const rows = folders.map((folder) => {
  const files = Object.fromEntries(Object.entries(report.files).filter(([file]) => inside(path.relative(root, path.resolve(root, file)).split(path.sep).join('/'), folder)));
  return { folder, files, metrics: calculateMetrics(files).metrics };
});

console.log('\nMutation score per folder (killed + timeout) / (valid mutants):');
for (const { folder, metrics } of rows) {
  const below = metrics.mutationScore < TARGET ? `  below ${TARGET}%` : '';
  console.log(
    `  ${folder.padEnd(18)} ${format(metrics.mutationScore).padStart(8)}  killed ${metrics.killed}, timeout ${metrics.timeout}, survived ${metrics.survived}, no coverage ${metrics.noCoverage}, ignored ${metrics.ignored}${below}`,
  );
}

const undetected = rows.flatMap(({ files }) =>
  Object.entries(files).flatMap(([file, result]) =>
    result.mutants.filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage').map((mutant) => ({ file, mutant })),
  ),
);
console.log(`\nSurviving mutants (${undetected.length}):`);
for (const { file, mutant } of undetected) {
  const { line, column } = mutant.location.start;
  const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ');
  const shown = replacement.length > 100 ? `${replacement.slice(0, 97)}...` : replacement;
  console.log(`  ${path.relative(root, path.resolve(root, file))}:${line}:${column}  ${mutant.mutatorName}${mutant.status === 'NoCoverage' ? ' (no coverage)' : ''}  -> ${shown}`);
}

if (rows.some(({ metrics }) => metrics.mutationScore < TARGET)) process.exit(1);
