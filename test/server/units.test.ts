// Unit tests of the server's pure parts: the change Scheduler's coalescing, folding edits into one
// change, Finding -> Diagnostic conversion (including the engine-failure diagnostic) and comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../core';
import { Scheduler } from '../../server/src/scheduler';
import { sameDiagnostics, toDiagnostics } from '../../server/src/convert';
import { addChange, toChange, type ChangeSpan } from '../../server/src/changes';
import { editInsideStates, type Analysis } from '../../server/src/documents';

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('Scheduler: the first change runs within two event-loop turns, not after a fixed delay', async () => {
  const runs: string[] = [];
  const scheduler = new Scheduler(() => 1);
  scheduler.schedule('a', (uri) => runs.push(uri));
  scheduler.schedule('a', (uri) => runs.push(uri));
  await turn(); // turn 1: the version is new, so it waits one more turn for queued changes
  assert.equal(runs.length, 0);
  await turn(); // turn 2: nothing newer arrived
  assert.deepEqual(runs, ['a']);
});

test('Scheduler: while versions keep changing between turns it waits, then runs once for the latest', async () => {
  let version = 1;
  const runs: number[] = [];
  const scheduler = new Scheduler(() => version);
  scheduler.schedule('a', () => runs.push(version));
  for (let i = 0; i < 10; i++) {
    await turn();
    version++; // a newer change arrived in this turn
    scheduler.schedule('a', () => runs.push(version));
  }
  for (let i = 0; i < 5; i++) await turn();
  assert.deepEqual(runs, [11]);
});

test('Scheduler: a closed document is dropped; a steady stream is not postponed forever', async () => {
  const runs: string[] = [];
  let open = true;
  const closing = new Scheduler(() => (open ? 1 : undefined));
  closing.schedule('gone', (uri) => runs.push(uri));
  open = false;
  for (let i = 0; i < 3; i++) await turn();
  assert.equal(runs.length, 0);

  let version = 0;
  const streaming = new Scheduler(() => ++version);
  streaming.schedule('busy', (uri) => runs.push(uri));
  const started = Date.now();
  while (!runs.length && Date.now() - started < 2000) await turn();
  assert.deepEqual(runs, ['busy']);
  assert.ok(Date.now() - started < 1000, 'validated within the maximum deferral');
});

test('Scheduler.settled: requests waiting on a burst all resume once, at the newest version; closing tells them false', async () => {
  let version = 1;
  const scheduler = new Scheduler(() => version);
  const resumed: [string, boolean, number][] = [];
  const wait = (name: string) => void scheduler.settled('a').then((open) => resumed.push([name, open, version]));
  wait('first');
  await turn();
  version = 2; // a change queued behind the first request
  wait('second');
  await turn();
  assert.deepEqual(resumed, [], 'nothing resumes while newer versions keep arriving');
  for (let i = 0; i < 3; i++) await turn();
  assert.deepEqual(resumed, [['first', true, 2], ['second', true, 2]]);

  const closed: boolean[] = [];
  void scheduler.settled('a').then((open) => closed.push(open));
  scheduler.cancel('a');
  await turn();
  assert.deepEqual(closed, [false]);
});

test('Scheduler: at most one document fires per turn, so changes to the others can land in between', async () => {
  const order: string[] = [];
  const scheduler = new Scheduler(() => 1);
  for (const uri of ['a', 'b', 'c']) scheduler.schedule(uri, () => order.push(uri));
  await turn(); // first sight of every version
  const perTurn: number[] = [];
  for (let i = 0; i < 4; i++) {
    const before = order.length;
    await turn();
    perTurn.push(order.length - before);
  }
  assert.deepEqual(order, ['a', 'b', 'c']);
  assert.deepEqual(perTurn, [1, 1, 1, 0]);
});

