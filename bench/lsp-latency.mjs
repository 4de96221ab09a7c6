// Change -> diagnostics latency through the real language server: starts dist/server.js --stdio,
// opens a generated definition, then sends single-character edits into a string in the middle
// of it, one at a time, and measures for each the time from sending the change to receiving the
// diagnostics published for that version. Prints median and p95 for 1,000 and 100 states.
//   node bench/lsp-latency.mjs [--edits 50] [--sizes 1000,100] [--node-args "--cpu-prof --cpu-prof-dir=prof"]
//   (after npm run build; --node-args go to the server's node, e.g. to profile it)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import {
  createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
  InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { generateText } from './generate-definition.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'dist', 'server.js');
const arg = (flag, fallback) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : fallback);
const EDITS = Number(arg('--edits', 50));
const SIZES = arg('--sizes', '1000,100').split(',').map(Number);
const NODE_ARGS = arg('--node-args', '').split(' ').filter(Boolean);
if (!existsSync(server)) {
  console.error('dist/server.js is missing: run `npm run build` first.');
  process.exit(1);
}

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

async function measure(states) {
  const child = spawn(process.execPath, [...NODE_ARGS, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  let lastCount = 0;
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    waiting.get(p.version)?.(performance.now());
    lastCount = p.diagnostics.length;
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const text = generateText(states);
  const uri = `file:///bench/generated-${states}.asl.json`;
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  const opened = published(1);
  const openStart = performance.now();
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'asl', version: 1, text } });
  const openMs = (await opened) - openStart;

  // Type into the Comment string of the middle state: each edit inserts one character after the last.
  const middle = `Step${String(Math.floor(states / 2)).padStart(4, '0')}`;
  const insertAt = text.indexOf('"Comment": "', text.indexOf(`"${middle}": {`)) + '"Comment": "'.length;
  const start = positionAt(text, insertAt);
  const latencies = [];
  for (let i = 0; i < EDITS; i++) {
    const version = i + 2;
    const at = { line: start.line, character: start.character + i };
    const done = published(version);
    const sent = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: at }, text: String.fromCharCode(97 + (i % 26)) }],
    });
    latencies.push((await done) - sent);
  }
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  const sorted = [...latencies].sort((a, b) => a - b);
  return { states, bytes: Buffer.byteLength(text), openMs, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1), diagnostics: lastCount };
}

// The load average is printed because shared machines inflate every number below.
console.log(`lsp-latency: ${EDITS} single-character edits per document, node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0].toFixed(1)}`);
for (const states of SIZES) {
  const r = await measure(states);
  console.log(
    `${String(r.states).padStart(5)} states (${(r.bytes / 1024).toFixed(0)} KB): change -> diagnostics median ${r.median.toFixed(1)} ms, ` +
      `p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; open -> first diagnostics ${r.openMs.toFixed(0)} ms; ${r.diagnostics} diagnostics`,
  );
}
