// Server lifecycle over stdio: the bin entry (shebang, --version, bare command defaults to stdio),
// initialize capabilities, and a clean shutdown/exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProtocolConnection, InitializeRequest, StreamMessageReader, StreamMessageWriter, TextDocumentSyncKind } from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, ROOT, SERVER_JS, TestClient } from './lsp-client';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

test('the bin entry: package.json names it, it starts with a shebang and prints its version', () => {
  ensureServerBuilt();
  assert.equal(pkg.bin['asl-guard-language-server'], 'dist/server.js');
  assert.ok(readFileSync(SERVER_JS, 'utf8').startsWith('#!/usr/bin/env node\n'));
  const version = spawnSync(process.execPath, [SERVER_JS, '--version'], { encoding: 'utf8' });
  assert.equal(version.stdout.trim(), pkg.version);
});

test('initialize: incremental sync, symbols, definition, references, serverInfo; shutdown + exit ends the process with 0', async () => {
  const client = await TestClient.start();
  const { capabilities, serverInfo } = client.initializeResult;
  assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
  assert.ok(capabilities.documentSymbolProvider);
  assert.equal(capabilities.definitionProvider, true);
  assert.equal(capabilities.referencesProvider, true);
  assert.deepEqual(serverInfo, { name: 'asl-guard-language-server', version: pkg.version });
  const exited = new Promise<number | null>((resolve) => client.child.once('exit', resolve));
  await client.stop();
  assert.equal(await exited, 0);
});

test('run as a bare command (no transport option) it speaks LSP over stdio', async () => {
  ensureServerBuilt();
  const child = spawn(process.execPath, [SERVER_JS], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  try {
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(result.serverInfo?.name, 'asl-guard-language-server');
  } finally {
    connection.dispose();
    child.kill();
  }
});
