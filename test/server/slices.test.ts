// A document far above the 1 MB limit is analysed in slices: the server answers requests for
// other documents in between, and an analysis whose text is overtaken by a change is not
// published for the old text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../core';
import { positionOf, TestClient } from './lsp-client';
import { TYPO } from './samples';

async function bigDefinition(states: number): Promise<string> {
  const { generateText } = (await import('../../bench/generate-definition.mjs')) as { generateText(n: number): string };
  return generateText(states);
}

const codes = (report: unknown) => (report as FullDocumentDiagnosticReport).items.map((d) => d.code);

test('a small document is answered while a big one is still being analysed', { timeout: 120_000 }, async () => {
  const big = await bigDefinition(5000);
  const client = await TestClient.start({ pull: true });
  try {
    const bigUri = 'file:///tmp/big.asl.json';
    const smallUri = 'file:///tmp/small.asl.json';
    await client.open(bigUri, big);
    await client.open(smallUri, TYPO);
    const order: string[] = [];
    const bigPull = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: bigUri } }).then((r) => (order.push('big'), r));
    const smallPull = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: smallUri } }).then((r) => (order.push('small'), r));
    const [bigReport, smallReport] = await Promise.all([bigPull, smallPull]);
    assert.deepEqual(order, ['small', 'big'], 'the small document waited for the big analysis to finish');
    assert.ok(codes(smallReport).includes('ASL003'));
    assert.deepEqual(codes(bigReport), analyze(big, { format: 'json' }).findings.filter((f) => !f.suppressed).map((f) => f.ruleId));
  } finally {
    await client.stop();
  }
});

test('a change that arrives during a big first analysis is what the pull answers for', { timeout: 120_000 }, async () => {
  let text = await bigDefinition(5000);
  const client = await TestClient.start({ pull: true });
  try {
    const uri = 'file:///tmp/big-changed.asl.json';
    await client.open(uri, text);
    const pull = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    // Break one transition while the first analysis is under way: the answer must show it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const offset = text.indexOf('"Next": "', text.length / 2) + '"Next": "'.length;
    const at = positionOf(text, offset);
    text = text.slice(0, offset) + 'Missing' + text.slice(offset);
    await client.change(uri, [{ range: { start: at, end: at }, text: 'Missing' }]);
    const report = await pull;
    const expected = analyze(text, { format: 'json' }).findings.filter((f) => !f.suppressed).map((f) => f.ruleId);
    assert.ok(expected.includes('ASL003'));
    assert.deepEqual(codes(report), expected);
  } finally {
    await client.stop();
  }
});
