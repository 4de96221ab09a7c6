// analyzeChange on a PieceText: the same findings as a full analysis, and an edit inside one
// state never builds the whole document as one string (PieceText.toString is not called).
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeChange, PieceText, type AnalysisResult } from '../../core';
import { corpusFiles, generatedDefinitions, NO_CORPUS, ownJsonDefinitions } from '../helpers/corpus';

const corpusSample = corpusFiles('asl', (f) => f.endsWith('.json'))
  .filter((_, i) => i % 7 === 0)
  .map((f) => f.text);
const comparable = (r: AnalysisResult) => r.findings.map((f) => ({ ...f }));

const original = PieceText.prototype.toString;
let materialised = 0;
PieceText.prototype.toString = function (this: PieceText) {
  materialised++;
  return original.call(this);
};
afterEach(() => (materialised = 0));

function randomEditsInPieces(sample: string[]) {
  let seed = 11;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  let inPlace = 0;
  let steps = 0;
  for (const file of sample) {
    let text = file;
    let pieces = PieceText.of(file);
    let result = analyze(text, { format: 'json' });
    for (let i = 0; i < 8; i++) {
      // Type into a string value; the last edit breaks the JSON (a quote), which falls back.
      const value = text.indexOf(': "', random(text.length));
      const offset = value >= 0 ? value + 3 : random(text.length);
      const insert = i < 7 ? ['a', '$.', '[', 'States.Format(', ' '][random(5)] : '"';
      const length = random(3) ? 0 : Math.min(1, text.length - offset);
      text = text.slice(0, offset) + insert + text.slice(offset + length);
      pieces = pieces.apply(offset, length, insert);
      const root = result.parsed.root;
      materialised = 0;
      result = analyzeChange(result, pieces, [{ offset, length, text: insert }], { format: 'json' });
      steps++;
      if (root && result.parsed.root === root) {
        inPlace++;
        assert.equal(materialised, 0, 'an incremental edit built the whole text');
      }
      assert.deepEqual(comparable(result), comparable(analyze(text, { format: 'json' })));
    }
    assert.equal(result.text, text, 'the result still gives its text on demand');
  }
  assert.ok(inPlace / steps > 0.4, `only ${inPlace} of ${steps} edits were incremental`);
}

test('analyzeChange(PieceText): full-analysis findings; an edit inside a state reads the text in pieces only (corpus)', { skip: NO_CORPUS }, () => {
  randomEditsInPieces(corpusSample);
});

test('analyzeChange(PieceText): full-analysis findings; an edit inside a state reads the text in pieces only (own files)', async () => {
  const own = ownJsonDefinitions().filter((f) => f.text.length > 1200);
  randomEditsInPieces([...own, ...(await generatedDefinitions())].map((f) => f.text));
});

test('analyzeChange(PieceText): a path made invalid by typing is underlined where a full analysis underlines it', () => {
  const text = '{"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.a\\"b","End":true}}}';
  const at = text.indexOf('$.a') + 3;
  const next = text.slice(0, at) + '[' + text.slice(at);
  const result = analyzeChange(analyze(text, { format: 'json' }), PieceText.of(text).apply(at, 0, '['), [{ offset: at, length: 0, text: '[' }], { format: 'json' });
  assert.equal(materialised, 0);
  const full = analyze(next, { format: 'json' }).findings.filter((f) => f.ruleId === 'ASL007');
  assert.ok(full.length, 'the edit makes the path invalid');
  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'ASL007'), full);
});
