// One huge state (a Result of 100,000s of keys, a Map holding 10,000s of states) does not make an
// analysis job one long stretch: the strict JSON parse pauses every few thousand values, the model
// build every few hundred states (nested ones too), and a large state's rules pause between each
// other. Paused at every checkpoint, a job still gives exactly the findings of analyze(), and an
// edit inside the huge state exactly those of a full analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, startAnalysis, startAnalysisOfChange, type AnalysisJob, type AnalysisResult } from '../../core';
import { OffsetTable, type AstNode } from '../../core/parse/ast';
import { parseJsonStrict, parseJsonStrictInSteps } from '../../core/parse/fast-json';
import { parseJsonTree } from '../../core/parse/json-tree';
import { buildModelInSteps } from '../../core/model/build';
import { runRulesInSteps } from '../../core/engine/run-rules';
import { RULES } from '../../core/rules';
import { DEFAULT_CONFIG } from '../../core/config/config';

/** One Pass state whose Result holds `keys` keys, one of them a hard-coded password. */
function hugeResult(keys: number): string {
  const parts: string[] = [];
  for (let i = 0; i < keys; i++) parts.push(i === keys >> 1 ? '"password": "Sup3r-Secret-Pa55"' : `"k${i}": [${i}, "v${i}"]`);
  return `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {${parts.join(', ')}}, "Next": "B"}, "B": {"Type": "Succeed"}}}`;
}

/** One Map state whose processor holds `n` states in a chain. */
function hugeMap(n: number): string {
  const states: string[] = [];
  for (let i = 0; i < n; i++) states.push(`"S${i}": {"Type": "Pass", "Next": "S${i + 1}"}`);
  states.push(`"S${n}": {"Type": "Succeed"}`);
  return `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "S0", "States": {${states.join(', ')}}}, "End": true}}}`;
}

function pausesOf<T>(steps: Generator<void, T>): { pauses: number; value: T } {
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { pauses, value: next.value };
    pauses++;
  }
}

/** Runs a job to the end, pausing at every checkpoint; the longest stretch between two pauses, in ms. */
function runJob(job: AnalysisJob): { result: AnalysisResult; pauses: number; longestMs: number; totalMs: number } {
  let pauses = 0;
  let longestMs = 0;
  const started = performance.now();
  let from = started;
  const pause = () => {
    const now = performance.now();
    longestMs = Math.max(longestMs, now - from);
    pauses++;
    from = now;
    return true;
  };
  let result = job.resume(pause);
  while (!result) {
    from = performance.now();
    result = job.resume(pause);
  }
  longestMs = Math.max(longestMs, performance.now() - from);
  return { result, pauses, longestMs, totalMs: performance.now() - started };
}

const plain = (node: AstNode | undefined): unknown =>
  node && { type: node.type, offset: node.offset, length: node.length, value: node.value, colon: node.colonOffset, children: node.children?.map(plain) };

test('the stepped strict parse pauses inside one huge state and builds the tree jsonc-parser builds', () => {
  const text = hugeResult(50_000); // 150,000 values in one state
  const { pauses, value } = pausesOf(parseJsonStrictInSteps(text, new OffsetTable()));
  assert.ok(pauses >= 15, `only ${pauses} pauses`);
  assert.deepEqual(plain(value), plain(parseJsonTree(text, [], { allowTrailingComma: true, disallowComments: false })));
  assert.deepEqual(plain(parseJsonStrict(text, new OffsetTable())), plain(value));
});

test('the model build pauses inside one Map that holds many states', () => {
  const { pauses, value } = pausesOf(buildModelInSteps(parseJsonStrict(hugeMap(10_000), new OffsetTable()), 'json'));
  assert.ok(pauses >= 10_000 / 256 - 1, `only ${pauses} pauses`);
  assert.equal(value!.states.length, 10_002);
  assert.deepEqual(value!.states.map((s) => s.index), value!.states.map((_, i) => i));
  assert.equal(value!.states[1].name, 'S0');
});

test("a large state's rules pause between each other", () => {
  const text = hugeResult(5_000);
  const parsed = { format: 'json' as const, root: parseJsonStrict(text, new OffsetTable()), problems: [] };
  const model = pausesOf(buildModelInSteps(parsed.root, 'json')).value;
  const stateRules = RULES.filter((rule) => rule.checkState).length;
  const { pauses } = pausesOf(runRulesInSteps({ text, parsed, model }, RULES, DEFAULT_CONFIG));
  const documentRules = RULES.filter((rule) => rule.checkDocument).length;
  // Before: one pause per document rule and per state (2 states).
  assert.ok(pauses >= documentRules + 2 + stateRules - 1, `only ${pauses} pauses`);
});

test('a job on a huge state, paused at every checkpoint, gives the findings of analyze; an edit inside it those of a full analysis', () => {
  const text = hugeResult(100_000);
  const expected = analyze(text, { format: 'json' }).findings;
  assert.ok(expected.some((f) => f.ruleId === 'SEC001'), 'the password is found');
  const cold = runJob(startAnalysis(text, { format: 'json' }));
  assert.deepEqual(cold.result.findings, expected);
  console.log(`cold, ${(text.length / 1e6).toFixed(1)} MB in one state: ${cold.totalMs.toFixed(0)} ms in ${cold.pauses + 1} stretches, the longest ${cold.longestMs.toFixed(0)} ms`);
  assert.ok(cold.pauses >= 30, `only ${cold.pauses} pauses`);

  const at = text.indexOf('"v70000"') + 2;
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const root = cold.result.parsed.root;
  const change = runJob(startAnalysisOfChange(cold.result, edited, [{ offset: at, length: 0, text: 'x' }], { format: 'json' }));
  assert.equal(change.result.parsed.root, root, 'the edit took the incremental path (the tree was spliced, not parsed again)');
  assert.deepEqual(change.result.findings, analyze(edited, { format: 'json' }).findings);
  console.log(`an edit inside it: ${change.totalMs.toFixed(0)} ms in ${change.pauses + 1} stretches, the longest ${change.longestMs.toFixed(0)} ms`);
  assert.ok(change.pauses >= 30, `only ${change.pauses} pauses: the re-parse of the state is not stepped`);
});
