// Diagnostics over a real LSP connection: push (client without pull support) and pull
// (textDocument/diagnostic), incremental edits, metadata, tags, YAML, close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticTag, DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { positionOf, positionOfText, TestClient } from './lsp-client';
import { TYPO, TYPO_YAML } from './samples';

test('push: open -> diagnostics with code, source, docs link, fix ids and tags', async () => {
  const client = await TestClient.start();
  try {
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined, 'a push client must not be offered pull diagnostics');
    const uri = 'file:///tmp/typo.asl.json';
    await client.open(uri, TYPO);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const typo = diagnostics.find((d) => d.code === 'ASL003');
    assert.ok(typo, `no ASL003 in ${JSON.stringify(diagnostics)}`);
    assert.equal(typo.source, 'asl-guard');
    assert.equal(typo.severity, 1);
    assert.match(typo.message as string, /Procss/);
    assert.match(typo.codeDescription!.href, /docs\/rules\/ASL003\.md$/);
    assert.deepEqual(typo.range.start, positionOfText(TYPO, '"Procss"'));
    assert.deepEqual(typo.range.end, positionOfText(TYPO, '"Procss"', '"Procss"'.length));
    assert.deepEqual(typo.data, { ruleId: 'ASL003', fixIds: ['replace-target'] });
    const unreachable = diagnostics.find((d) => d.code === 'ASL004');
    assert.ok(unreachable, 'the typo leaves "Process" unreachable');
    assert.deepEqual(unreachable.tags, [DiagnosticTag.Unnecessary]);
  } finally {
    await client.stop();
  }
});

test('push: an incremental edit that fixes the typo clears the structural errors', async () => {
  const client = await TestClient.start();
  try {
    const uri = 'file:///tmp/edit.asl.json';
    await client.open(uri, TYPO);
    await client.diagnosticsFor(uri, 1);
    // Insert the missing "e": "Procss" -> "Process".
    const at = positionOfText(TYPO, '"Procss"', 5);
    const version = await client.change(uri, [{ range: { start: at, end: at }, text: 'e' }]);
    const { diagnostics } = await client.diagnosticsFor(uri, version);
    assert.deepEqual(diagnostics.filter((d) => /^ASL00[34]$/.test(String(d.code))), []);
    // And the reverse edit brings the error back: the server really uses the incremental text.
    const back = await client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
    assert.ok((await client.diagnosticsFor(uri, back)).diagnostics.some((d) => d.code === 'ASL003'));
  } finally {
    await client.stop();
  }
});

test('push: a YAML document (asl-yaml) gets the same finding at the YAML position', async () => {
  const client = await TestClient.start();
  try {
    const uri = 'file:///tmp/typo.asl.yaml';
    await client.open(uri, TYPO_YAML, 'asl-yaml');
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const typo = diagnostics.find((d) => d.code === 'ASL003');
    assert.ok(typo);
    assert.deepEqual(typo.range.start, positionOfText(TYPO_YAML, 'Procss'));
  } finally {
    await client.stop();
  }
});

test('push: closing a document clears its diagnostics; plain JSON that is not a state machine gets none', async () => {
  const client = await TestClient.start();
  try {
    const uri = 'file:///tmp/close.asl.json';
    await client.open(uri, TYPO);
    await client.diagnosticsFor(uri, 1);
    await client.close(uri);
    await client.waitFor(() => client.published.some((p) => p.uri === uri && p.version === undefined && p.diagnostics.length === 0), 'cleared diagnostics');

    const plain = 'file:///tmp/package.json';
    await client.open(plain, '{ "name": "x", "version": "1.0.0" }', 'json');
    assert.deepEqual((await client.diagnosticsFor(plain, 1)).diagnostics, []);
    // ...but a plain .json whose root has StartAt and States is analysed.
    const machine = 'file:///tmp/machine.json';
    await client.open(machine, TYPO, 'json');
    assert.ok((await client.diagnosticsFor(machine, 1)).diagnostics.some((d) => d.code === 'ASL003'));
  } finally {
    await client.stop();
  }
});

test('pull: the server offers diagnosticProvider and answers textDocument/diagnostic with result ids', async () => {
  const client = await TestClient.start({ pull: true });
  try {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
    const uri = 'file:///tmp/pull.asl.json';
    await client.open(uri, TYPO);
    const first = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.equal(first.kind, 'full');
    assert.ok(first.items.some((d) => d.code === 'ASL003' && d.source === 'asl-guard'));
    assert.ok(first.resultId);

    const same = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.deepEqual(same, { kind: 'unchanged', resultId: first.resultId });

    const at = positionOfText(TYPO, '"Procss"', 5);
    await client.change(uri, [{ range: { start: at, end: at }, text: 'e' }]);
    const after = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId })) as FullDocumentDiagnosticReport;
    assert.equal(after.kind, 'full');
    assert.notEqual(after.resultId, first.resultId);
    assert.ok(!after.items.some((d) => d.code === 'ASL003'));
    assert.equal(client.published.length, 0, 'a pull client gets no pushed diagnostics');
  } finally {
    await client.stop();
  }
});

test('pull: a newer version whose diagnostics the client already holds is answered unchanged; any difference gets a full report', async () => {
  const client = await TestClient.start({ pull: true });
  const pull = (previousResultId?: string) => client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  const uri = 'file:///tmp/pull-unchanged.asl.json';
  try {
    let text = TYPO;
    const edit = async (offset: number, inserted: string) => {
      const at = positionOf(text, offset);
      text = text.slice(0, offset) + inserted + text.slice(offset);
      await client.change(uri, [{ range: { start: at, end: at }, text: inserted }]);
    };
    await client.open(uri, text);
    const first = (await pull()) as FullDocumentDiagnosticReport;
    assert.equal(first.kind, 'full');

    // Typing into the Comment (line 1) moves no diagnostic (they are on lines 4 and 5).
    await edit(text.indexOf('A typo') + 1, 'xy');
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId }, 'asked again for the same version');
    const fresh = (await pull()) as FullDocumentDiagnosticReport;
    assert.equal(fresh.kind, 'full', 'a client that holds nothing gets everything');
    assert.deepEqual(fresh.items, first.items);

    // A new line above the findings moves every range: full report, new result id.
    await edit(text.indexOf('  "StartAt"'), '\n');
    const moved = (await pull(fresh.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, fresh.resultId);
    assert.deepEqual(moved.items.map((d) => d.range.start.line), first.items.map((d) => d.range.start.line + 1));

    // Fixing the typo changes the findings themselves.
    await edit(text.indexOf('"Procss"') + 5, 'e');
    const fixed = (await pull(moved.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(fixed.kind, 'full');
    assert.ok(!fixed.items.some((d) => d.code === 'ASL003'));
    // A stale result id (not the last one sent) never gets `unchanged`.
    assert.equal((await pull(first.resultId)).kind, 'full');
  } finally {
    await client.stop();
  }
});
