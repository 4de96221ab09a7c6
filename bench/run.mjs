// `npm run bench`: every benchmark in one run, one table, and bench/RESULTS.md with the date,
// cores, Node and package versions. Each part runs in its own process so one cannot warm or
// slow another. Reference figures (other tools) are measured in the same run, never copied.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [10, 100, 1000] : [10, 100, 1000, 5000, 20000];
const LSP_SIZES = quick ? [100, 1000] : [100, 1000, 5000, 20000];
const log = (s) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);

function json(command, args) {
  const out = execFileSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop());
}

const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const kb = (path) => (existsSync(path) ? statSync(path).size / 1024 : NaN);
const f = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

log('in-process: jsonc-parser, ASL Guard cold/warm, AWS language service');
const inProcess = [];
for (const n of SIZES) inProcess.push(...json(process.execPath, ['--import', 'tsx', 'bench/in-process.mts', '--json', '--sizes', String(n)]));
log('pathological documents and the corpus');
const pathological = json(process.execPath, ['--import', 'tsx', 'bench/pathological.mts', '--json']);
log('over LSP: ASL Guard vs the JSON language server (pull)');
const lsp = [];
for (const n of LSP_SIZES) lsp.push(...json(process.execPath, ['bench/lsp-compare.mjs', '--json', '--sizes', String(n), '--edits', '50']));
log('CLI scan of the corpus (wall, 5 runs)');
const corpusDir = process.env.ASL_GUARD_CORPUS ?? join(root, '..', 'shared', 'corpus');
const scanTimes = [];
if (existsSync(corpusDir)) {
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['dist/cli.js', 'scan', corpusDir, '--format', 'json', '--fail-on', 'none'], { cwd: root, stdio: 'ignore' });
    scanTimes.push(performance.now() - start);
  }
}

/** The latest e2e measurement (test/e2e/lib/startup-metrics.mjs writes it), or why there is none. */
function startupLine() {
  const file = join(process.env.E2E_RESULTS ?? join(root, 'test-results'), 'e2e-metrics.json');
  const where = `\`${relative(root, file)}\``;
  if (!existsSync(file)) return `no measurement: ${where} is missing (\`npm run test:e2e\` writes it).`;
  const m = JSON.parse(readFileSync(file, 'utf8'));
  const a = m.activationToFirstDiagnostics;
  const d = m.documentToFirstDiagnostics;
  const first = m.exthost && m.exthost.firstDiagnostics - m.exthost.serverStarting;
  const parts = [a ? `median ${f(a.median, 0)} ms (${f(a.min, 0)}–${f(a.max, 0)}) over the ${a.samples} cold windows the first ASL document activated` : 'no window was activated by an ASL document'];
  if (d) parts.push(`first ASL document → first diagnostics median ${f(d.median, 0)} ms over ${d.samples} windows`);
  if (m.clientBundleBeforeActivation) parts.push(`before activation, dist/client.js evaluates in median ${f(m.clientBundleBeforeActivation.median, 0)} ms`);
  if (Number.isFinite(first)) parts.push(`first start after install (empty compile cache, extension-host test window) ${f(first, 0)} ms from its document`);
  const load = m.machine ? `, ${m.machine.cores} cores at load average ${m.machine.loadAverage.join(' ')}` : '';
  return `${parts.join('; ')}. Measured ${m.measuredAt.slice(0, 10)} by \`npm run test:e2e\` (VS Code ${m.vscode ?? '?'} in code-server, extension host Node ${m.extensionHostNode ?? '?'}${load}; ${where}).`;
}

const lines = [];
const out = (s = '') => lines.push(s);
out('# Benchmark results');
out();
out(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end, Node ${process.version}.`);
out(`Packages: jsonc-parser ${version('jsonc-parser')}, amazon-states-language-service ${version('amazon-states-language-service')}, vscode-langservers-extracted ${version('vscode-langservers-extracted')}, jsonata ${version('jsonata')}, yaml ${version('yaml')}.`);
out('Documents: `bench/generate-definition.mjs` (deterministic, realistic states of ~850 bytes). Medians of interleaved rounds; times in ms.');
out();
out('## In process');
out();
out('| states | size | jsonc-parser parseTree | ASL Guard cold | cold ÷ parse | warm: edit in a string | warm: edit of a transition | longest slice of a cold job | AWS language service | AWS ÷ ASL Guard cold |');
out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of inProcess) out(`| ${r.states} | ${f(r.bytes / 1024, 0)} KB | ${f(r.parseTree)} | ${f(r.cold)} | ${f(r.cold / r.parseTree, 2)}× | ${f(r.warm, 2)} | ${f(r.warmStructural)} | ${f(r.longestSlice)} | ${f(r.aws, 0)} | ${f(r.aws / r.cold, 1)}× |`);
out();
out('Warm edits get the edited text as the server holds it, a piece table (`PieceText`): no string of the whole document is built.');
out();
out('## Over LSP (50 single-character edits into a string in the middle; change → diagnostics for that version, pull)');
out();
out('| states | server | open → first diagnostics | median | p95 | resident memory |');
out('|---:|---|---:|---:|---:|---:|');
for (const r of lsp) out(`| ${r.states} | ${r.server} | ${f(r.openMs, 0)} | ${f(r.median)} | ${f(r.p95)} | ${f(r.rssMb, 0)} MB |`);
out();
out('## Documents that must never freeze the editor (in process)');
out();
out('| document | size | jsonc-parser parseTree | ASL Guard analyze |');
out('|---|---:|---:|---:|');
for (const r of pathological) out(`| ${r.name} | ${f(r.bytes / 1024, 0)} KB | ${f(r.parseTree)} | ${f(r.analyze)} |`);
out();
out('## Sizes and the CLI');
out();
out(`- \`asl-guard scan ../shared/corpus\` wall time, median of 5: ${f(median(scanTimes), 0)} ms`);
for (const file of ['dist/asl-guard.vsix', 'dist/client.js', 'dist/server.js', 'dist/cli.js']) out(`- \`${file}\`: ${f(kb(join(root, file)), 0)} KB`);
out(`- Activation to first diagnostics in real VS Code: ${startupLine()}`);
const report = lines.join('\n') + '\n';
if (!quick) writeFileSync(join(root, 'bench', 'RESULTS.md'), report);
process.stdout.write(report);
