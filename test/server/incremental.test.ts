// The server analyses edits incrementally (core's analyzeChange on the edits folded since the
// last analysis). Differential test: after each random edit, and after random bursts, the
// published diagnostics equal a full analysis of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core';
import { positionOf, TestClient } from './lsp-client';
import { NESTED } from './samples';

// Ranges are clamped to the text, as converting offsets to LSP positions does.
const expected = (text: string) =>
  analyze(text, { format: 'json' }).findings.filter((f) => !f.suppressed).map((f) => `${f.ruleId}@${f.offset}:${Math.min(f.offset + f.length, text.length) - f.offset}`);

function actual(text: string, diagnostics: { code?: string | number; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]): string[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return diagnostics.map((d) => `${d.code}@${offset(d.range.start)}:${offset(d.range.end) - offset(d.range.start)}`);
}

test('random edits, one at a time and in bursts: diagnostics always equal a full analysis', { timeout: 120_000 }, async () => {
  const client = await TestClient.start();
  try {
    const uri = 'file:///tmp/incremental.asl.json';
    let text = NESTED;
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    let seed = 2024;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    // Edits inside string values keep the JSON valid, so the server can take the incremental path;
    // every eighth round breaks the syntax and the next one repairs it (full analysis and back).
    const edit = async (offset: number, length: number, inserted: string) => {
      const range = { start: positionOf(text, offset), end: positionOf(text, offset + length) };
      text = text.slice(0, offset) + inserted + text.slice(offset + length);
      return client.change(uri, [{ range, text: inserted }]);
    };
    let broken: { offset: number; text: string } | undefined;
    for (let round = 0; round < 48; round++) {
      let version = 0;
      if (broken) {
        version = await edit(broken.offset, 1, broken.text);
        broken = undefined;
      } else if (round % 8 === 7) {
        const offset = text.indexOf('{', 1 + random(text.length - 2));
        if (offset > 0) {
          broken = { offset, text: '{' };
          version = await edit(offset, 1, '<');
        }
      }
      for (let k = 0, burst = round % 4 === 3 ? 5 : 1; !broken && k < burst; k++) {
        const values = [...text.matchAll(/": "([A-Za-z.$]+)"/g)];
        const value = values[random(values.length)];
        const at = value.index! + 4 + random(value[1].length);
        version = random(3) === 0 && value[1].length > 1 ? await edit(at, 1, '') : await edit(at, 0, ['x', 'Done', 'A'][random(3)]);
      }
      if (!version) continue;
      const published = await client.diagnosticsFor(uri, version);
      assert.deepEqual(actual(text, published.diagnostics), expected(text), `round ${round}`);
    }
  } finally {
    await client.stop();
  }
});
