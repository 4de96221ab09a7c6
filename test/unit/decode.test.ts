// decodeSource: a file's bytes become text, or "not text" with the offset of the first bad byte;
// analyze() of a text holding NUL characters reports the same single ASL001 finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, analyzeSource, decodeSource, loadConfig } from '../../core';
import { firstInvalidUtf8 } from '../../core/text/decode';

const strictlyValid = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

test('firstInvalidUtf8 agrees with a fatal TextDecoder on random bytes and on valid text', () => {
  const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }));
  fc.assert(
    fc.property(fc.array(byte, { maxLength: 40 }), (values) => {
      const bytes = Uint8Array.from(values);
      const at = firstInvalidUtf8(bytes);
      assert.equal(at < 0, strictlyValid(bytes));
      if (at >= 0) assert.ok(strictlyValid(bytes.subarray(0, at)), 'everything before the offset is valid');
    }),
    { seed: 3, numRuns: 3000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const bytes = new TextEncoder().encode(text);
      assert.equal(firstInvalidUtf8(bytes), -1);
    }),
    { seed: 4, numRuns: 500 },
  );
});

test('overlong forms, surrogates and code points past U+10FFFF are invalid', () => {
  for (const bytes of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe2, 0x82]]) {
    assert.equal(firstInvalidUtf8(Uint8Array.from([0x41, ...bytes])), 1, bytes.map((b) => b.toString(16)).join(' '));
  }
});

test('decodeSource: BOMs, NUL bytes and invalid UTF-8, with a lenient text to sniff', () => {
  assert.deepEqual(decodeSource(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])), { kind: 'text', text: '{}' });
  assert.deepEqual(decodeSource(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])), { kind: 'text', text: '{}' });
  assert.deepEqual(decodeSource(Uint8Array.from([0x7b, 0x00, 0x7d])), { kind: 'notText', reason: 'it contains NUL bytes (the first at byte 1)', text: '{\u0000}' });
  assert.deepEqual(decodeSource(Uint8Array.from([0x7b, 0xff, 0x7d])), { kind: 'notText', reason: 'invalid UTF-8 at byte 1', text: '{\ufffd}' });
});

test('a text with a NUL character is one ASL001 "not text" finding at 0, in JSON and YAML alike', () => {
  const machine = '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"}}}';
  for (const [text, format] of [[machine.replace('"Pass"', '"Pa\u0000ss"'), 'json'], ['StartAt: A\nStates:\n  A: {Type: Pass, Next: Nope}\n\u0000', 'yaml']] as const) {
    const { findings, model } = analyze(text, { format });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.messageId, f.offset, f.length]), [['ASL001', 'notText', 0, 0]], format);
    assert.match(findings[0].message, /^Not a text file: it contains NUL characters \(the first at character \d+\)\./);
    assert.equal(model, undefined);
  }
  // The same machine without the NUL is analysed (the unknown Next target is found).
  assert.deepEqual(analyze(machine, { format: 'json' }).findings.map((f) => f.ruleId), ['ASL003']);
});

test('analyzeSource of bytes that are not text: the one finding, subject to the configuration', () => {
  const source = decodeSource(Uint8Array.from([0x7b, 0xff]));
  const { findings, text } = analyzeSource(source, { format: 'json' });
  assert.equal(text, '');
  assert.deepEqual(findings.map((f) => [f.ruleId, f.messageId, f.severity]), [['ASL001', 'notText', 'error']]);
  const warning = analyzeSource(source, { format: 'json', config: loadConfig({ rules: { ASL001: 'warning' } }).config });
  assert.deepEqual(warning.findings.map((f) => f.severity), ['warning']);
  assert.deepEqual(analyzeSource(source, { format: 'json', config: loadConfig({ rules: { ASL001: 'off' } }).config }).findings, []);
});
