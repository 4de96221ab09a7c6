// A client that sends changes faster than analysis finishes: results for old versions are never
// published after newer ones, bursts are coalesced, and the last diagnostics match the last text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../core';
import { positionOfText, TestClient } from './lsp-client';
import { TYPO } from './samples';

/** 50 single-character edits typed into the Comment string, then one that toggles the typo'd Next. */
async function burst(client: TestClient, uri: string): Promise<{ version: number; text: string }> {
  let text = TYPO;
  const start = positionOfText(TYPO, 'A typo in Next');
  const base = TYPO.indexOf('A typo in Next');
  let version = 1;
  for (let i = 0; i < 50; i++) {
    const at = { line: start.line, character: start.character + i };
    const ch = String.fromCharCode(97 + (i % 26));
    const offset = base + i;
    text = text.slice(0, offset) + ch + text.slice(offset);
    version = await client.change(uri, [{ range: { start: at, end: at }, text: ch }]);
  }
  // The last edit fixes the typo, so the final diagnostics differ from every earlier version's.
  const fixAt = positionOfText(text, '"Procss"', 5);
  const offset = text.indexOf('"Procss"') + 5;
  text = text.slice(0, offset) + 'e' + text.slice(offset);
  version = await client.change(uri, [{ range: { start: fixAt, end: fixAt }, text: 'e' }]);
  return { version, text };
}

test('push: 51 rapid edits -> versions published in order, coalesced, final diagnostics match the final text', async () => {
  const client = await TestClient.start();
  try {
    const uri = 'file:///tmp/burst.asl.json';
    await client.open(uri, TYPO);
    await client.diagnosticsFor(uri, 1);
    const { version, text } = await burst(client, uri);
    const final = await client.diagnosticsFor(uri, version);
    // Give a stale result the chance to arrive after the final one (it must not).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions}`);
    assert.equal(versions.at(-1), version, 'the last publication is for the last version');
    assert.ok(versions.length < 51, `a burst should be coalesced, got ${versions.length} publications: ${versions}`);

    const expected = analyze(text, { format: 'json' }).findings.filter((f) => !f.suppressed).map((f) => `${f.ruleId}@${f.offset}`);
    const actual = final.diagnostics.map((d) => `${d.code}@${offsetOf(text, d.range.start)}`);
    assert.deepEqual(actual, expected);
    assert.ok(!final.diagnostics.some((d) => d.code === 'ASL003'));
  } finally {
    await client.stop();
  }
});

test('pull: after a burst the diagnostic request answers for the final text', async () => {
  const client = await TestClient.start({ pull: true });
  try {
    const uri = 'file:///tmp/burst-pull.asl.json';
    await client.open(uri, TYPO);
    // Requests sent mid-burst, like a client that re-pulls on every change without waiting.
    const pending: Promise<unknown>[] = [];
    const { text } = await burst({
      change: async (u: string, changes: Parameters<TestClient['change']>[1]) => {
        const v = await client.change(u, changes);
        pending.push(client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }).catch(() => undefined));
        return v;
      },
    } as unknown as TestClient, uri);
    await Promise.all(pending);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    const expected = analyze(text, { format: 'json' }).findings.filter((f) => !f.suppressed).map((f) => f.ruleId);
    assert.deepEqual(report.items.map((d) => d.code), expected);
  } finally {
    await client.stop();
  }
});

function offsetOf(text: string, position: { line: number; character: number }): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, l) => sum + l.length + 1, 0) + position.character;
}
