// Unit tests of the server's pure parts: the change Scheduler's coalescing, folding edits into one
// change, and Finding -> Diagnostic conversion (including the engine-failure diagnostic).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../core';
import { Scheduler } from '../../server/src/scheduler';
import { toDiagnostics } from '../../server/src/convert';
import { addChange, toChange, type ChangeSpan } from '../../server/src/changes';
import type { Analysis } from '../../server/src/documents';

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('Scheduler: the first change runs within two event-loop turns, not after a fixed delay', async () => {
  const runs: string[] = [];
  const scheduler = new Scheduler(() => 1, (uri) => runs.push(uri));
  scheduler.schedule('a');
  scheduler.schedule('a');
  await turn(); // turn 1: the version is new, so it waits one more turn for queued changes
  assert.equal(runs.length, 0);
  await turn(); // turn 2: nothing newer arrived
  assert.deepEqual(runs, ['a']);
});

test('Scheduler: while versions keep changing between turns it waits, then runs once for the latest', async () => {
  let version = 1;
  const runs: number[] = [];
  const scheduler = new Scheduler(() => version, () => runs.push(version));
  scheduler.schedule('a');
  for (let i = 0; i < 10; i++) {
    await turn();
    version++; // a newer change arrived in this turn
    scheduler.schedule('a');
  }
  for (let i = 0; i < 5; i++) await turn();
  assert.deepEqual(runs, [11]);
});

test('Scheduler: a closed document is dropped; a steady stream is not postponed forever', async () => {
  const runs: string[] = [];
  let open = true;
  const closing = new Scheduler(() => (open ? 1 : undefined), (uri) => runs.push(uri));
  closing.schedule('gone');
  open = false;
  for (let i = 0; i < 3; i++) await turn();
  assert.equal(runs.length, 0);

  let version = 0;
  const streaming = new Scheduler(() => ++version, (uri) => runs.push(uri));
  streaming.schedule('busy');
  const started = Date.now();
  while (!runs.length && Date.now() - started < 2000) await turn();
  assert.deepEqual(runs, ['busy']);
  assert.ok(Date.now() - started < 1000, 'validated within the maximum deferral');
});

test('toDiagnostics: suppressed findings are hidden; an engine failure becomes one clear diagnostic without document text', () => {
  const text = '{"Comment":"asl-guard-disable ASL003","StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}';
  const document = TextDocument.create('file:///x.asl.json', 'asl', 1, text);
  const base = { uri: document.uri, version: 1, generation: 1, format: 'json' as const, document };
  const result = analyze(text, { format: 'json' });
  assert.ok(result.findings.some((f) => f.ruleId === 'ASL003' && f.suppressed));
  assert.ok(!toDiagnostics({ ...base, result } satisfies Analysis).some((d) => d.code === 'ASL003'));
  const failed = toDiagnostics({ ...base, result: undefined, error: 'TypeError at check (rule.ts:1:1)' });
  assert.equal(failed.length, 1);
  assert.equal(failed[0].code, 'internal-error');
  assert.match(failed[0].message as string, /could not analyse this document \(TypeError at check/);
});

test('addChange/toChange: any sequence of edits folds into one change with the same result', () => {
  let seed = 42;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let round = 0; round < 500; round++) {
    const original = 'abcdefghijklmnopqrstuvwxyz'.slice(0, 5 + random(20));
    let text = original;
    let span: ChangeSpan | undefined;
    for (let i = 0, n = 1 + random(6); i < n; i++) {
      const offset = random(text.length + 1);
      const length = random(text.length - offset + 1);
      const inserted = 'XYZ12'.slice(0, random(4));
      span = addChange(span, { offset, length, text: inserted });
      text = text.slice(0, offset) + inserted + text.slice(offset + length);
    }
    const change = toChange(span!, text);
    assert.equal(original.slice(0, change.offset) + change.text + original.slice(change.offset + change.length), text, `round ${round}`);
  }
  // Typing one character after another stays one small insertion.
  let typed: ChangeSpan | undefined;
  for (let i = 0; i < 3; i++) typed = addChange(typed, { offset: 10 + i, length: 0, text: 'x' });
  assert.deepEqual(toChange(typed!, '0123456789xxx!'), { offset: 10, length: 0, text: 'xxx' });
});
