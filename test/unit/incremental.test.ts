// Incremental analysis must equal full analysis: random edits (typing, deleting, pasting braces and
// quotes), each step compared with analyze() of the same text, on real corpus files when the corpus
// is there and always on the project's own definitions and generated ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, analyzeChange, type AnalysisResult, type TextChange } from '../../core';
import { corpusFiles, generatedDefinitions, NO_CORPUS, ownJsonDefinitions } from '../helpers/corpus';

// A spread of real files: every 10th, so the test stays quick but covers many shapes.
const corpusSample = corpusFiles('asl', (f) => f.endsWith('.json'))
  .filter((_, i) => i % 10 === 0)
  .map((f) => f.text);
// The project's own: the larger rule fixtures and examples (a small one has few states to edit), and generated ones.
const ownSample = async () => [
  ...ownJsonDefinitions()
    .filter((f) => f.text.length > 1200)
    .map((f) => f.text),
  ...(await generatedDefinitions()).map((f) => f.text),
];

const comparable = (r: AnalysisResult) => r.findings.map((f) => ({ ...f }));

/** An edit near a random offset, biased to the inside of string values, where people type. */
const editArbitrary = fc.record({
  // noBias: fast-check favours extreme values, which would put most edits at the file's ends.
  position: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000),
  deleteLength: fc.nat({ max: 3 }),
  insert: fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '1', ' ', '-', '_', '.'), maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom('"', '{', '}', ',', ':', '[', ']', '\\', '$', '*', 'é', '😀', '\u0000') },
  ),
  snapToString: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

interface RandomEdit {
  position: number;
  deleteLength: number;
  insert: string;
  snapToString: boolean;
}

function toChange(text: string, edit: RandomEdit): TextChange {
  let offset = Math.floor(edit.position * text.length);
  if (edit.snapToString) {
    // Inside the next string value (`: "` opens one), where typing keeps the document well formed.
    const value = text.indexOf(': "', offset);
    if (value >= 0) offset = value + 3;
  }
  const length = Math.min(edit.deleteLength, text.length - offset);
  return { offset, length, text: edit.insert };
}

function randomEditsEqualFullAnalysis(sample: string[]) {
  let incremental = 0;
  let inPlace = 0;
  let steps = 0;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: sample.length - 1 }), fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (fileIndex, edits) => {
      let text = sample[fileIndex];
      let result = analyze(text, { format: 'json' });
      for (const edit of edits) {
        const change = toChange(text, edit);
        const next = text.slice(0, change.offset) + change.text + text.slice(change.offset + change.length);
        const root = result.parsed.root;
        const model = result.model;
        result = analyzeChange(result, next, [change], { format: 'json' });
        text = next;
        steps++;
        if (root && result.parsed.root === root) incremental++;
        if (model && result.model === model) inPlace++;
        assert.deepEqual(comparable(result), comparable(analyze(text, { format: 'json' })));
      }
    }),
    { seed: 20261124, numRuns: 150 },
  );
  // The property is only meaningful if most edits took the incremental path.
  assert.ok(incremental / steps > 0.4, `only ${incremental} of ${steps} edits were incremental`);
  // ...and many kept the model (State objects refreshed in place, cached results reused).
  assert.ok(inPlace / steps > 0.3, `only ${inPlace} of ${steps} edits kept the model`);
}

test('analyzeChange gives exactly the findings of a full analysis after each random edit (corpus)', { skip: NO_CORPUS }, () => {
  randomEditsEqualFullAnalysis(corpusSample);
});

test('analyzeChange gives exactly the findings of a full analysis after each random edit (own files)', async () => {
  randomEditsEqualFullAnalysis(await ownSample());
});

test('an edit that spans a state boundary falls back to a full analysis with the same result', async () => {
  const [text] = await ownSample();
  const previous = analyze(text, { format: 'json' });
  const cut = text.indexOf('"States"');
  const change = { offset: cut, length: 12, text: '' };
  const next = text.slice(0, cut) + text.slice(cut + 12);
  const result = analyzeChange(previous, next, [change], { format: 'json' });
  assert.deepEqual(comparable(result), comparable(analyze(next, { format: 'json' })));
});

function structuralEditsEqualFullAnalysis(sample: string[]) {
  const STRUCTURAL = /"(Next|Default|StartAt|Type|End)": ?"?/g;
  let structural = 0;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: sample.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('x', '', 'Pass', 'Choice', 'true')), { minLength: 1, maxLength: 4 }), (fileIndex, picks) => {
      let text = sample[fileIndex];
      let result = analyze(text, { format: 'json' });
      for (const [pick, insert] of picks) {
        const sites = [...text.matchAll(STRUCTURAL)].map((m) => m.index! + m[0].length);
        if (!sites.length) return;
        const offset = sites[pick % sites.length];
        const change = { offset, length: insert ? 0 : 1, text: insert };
        const next = text.slice(0, offset) + insert + text.slice(offset + change.length);
        const model = result.model;
        const root = result.parsed.root;
        result = analyzeChange(result, next, [change], { format: 'json' });
        text = next;
        if (root && result.parsed.root === root && result.model !== model) structural++;
        assert.deepEqual(comparable(result), comparable(analyze(text, { format: 'json' })));
      }
    }),
    { seed: 4242, numRuns: 120 },
  );
  assert.ok(structural > 20, `only ${structural} edits took the structural path`);
}

test('edits of transitions, types and names inside states (the structural path) equal a full analysis (corpus)', { skip: NO_CORPUS }, () => {
  structuralEditsEqualFullAnalysis(corpusSample);
});

test('edits of transitions, types and names inside states (the structural path) equal a full analysis (own files)', async () => {
  structuralEditsEqualFullAnalysis(await ownSample());
});
