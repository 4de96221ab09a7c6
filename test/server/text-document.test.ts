// The server's own document must answer exactly like vscode-languageserver-textdocument's, which
// it replaces: same text, positions and offsets after any sequence of incremental edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver/node';
import { AslTextDocument } from '../../server/src/text-document';

const unit = fc.constantFrom('a', 'b', '\n', '\r', '\r\n', '😀', '"');
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 12 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ start: position, end: position, text: fc.string({ unit, maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ text: fc.string({ unit, maxLength: 20 }) }) },
);

function expectSame(ours: AslTextDocument, theirs: TextDocument, probes: Position[]): void {
  assert.equal(ours.getText(), theirs.getText());
  assert.equal(ours.lineCount, theirs.lineCount);
  assert.equal(ours.version, theirs.version);
  for (let offset = -1; offset <= theirs.getText().length + 1; offset++) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `positionAt(${offset})`);
  for (const p of probes) {
    assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `offsetAt(${JSON.stringify(p)})`);
    assert.deepEqual(ours.getLineRange(p.line), theirs.getLineRange(p.line));
    assert.equal(ours.getEOLCharacters(p.line), theirs.getEOLCharacters(p.line));
  }
  for (let i = 0; i + 1 < probes.length; i += 2) {
    const range = { start: probes[i], end: probes[i + 1] };
    assert.equal(ours.getText(range), theirs.getText(range));
  }
}

test('AslTextDocument: text, positions, offsets and lines equal the library document after random edits', () => {
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 30 }), fc.array(change, { maxLength: 12 }), fc.array(position, { minLength: 6, maxLength: 12 }), (initial, changes, probes) => {
      const ours = AslTextDocument.create('file:///a.asl.json', 'asl', 1, initial);
      const theirs = TextDocument.create('file:///a.asl.json', 'asl', 1, initial);
      expectSame(ours, theirs, probes);
      let version = 1;
      for (const c of changes) {
        // Ranges stay on existing lines: the library miscounts lines after a range past the last one (clients never send those).
        const onText = (p: Position) => ({ line: Math.min(p.line, theirs.lineCount - 1), character: p.character });
        const event = 'start' in c ? { range: { start: onText(c.start), end: onText(c.end) }, text: c.text } : c;
        ours.apply(event);
        ours.setVersion(++version);
        TextDocument.update(theirs, [event], version);
        expectSame(ours, theirs, probes);
      }
    }),
    { seed: 20261124, numRuns: 400 },
  );
});

test('AslTextDocument.apply returns the change as offsets into the text it applied to', () => {
  const document = AslTextDocument.create('file:///a.asl.json', 'asl', 1, 'ab\r\ncd\nef');
  assert.deepEqual(document.apply({ range: { start: { line: 1, character: 1 }, end: { line: 0, character: 1 } }, text: 'X' }), { offset: 1, length: 4, text: 'X' });
  assert.equal(document.getText(), 'aXd\nef');
  assert.deepEqual(document.apply({ text: 'new' }), { offset: 0, length: 6, text: 'new' });
  assert.equal(document.getText(), 'new');
});