test('Scheduler: while the connection keeps dispatching other messages, a change may still be queued: it waits for a quiet turn', async () => {
  let version = 1;
  let dispatched = 0;
  const scheduler = new Scheduler(() => version, () => dispatched);
  const runs: number[] = [];
  scheduler.schedule('a', () => runs.push(version));
  // The queue alternates: a request (version unchanged, but a message was dispatched), then a change.
  for (let i = 0; i < 6; i++) {
    await turn();
    dispatched++;
    if (i % 2) version++;
  }
  assert.deepEqual(runs, []);
  for (let i = 0; i < 3; i++) await turn();
  assert.deepEqual(runs, [4]);
});

test('Scheduler: time spent on released work (a long analysis) does not count as a stream of changes', async () => {
  const versions = new Map([['a', 1], ['b', 1]]);
  const scheduler = new Scheduler((uri) => versions.get(uri));
  const fired: string[] = [];
  const a = scheduler.settled('a');
  const b = scheduler.settled('b').then(() => fired.push(`b@${versions.get('b')}`));
  void a.then(() => {
    const until = Date.now() + 150; // longer than MAX_DEFER_MS
    while (Date.now() < until);
    fired.push('a');
    // Changes to 'b' queued during that analysis land one per turn after it.
    versions.set('b', 2);
    setImmediate(() => {
      versions.set('b', 3);
      setImmediate(() => versions.set('b', 4));
    });
  });
  await b;
  assert.deepEqual(fired, ['a', 'b@4']);
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

test('sameDiagnostics: equal only when every field the client sees is equal, in the same order', () => {
  const text = '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"C":{"Type":"Pass","End":true}}}';
  const document = TextDocument.create('file:///x.asl.json', 'asl', 1, text);
  const analysis: Analysis = { uri: document.uri, version: 1, generation: 1, format: 'json', document, result: analyze(text, { format: 'json' }) };
  const items = toDiagnostics(analysis);
  assert.ok(items.length >= 2);
  assert.ok(sameDiagnostics(items, toDiagnostics(analysis)), 'a fresh conversion of the same analysis');
  assert.ok(sameDiagnostics(items, JSON.parse(JSON.stringify(items))), 'what went over the wire');
  const variants = [
    items.slice(1),
    [...items].reverse(),
    items.map((d, i) => (i ? d : { ...d, range: { ...d.range, end: { ...d.range.end, character: d.range.end.character + 1 } } })),
    items.map((d, i) => (i ? d : { ...d, message: `${d.message}!` })),
    items.map((d, i) => (i ? d : { ...d, data: { ruleId: (d.data as { ruleId: string }).ruleId, fixIds: [] } })),
    items.map((d, i) => (i ? d : { ...d, tags: [1] })),
  ];
  for (const [i, variant] of variants.entries()) assert.ok(!sameDiagnostics(items, variant as typeof items), `variant ${i}`);
});

test('editInsideStates: only an edit strictly inside the root States object keeps a plain document\'s ASL sniff', () => {
  const text = '{"Comment": "c", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}';
  const result = analyze(text, { format: 'json' });
  const at = (needle: string, delta = 0) => ({ offset: text.indexOf(needle) + delta, length: 0, text: 'x' });
  assert.equal(editInsideStates(result, at('"Pass"', 1)), true);
  assert.equal(editInsideStates(result, at('"A"', 1)), false, 'the StartAt value is at the root');
  assert.equal(editInsideStates(result, at('"c"', 1)), false, 'the Comment is at the root');
  const braces = text.indexOf('{"A"');
  assert.equal(editInsideStates(result, { offset: braces, length: 0, text: 'x' }), false, 'before the opening brace');
  assert.equal(editInsideStates(result, { offset: braces + 1, length: text.length - braces - 3, text: '' }), true);
  assert.equal(editInsideStates(result, { offset: braces + 1, length: text.length - braces - 2, text: '' }), false, 'a deletion that reaches the closing brace');
  assert.equal(editInsideStates(analyze('[1]', { format: 'json' }), { offset: 1, length: 0, text: 'x' }), false);
});
