// Same harness, same documents, one run: ASL Guard's language server and the JSON language
// server (vscode-langservers-extracted), both in LSP 3.17 pull mode. For each server: open a
// generated definition, send single-character edits into a string in its middle, and time each
// edit from the change to the diagnostic report for that version; then read the server's RSS.
// Like VS Code's client, each pull sends the previous report's resultId, so a server may answer
// `unchanged` instead of re-sending identical diagnostics (`unchanged` counts those answers).
//   node bench/lsp-compare.mjs [--sizes 100,1000] [--edits 50] [--json]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentDiagnosticRequest, ExitNotification,
  InitializedNotification, InitializeRequest, RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, ConfigurationRequest,
} from 'vscode-languageserver-protocol/node';
import { generateText } from './generate-definition.mjs';
import { median, percentile } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const SERVERS = {
  // Launched with the V8 flags the VS Code client gives it (protocol/server-exec-argv.json), as users get it.
  'asl-guard': { command: [...JSON.parse(readFileSync(join(root, 'protocol', 'server-exec-argv.json'), 'utf8')), join(root, 'dist', 'server.js'), '--stdio'], languageId: 'asl' },
  'json-language-server': { command: [require.resolve('vscode-langservers-extracted/bin/vscode-json-language-server'), '--stdio'], languageId: 'json' },
};

function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** Measures one server on one document. */
export async function measureServer(name, text, edits) {
  const { command, languageId } = SERVERS[name];
  const child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(RegistrationRequest.type, () => null);
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
  connection.onNotification(() => {});
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: { diagnostic: { dynamicRegistration: true }, publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: true } },
        workspace: { configuration: true },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const uri = `file:///bench/doc-${text.length}.${languageId === 'asl' ? 'asl.json' : 'json'}`;
    let previousResultId;
    let unchanged = 0;
    const pull = async () => {
      const report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
      previousResultId = report.resultId;
      return report;
    };
    const openStart = performance.now();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    const first = await pull();
    const openMs = performance.now() - openStart;
    let current = text;
    let offset = current.indexOf('"Comment": "', Math.floor(current.length / 2)) + '"Comment": "'.length;
    const times = [];
    let lastCount = first.items?.length ?? 0;
    for (let version = 2; version < 2 + edits; version++) {
      const position = positionAt(current, offset);
      const start = performance.now();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text: 'x' }],
      });
      const report = await pull();
      times.push(performance.now() - start);
      if (report.kind === 'unchanged') unchanged++;
      lastCount = report.items?.length ?? lastCount;
      current = current.slice(0, offset) + 'x' + current.slice(offset);
      offset++;
    }
    return { server: name, openMs, median: median(times), p95: percentile(times, 95), rssMb: rssMb(child.pid), diagnostics: lastCount, unchanged };
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => {});
    await connection.sendNotification(ExitNotification.type).catch(() => {});
    connection.dispose();
    child.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (flag, fallback) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : fallback);
  const sizes = arg('--sizes', '100,1000').split(',').map(Number);
  const edits = Number(arg('--edits', 50));
  const rows = [];
  for (const states of sizes) {
    const text = generateText(states);
    for (const name of Object.keys(SERVERS)) rows.push({ states, ...(await measureServer(name, text, edits)) });
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else console.table(rows.map((r) => ({ ...r, openMs: r.openMs.toFixed(0), median: r.median.toFixed(1), p95: r.p95.toFixed(1), rssMb: r.rssMb.toFixed(0) })));
}
