// Newer edits never wait behind stale work: while the server is busy (here: stopped), a client
// queues changes and requests behind each other; the server then analyses only the newest version,
// answers every pull for it, and answers position requests that a later change made stale with
// ContentModified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DefinitionRequest, DocumentDiagnosticRequest, LSPErrorCodes, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../core';
import { positionOf, positionOfText, TestClient } from './lsp-client';
import { TYPO } from './samples';

/**
 * Runs `send` while the server process is stopped, so everything it sends is queued in the pipe
 * before the server reads any of it (like a client that keeps typing while the server is busy).
 * `send` resolves once its last message is written.
 */
async function whileStopped(client: TestClient, send: () => Promise<unknown>): Promise<void> {
  client.child.kill('SIGSTOP');
  try {
    await send();
  } finally {
    client.child.kill('SIGCONT');
  }
}

/** A notification every server accepts and ignores: once it is written, everything sent before it is too. */
const flush = (client: TestClient) => client.connection.sendNotification('$/setTrace', { value: 'off' });

const posix = { skip: process.platform === 'win32' ? 'needs SIGSTOP' : false, timeout: 60_000 };

test('pull: changes and pulls queued behind each other are answered once, for the newest version', posix, async () => {
  const client = await TestClient.start({ pull: true });
  try {
    const uri = 'file:///tmp/queued.asl.json';
    await client.open(uri, TYPO);
    await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    // 20 keystrokes into the Comment, each followed by a pull (like a client that re-pulls on every change),
    // then the fix of the typo: every intermediate version still has ASL003, the newest does not.
    let text = TYPO;
    const pulls: Promise<unknown>[] = [];
    const type = (offset: number, inserted: string) => {
      const at = positionOf(text, offset);
      text = text.slice(0, offset) + inserted + text.slice(offset);
      void client.change(uri, [{ range: { start: at, end: at }, text: inserted }]);
      pulls.push(client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    };
    const comment = TYPO.indexOf('A typo');
    await whileStopped(client, () => {
      for (let i = 0; i < 20; i++) type(comment + i, 'x');
      type(text.indexOf('"Procss"') + 5, 'e');
      return flush(client);
    });
    const reports = (await Promise.all(pulls)) as FullDocumentDiagnosticReport[];
    const expected = analyze(text, { format: 'json' }).findings.filter((f) => !f.suppressed).map((f) => f.ruleId);
    assert.ok(!expected.includes('ASL003'));
    for (const [i, report] of reports.entries()) assert.deepEqual(report.items.map((d) => d.code), expected, `pull #${i} answered for an older version`);
    assert.equal(new Set(reports.map((r) => r.resultId)).size, 1, 'one analysis answered them all');
  } finally {
    await client.stop();
  }
});

test('a definition request made stale by a change queued behind it is answered ContentModified, a current one normally', posix, async () => {
  const client = await TestClient.start({ pull: true });
  try {
    const uri = 'file:///tmp/stale-definition.asl.json';
    await client.open(uri, TYPO);
    const at = positionOfText(TYPO, '"Process": {', 2);
    const definition = () => client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: at });
    assert.ok(await definition(), 'answered while nothing is queued');

    let stale!: Promise<unknown>;
    await whileStopped(client, () => {
      stale = definition();
      return client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    });
    await assert.rejects(stale, (error: { code?: number }) => error.code === LSPErrorCodes.ContentModified);
  } finally {
    await client.stop();
  }
});
