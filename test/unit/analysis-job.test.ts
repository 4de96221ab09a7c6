// A job gives the same result as analyze/analyzeChange however often it is paused, and pauses
// often enough on a big document that a server can answer between slices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, startAnalysis, startAnalysisOfChange } from '../../core';

async function bigDefinition(states: number): Promise<string> {
  const { generateText } = (await import('../../bench/generate-definition.mjs')) as { generateText(n: number): string };
  return generateText(states);
}

test('a job paused at every checkpoint gives exactly the findings of analyze', async () => {
  const text = await bigDefinition(300);
  const job = startAnalysis(text, { format: 'json' });
  let slices = 0;
  let result = job.resume(() => true);
  while (!result) {
    slices++;
    result = job.resume(() => true);
  }
  assert.deepEqual(result.findings, analyze(text, { format: 'json' }).findings);
  // Parsing pauses per top-level state and checking per state: at least one slice per state.
  assert.ok(slices > 600, `only ${slices} slices`);
});

test('a change job paused at every checkpoint equals a full analysis, for in-place and structural edits', async () => {
  const text = await bigDefinition(200);
  for (const anchor of ['"Comment": "', '"Next": "']) {
    const offset = text.indexOf(anchor, text.length / 2) + anchor.length;
    const next = text.slice(0, offset) + 'Z' + text.slice(offset);
    const job = startAnalysisOfChange(analyze(text, { format: 'json' }), next, [{ offset, length: 0, text: 'Z' }], { format: 'json' });
    let result = job.resume(() => true);
    while (!result) result = job.resume(() => true);
    assert.deepEqual(result.findings, analyze(next, { format: 'json' }).findings, anchor);
  }
});

test('resume without pauses finishes in one call', async () => {
  const text = await bigDefinition(50);
  const result = startAnalysis(text, { format: 'json' }).resume(() => false);
  assert.ok(result);
  assert.deepEqual(result.findings, analyze(text, { format: 'json' }).findings);
});
