// Records activation → first diagnostics from an e2e run in E2E_RESULTS/e2e-metrics.json (read by
// bench/run.mjs). Every workbench window of the run is a cold start (a new extension host); each writes
// "first diagnostics N ms after activation" to its ASL Guard output channel, and VS Code's extension-host
// log says what activated the extension. Windows activated by an ASL document ('onLanguage:asl…') measure
// the whole start-up; the others (activated earlier for a plain JSON file) only from the first ASL
// document on. The extension-host tests' own timings ("e2e-metric startup {…}") are kept in full.
// A run that measured nothing leaves the previous file as it was.
//   usage: node startup-metrics.mjs RESULTS_DIR RUN_DIR
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';

const [, , results, run] = process.argv;
if (!run) {
  console.error('usage: node startup-metrics.mjs RESULTS_DIR RUN_DIR');
  process.exit(2);
}

/** The last `e2e-metric startup {json}` line of the extension-host console, parsed. */
function exthostTimings() {
  const log = join(results, 'logs', 'exthost-console.log');
  if (!existsSync(log)) return undefined;
  const last = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('e2e-metric startup {')).at(-1);
  return last ? JSON.parse(last.slice(last.indexOf('{'))) : undefined;
}

/** One entry per window whose ASL Guard output channel has the first-diagnostics line. */
function windows() {
  const out = [];
  for (const profile of readdirSync(run).filter((d) => d.startsWith('ud-'))) {
    const logs = join(run, profile, 'logs');
    if (!existsSync(logs)) continue;
    for (const file of readdirSync(logs, { recursive: true }).map(String).filter((f) => f.endsWith('ASL Guard.log')).sort()) {
      // "first diagnostics N ms after activation (doc; server started at a, process up at b, …, ready at f ms)"
      const line = readFileSync(join(logs, file), 'utf8');
      const m = /first diagnostics (\d+) ms after activation(?: \([^)]*\))? \(([^;)]+); ([^)]*) ms\)/.exec(line);
      if (!m) continue;
      const steps = Object.fromEntries([...m[3].matchAll(/([a-z ]+) at (\d+)/g)].map(([, name, ms]) => [name.trim(), Number(ms)]));
      // …/exthostN/asl-guard.asl-guard/ASL Guard.log: the extension host's own log is …/exthostN/{remoteexthost,exthost}.log.
      const hostDir = join(logs, dirname(dirname(file)));
      const hostLog = ['remoteexthost.log', 'exthost.log'].map((f) => join(hostDir, f)).find(existsSync);
      const event = hostLog && /asl-guard\.asl-guard, startup: \w+, activationEvent: '([^']+)'/.exec(readFileSync(hostLog, 'utf8'))?.[1];
      out.push({
        window: `${profile.slice(3)}/${hostDir.split('/').at(-1)}`,
        document: m[2],
        activationEvent: event ?? 'unknown',
        clientBundle: Number(/client bundle evaluated in (\d+) ms/.exec(line)?.[1] ?? NaN),
        firstDiagnostics: Number(m[1]),
        serverStarting: steps['server started'],
        serverProcess: steps['process up'],
        serverScript: steps['bundle running'],
        serverLoaded: steps.loaded,
        serverInitialize: steps.initialize,
        serverReady: steps.ready,
      });
    }
  }
  return out;
}

/** Median, min, max and count of a list of numbers (undefined when empty). */
function summary(values) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), samples: sorted.length };
}

const exthost = exthostTimings();
const all = windows();
if (!exthost && !all.length) {
  console.log('startup metrics: nothing measured in this run (the previous e2e-metrics.json, if any, is kept)');
  process.exit(0);
}
const byAsl = all.filter((w) => w.activationEvent.startsWith('onLanguage:asl'));
const metrics = {
  measuredAt: new Date().toISOString(),
  vscode: exthost?.vscode,
  extensionHostNode: exthost?.node,
  // Every window shares the machine with chromium, code-server and whatever else runs: read the times with this.
  machine: { cores: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10) },
  note: 'Milliseconds. activationToFirstDiagnostics: windows the first ASL document activated (activate() began → its first diagnostics). documentToFirstDiagnostics: every window, from the moment the first ASL document was seen (server start) → its first diagnostics. clientBundleBeforeActivation: dist/client.js evaluating, just before activate().',
  activationToFirstDiagnostics: summary(byAsl.map((w) => w.firstDiagnostics)),
  documentToFirstDiagnostics: summary(all.map((w) => w.firstDiagnostics - w.serverStarting)),
  clientBundleBeforeActivation: summary(all.map((w) => w.clientBundle).filter(Number.isFinite)),
  windows: all,
  exthost,
};
writeFileSync(join(results, 'e2e-metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
for (const w of all) console.log(`startup: ${w.window} (${w.activationEvent}): first diagnostics ${w.firstDiagnostics} ms after activation, ${w.firstDiagnostics - w.serverStarting} ms after the server started (${w.document})`);
const a = metrics.activationToFirstDiagnostics;
const d = metrics.documentToFirstDiagnostics;
if (a) console.log(`startup: activation → first diagnostics, median ${a.median} ms (${a.min}–${a.max}, ${a.samples} windows activated by an ASL document)`);
if (d) console.log(`startup: first ASL document → first diagnostics, median ${d.median} ms (${d.min}–${d.max}, ${d.samples} windows)`);
console.log(`startup metrics written to ${join(results, 'e2e-metrics.json')}`);
