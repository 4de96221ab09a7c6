// LineIndex: offsets are UTF-16 code units; "\r\n", "\n" and a lone "\r" each end one line; and
// offsetAt/positionAt are inverse for every offset of a text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../core';

test('LF, CRLF and a lone CR each end exactly one line', () => {
  const index = new LineIndex('a\nb\r\nc\rd');
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(2), { line: 1, character: 0 }); // b
  assert.deepEqual(index.positionAt(5), { line: 2, character: 0 }); // c, after "\r\n"
  assert.deepEqual(index.positionAt(7), { line: 3, character: 0 }); // d, after a lone "\r"
});

test('"\\r\\n" is one line break, not two', () => {
  const index = new LineIndex('x\r\n\r\ny');
  assert.equal(index.lineCount, 3);
  assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
});

test('characters are UTF-16 code units: an emoji (surrogate pair) counts two', () => {
  const text = '{"k":"😀é"}\n"x"';
  const index = new LineIndex(text);
  const e = text.indexOf('é');
  assert.equal(e, 8); // { " k " : " = 6, then two units for the emoji
  assert.deepEqual(index.positionAt(e), { line: 0, character: 8 });
  assert.equal(index.offsetAt({ line: 0, character: 8 }), e);
  assert.deepEqual(index.positionAt(text.indexOf('x')), { line: 1, character: 1 });
});

test('offsetAt clamps to the line end (never into the line break) and to the text', () => {
  const index = new LineIndex('ab\r\ncd');
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
  assert.equal(index.offsetAt({ line: 9, character: 0 }), 6);
  assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
  assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(100), { line: 1, character: 2 });
});

test('empty text has one line', () => {
  const index = new LineIndex('');
  assert.equal(index.lineCount, 1);
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.equal(index.offsetAt({ line: 0, character: 0 }), 0);
});

test('rangeAt converts both ends', () => {
  const index = new LineIndex('ab\ncd');
  assert.deepEqual(index.rangeAt(1, 3), { start: { line: 0, character: 1 }, end: { line: 1, character: 1 } });
});

test('offsetAt(positionAt(o)) === o for every offset that is not inside a "\\r\\n" pair (property)', () => {
  const unit = fc.constantFrom('a', 'é', '😀', '\n', '\r', '\r\n', ' ', '"');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const index = new LineIndex(text);
      for (let o = 0; o <= text.length; o++) {
        const insideCrLf = text[o - 1] === '\r' && text[o] === '\n';
        if (insideCrLf) continue; // between \r and \n is not a position a client can express
        assert.equal(index.offsetAt(index.positionAt(o)), o, `offset ${o} of ${JSON.stringify(text)}`);
      }
    }),
  );
});

test('positionAt(offsetAt(p)) === p for every position inside a line (property)', () => {
  const line = fc.array(fc.constantFrom('a', 'é', '😀', ' '), { maxLength: 10 }).map((a) => a.join(''));
  const br = fc.constantFrom('\n', '\r\n', '\r');
  fc.assert(
    fc.property(fc.array(fc.tuple(line, br), { minLength: 1, maxLength: 8 }), (rows) => {
      // "\r" then an empty line ending in "\n" would be one "\r\n" break, not two lines.
      fc.pre(!rows.some(([, b], i) => b === '\r' && rows[i + 1]?.[0] === '' && rows[i + 1][1].startsWith('\n')));
      const text = rows.map(([l, b]) => l + b).join('');
      const index = new LineIndex(text);
      rows.forEach(([l], lineNo) => {
        for (let c = 0; c <= l.length; c++) assert.deepEqual(index.positionAt(index.offsetAt({ line: lineNo, character: c })), { line: lineNo, character: c });
      });
    }),
  );
});
