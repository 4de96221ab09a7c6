// The strict fast path must build exactly the tree jsonc-parser's visitor builds (json-tree.ts)
// whenever it accepts a text, and must refuse every text jsonc-parser would report or that uses
// its extensions (comments, trailing commas), so that path keeps error recovery and messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ParseError } from 'jsonc-parser';
import { OffsetTable, type AstNode } from '../../core/parse/ast';
import { parseJsonStrict, parseJsonStrictInSteps } from '../../core/parse/fast-json';
import { parseJsonTree } from '../../core/parse/json-tree';
import { corpusFiles, generatedDefinitions, NO_CORPUS, ownJsonDefinitions, type SampleFile } from '../helpers/corpus';

interface Plain {
  type: string;
  offset: number;
  length: number;
  colonOffset?: number;
  value: unknown;
  children?: Plain[];
}

function plain(node: AstNode | undefined): Plain | undefined {
  if (!node) return undefined;
  const out: Plain = { type: node.type, offset: node.offset, length: node.length, value: node.value };
  if (node.colonOffset !== undefined) out.colonOffset = node.colonOffset;
  if (node.children) out.children = node.children.map((c) => plain(c)!);
  return out;
}

function reference(text: string): { tree: Plain | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const tree = plain(parseJsonTree(text, errors, { allowTrailingComma: true, disallowComments: false }));
  return { tree, errors };
}

function parentsConsistent(node: AstNode): boolean {
  return (node.children ?? []).every((c) => c.parent === node && parentsConsistent(c));
}

const corpusJson = () => corpusFiles('asl', (f) => f.endsWith('.json'));
const ownJson = async () => [...ownJsonDefinitions(), ...(await generatedDefinitions())];

/** Every file the strict parser accepts gets the reference tree; at least `share` of them are accepted. */
function strictMatchesReference(files: SampleFile[], share: number) {
  let accepted = 0;
  for (const { name: file, text } of files) {
    const fast = parseJsonStrict(text, new OffsetTable());
    const ref = reference(text);
    if (!fast) {
      assert.ok(ref.errors.length > 0 || /\/\/|\/\*|,\s*[}\]]|^\uFEFF/.test(text), `${file}: refused a text jsonc-parser reads without errors`);
      continue;
    }
    accepted++;
    assert.equal(ref.errors.length, 0, `${file}: accepted a text with errors`);
    assert.deepEqual(plain(fast), ref.tree, file);
    assert.ok(parentsConsistent(fast));
    assert.equal(fast.parent, undefined);
  }
  assert.ok(accepted > files.length * share, `accepted only ${accepted} of ${files.length}`);
}

test('on every corpus JSON file the strict parser accepts, it builds the reference tree', { skip: NO_CORPUS }, () => {
  strictMatchesReference(corpusJson(), 0.9);
});

test('on every JSON definition of the project the strict parser accepts, it builds the reference tree', async () => {
  // Lower share: the syntax-error fixtures and the grammar tests (with comments) are refused on purpose.
  strictMatchesReference(await ownJson(), 0.8);
});

test('on random JSON it builds the reference tree, also with a base offset', () => {
  fc.assert(
    fc.property(fc.json({ maxDepth: 6 }), fc.constantFrom('', ' ', '\n  ', '\t', '\r\n'), fc.nat({ max: 50 }), (json, space, base) => {
      const text = space + json + space;
      const table = new OffsetTable();
      const fast = parseJsonStrict(text, table, base);
      const ref = reference(text);
      assert.equal(ref.errors.length, 0);
      assert.ok(fast, 'refused valid JSON');
      const shift = (p: Plain): Plain => ({ ...p, offset: p.offset + base, ...(p.colonOffset !== undefined ? { colonOffset: p.colonOffset + base } : {}), ...(p.children ? { children: p.children.map(shift) } : {}) });
      assert.deepEqual(plain(fast), shift(ref.tree!));
    }),
    { seed: 7, numRuns: 300 },
  );
});

test('it refuses what jsonc-parser reports or reads only as an extension, and leaves the table as it was', () => {
  const cases = [
    '{"a": 1,}', '[1, 2,]', '{"a": 1 // note\n}', '/* c */ {"a": 1}', '{"a" 1}', '{"a": }', '{"a": 01}', '{"a": 1.}',
    '{"a": -}', '{"a": 1e}', '{"a": tru}', '{"a": truex}', '{"a": "x\ny"}', '{"a": "\\q"}', '{"a": "\\u12"}', '{"a": "open',
    '{"a": 1} extra', '\uFEFF{"a": 1}', '{a: 1}', "{'a': 1}", '{"a": NaN}', '', '   ', '{"a": [1 2]}', '{"a": 1}}',
  ];
  for (const text of cases) {
    const table = new OffsetTable();
    table.add(0, 0);
    assert.equal(parseJsonStrict(text, table), undefined, JSON.stringify(text));
    assert.equal(table.size, 1, `${JSON.stringify(text)} left entries behind`);
  }
});

test('escapes are decoded exactly as JSON defines them', () => {
  const text = String.raw`{"k\"ey": "a\\b\/c\n\t\u00e9\ud83d\ude00"}`;
  const fast = parseJsonStrict(text, new OffsetTable());
  assert.deepEqual(plain(fast), reference(text).tree);
  assert.equal(fast!.children![0].children![1].value, 'a\\b/c\n\té😀');
});

test('the stepped parse pauses between top-level states and builds the same tree', async () => {
  const files = [...corpusJson().slice(0, 60), ...(await ownJson())];
  for (const { name: file, text } of files) {
    const steps = parseJsonStrictInSteps(text, new OffsetTable());
    let pauses = 0;
    let next = steps.next();
    while (!next.done) {
      pauses++;
      next = steps.next();
    }
    const whole = parseJsonStrict(text, new OffsetTable());
    assert.deepEqual(plain(next.value), plain(whole), file);
    if (whole && whole.type === 'object') assert.ok(pauses >= (whole.children?.length ?? 0), `${file}: ${pauses} pauses`);
  }
});
