// PieceText must read exactly like the string it stands for, version by version, and stay small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PieceText, LineStarts } from '../../core';
import { MAX_PIECES } from '../../core/text/piece-text';

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 6 }),
  insert: fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', '"', '😀'), maxLength: 5 }),
});

function expectSame(pieces: PieceText, text: string, random: () => number): void {
  assert.equal(pieces.length, text.length);
  assert.equal(pieces.toString(), text);
  for (let k = 0; k < 5; k++) {
    const a = Math.floor(random() * (text.length + 1));
    const b = a + Math.floor(random() * (text.length - a + 1));
    assert.equal(pieces.slice(a, b), text.slice(a, b));
    assert.equal(pieces.copy(a, b), text.slice(a, b));
    assert.equal(pieces.charCodeAt(a), text.charCodeAt(a));
  }
}

test('PieceText: every version reads like the string it stands for, and old versions keep their text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), fc.array(edit, { maxLength: 40 }), (initial, edits) => {
      let seed = 7;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const versions: [PieceText, string][] = [[PieceText.of(initial), initial]];
      for (const e of edits) {
        const [pieces, text] = versions[versions.length - 1];
        const offset = Math.floor(e.at * text.length);
        const next = text.slice(0, offset) + e.insert + text.slice(Math.min(text.length, offset + e.remove));
        if (e.insert.length === 2) pieces.toString(); // a built version: the next one edits that string
        versions.push([pieces.apply(offset, e.remove, e.insert), next]);
      }
      // Read the versions only now: no version may have changed another.
      for (const [pieces, text] of versions) expectSame(pieces, text, random);
    }),
    { seed: 20261124, numRuns: 300 },
  );
});

test('PieceText: typing stays one piece per place typed at; many scattered edits fold into one base', () => {
  const base = 'x'.repeat(10_000);
  let text = PieceText.of(base);
  for (let i = 0; i < 500; i++) text = text.apply(5000 + i, 0, 'y');
  assert.equal(text.pieceCount, 3);
  for (let i = 0; i < 20; i++) text = text.apply(5000 + 499 - i, 1, '');
  assert.equal(text.pieceCount, 3, 'backspacing shrinks the typed piece');
  for (let i = 0; i < 2 * MAX_PIECES; i++) text = text.apply(i * 20, 1, 'z');
  assert.ok(text.pieceCount <= MAX_PIECES, `${text.pieceCount} pieces`);
  let expected = base.slice(0, 5000) + 'y'.repeat(480) + base.slice(5000);
  for (let i = 0; i < 2 * MAX_PIECES; i++) expected = expected.slice(0, i * 20) + 'z' + expected.slice(i * 20 + 1);
  assert.equal(text.toString(), expected);
  for (let i = 0; i < 10; i++) text = text.apply(i * 50, 0, 'w');
  text.toString();
  assert.equal(text.apply(7, 0, 'v').pieceCount, 3, 'once built, a version is the base of the next');
});

test('LineStarts: updated edit by edit, it equals a fresh index of the new text (\\r\\n split and joined)', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r'), maxLength: 30 }), fc.array(edit, { maxLength: 20 }), (initial, edits) => {
      let text = PieceText.of(initial);
      const lines = new LineStarts(text);
      for (const e of edits) {
        const offset = Math.floor(e.at * text.length);
        const end = Math.min(text.length, offset + e.remove);
        text = text.apply(offset, e.remove, e.insert);
        lines.update(offset, end, e.insert.length, text);
        const fresh = new LineStarts(text.toString());
        assert.equal(lines.count, fresh.count);
        for (let i = 0; i < fresh.count; i++) assert.equal(lines.startOf(i), fresh.startOf(i));
      }
    }),
    { seed: 20261124, numRuns: 300 },
  );
});
