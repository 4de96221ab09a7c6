// The YAML fast path (core/parse/fast-yaml.ts) must build exactly the tree the `yaml` package's
// Document converts to — types, values, offsets and lengths of every node — whenever it accepts a
// text, and must accept only texts the package parses without a problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OffsetTable, type AstNode } from '../../core/parse/ast';
import { parseYamlFast } from '../../core/parse/fast-yaml';
import { parseYaml, parseYamlWithPackage } from '../../core/parse/yaml';
import { corpusFiles, NO_CORPUS, ownYamlFiles } from '../helpers/corpus';

interface Plain {
  type: string;
  offset: number;
  length: number;
  value: unknown;
  children?: Plain[];
}

function plain(node: AstNode | undefined): Plain | undefined {
  if (!node) return undefined;
  const out: Plain = { type: node.type, offset: node.offset, length: node.length, value: node.value };
  if (node.children) out.children = node.children.map((c) => plain(c)!);
  return out;
}

/** True when the fast path accepted `text`; fails when it accepted it with another tree than the package's. */
function sameAsPackage(text: string): boolean {
  const fast = parseYamlFast(text, new OffsetTable());
  if (!fast) return false;
  const reference = parseYamlWithPackage(text);
  assert.deepEqual(reference.problems, [], `the fast path accepted YAML the package reports: ${JSON.stringify(text)}`);
  assert.deepEqual(plain(fast), plain(reference.root), JSON.stringify(text));
  return true;
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

test('on corpus YAML the fast path builds the package tree, and takes the common files', { skip: NO_CORPUS }, () => {
  const files = [...corpusFiles('asl', isYaml), ...corpusFiles('templates', isYaml)];
  const accepted = files.filter((f) => sameAsPackage(f.text)).length;
  assert.ok(accepted >= 15, `only ${accepted} of ${files.length} files took the fast path`);
  const big = files.find((f) => f.name.startsWith('PRX__Porter__'));
  if (big) assert.ok(sameAsPackage(big.text), 'the largest YAML definition takes the fast path');
});

test('on fixture and example YAML the fast path builds the package tree, and takes the common files', () => {
  const files = ownYamlFiles();
  const accepted = files.filter((f) => sameAsPackage(f.text)).length;
  assert.ok(accepted >= 80, `only ${accepted} of ${files.length} files took the fast path`);
});

test('where comments and blank lines end a node, as the package decides', () => {
  const cases = [
    'a: x\n\nb: 1',
    'a: x  \n  \nb: 1',
    'a: x\n  # c\n\nb: 1',
    'a: x\n  # c\n  \n  # d\nb: 1',
    'a: x\n\n  # c\nb: 1',
    'a: x # c\n  # d\nb: 1',
    'a:\n  c: x\n  # t\nb: 1',
    'a:\n  c: x\n# t\nb: 1',
    'a:\n  c: x\n # t\nb: 1',
    'a:\n  c: x\n   # t\nb: 1',
    'a:\n  c: x\n\n  # t\n\nb: 1',
    'a:\n  - x\n  # t\n\nb: 1',
    'a:\n- x\n# t\nb: 1',
    'a: [1] # z\n\nb: 1',
    'a:\n  b:\n    c: 1\n    # deep\n  # mid\n# top\nd: 1',
    'a:\n  - b: 1\n    # in\n  - c: 2\n    d: [1, 2]   # after\n',
    '# head\n---\n# more\nStartAt: A\nStates: {}\n',
  ];
  for (const text of cases) assert.ok(sameAsPackage(text), JSON.stringify(text));
});

test('scalars: plain over lines, quoted over lines, block scalars, empty values and typed values', () => {
  const cases = [
    'a: one\n  two\n\n  three\nb: 1',
    "a: 'it''s\n   folded\n\n   here'\nb: \"x\\ty\\u00e9\\\"\"",
    'a: |\n  x\n  y\n\nb: >-\n  p\n  q\n\n  r\nc: |-\n  last\n',
    'a:\n  b: 1\n  c: \nd:\ne: 2',
    'a: ~\nb: null\nc: True\nd: FALSE\ne: 0\nf: -12\ng: 1.50\nh: 2023-01-01\ni: 1e3\nj: 0x1F\n',
    '--db_password.$: $.x\nk: arn:aws:states:::lambda:invoke\nl: "${Placeholder}"\n',
    'Retry:\n- ErrorEquals:\n  - States.ALL\n  MaxAttempts: 2\nNext: B\n',
  ];
  for (const text of cases) {
    const fast = parseYamlFast(text, new OffsetTable());
    if (!fast) {
      // Numbers the fast path leaves to the package (1e3, 0x1F) must make it give up, not guess.
      assert.ok(/1e3|0x1F/.test(text), JSON.stringify(text));
      continue;
    }
    sameAsPackage(text);
  }
});

test('flow collections, on one line or several', () => {
  const cases = [
    '{StartAt: A, States: {A: {Type: Pass, End: true}}}\n',
    'a: [1, "two", {c: d}, []]\nb: {}\n',
    'a: {\n  x: 1,\n  y: [2,\n    3],\n}\n',
    'k:\n  a: [1,\n  ]\n',
    '# lead\n{\n  "StartAt": "A",  # first\n  "States": {"A": {"Type": "Succeed"}}\n}\n',
  ];
  for (const text of cases) assert.ok(sameAsPackage(text), JSON.stringify(text));
});

test('gives up on what it does not read, and parseYaml still answers through the package', () => {
  const cases = [
    'a: &x 1\nb: *x\n', // anchors and aliases
    'a: !Ref B\n', // tags
    'a: 1\n---\nb: 2\n', // two documents
    'a:\tb\n', // tabs
    'a: 1\r\nb: 2\r\n', // CRLF
    'a: b: c\n', // an error
    'a: [1,\n2]\n', // a flow line not indented enough
    '- a\n- b\n', // a root sequence
    '? a\n: b\n', // an explicit key
    'a: "x\\\n  y"\n', // an escaped line break
    '', // empty
  ];
  for (const text of cases) {
    assert.equal(parseYamlFast(text, new OffsetTable()), undefined, JSON.stringify(text));
    assert.deepEqual(plain(parseYaml(text).root), plain(parseYamlWithPackage(text).root));
  }
});

/** Random YAML documents in many layouts, built from a random tree. */
const key = fc.constantFrom('Type', 'Next', 'States', 'A B', 'Parameters.$', 'x-y', '"quoted: key"', "'single'", '--arg', 'k1');
const scalarText = fc.constantFrom('Pass', 'arn:aws:states:::lambda:invoke', '$.a.b', '1', '-2', '3.25', 'true', 'null', '~', '"dq # not comment"', "'sq ''x'''", 'two words', '${Sub}', 'a#b', '{}', '[]', '[1, x]', '{a: 1, "b": [2]}', '|\n{I}  line one\n{I}  line two\n', '>-\n{I}  folded\n{I}  text\n\n{I}  para\n', '', 'plain\n{I}  goes on\n\n{I}   here', "'quoted\n{I}  goes\n\n{I}  on'", '"dq\n{I}   more"', '[1,\n{I}  2]', '{a: 1,\n{I}}', '{a: [x,\n{I}]}');

type Tree = { kind: 'scalar'; text: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText.map((text): Tree => ({ kind: 'scalar', text })),
    fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }).map((entries): Tree => ({ kind: 'map', entries })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items): Tree => ({ kind: 'seq', items })),
  ),
})).node;

function render(t: Tree, indent: number, style: { comments: string[]; gaps: string[]; step: number; sameIndentSeq: boolean }, pick: () => number): string {
  const pad = ' '.repeat(indent);
  const fill = (s: string, i: number) => s.replace(/\{I\}/g, ' '.repeat(i));
  const gap = () => fill(style.gaps[pick() % style.gaps.length], indent);
  const tail = () => style.comments[pick() % style.comments.length];
  const value = (v: Tree, keyIndent: number, inSeq: boolean): string => {
    if (v.kind === 'scalar') {
      const text = fill(v.text, keyIndent);
      return ` ${text}${text.endsWith('\n') ? '' : `${tail()}\n`}`;
    }
    const child = v.kind === 'seq' && style.sameIndentSeq && !inSeq ? keyIndent : keyIndent + style.step;
    return `${tail()}\n${render(v, child, style, pick)}`;
  };
  if (t.kind === 'map') return t.entries.map(([k, v], i) => (i ? gap() : '') + `${pad}${k}:${value(v, indent, false)}`).join('');
  if (t.kind === 'seq') {
    return t.items
      .map((v, i) => {
        const head = (i ? gap() : '') + `${pad}-`;
        if (v.kind === 'map') return head + ' ' + render(v, indent + 2, style, pick).slice(indent + 2);
        return head + value(v, indent, true);
      })
      .join('');
  }
  return `${pad}${fill(t.text, indent)}\n`;
}

test('random documents: whenever the fast path accepts one, it builds the package tree', () => {
  let accepted = 0;
  let runs = 0;
  fc.assert(
    fc.property(
      fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }),
      fc.subarray(['', ' # c', '  # note: x'], { minLength: 1 }),
      fc.subarray(['', '\n', '{I}# c\n', '\n{I}  # deeper\n', '# col0\n', '\n\n', '{I} # off by one\n'], { minLength: 1 }),
      fc.constantFrom(2, 4),
      fc.boolean(),
      fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      (entries, comments, gaps, step, sameIndentSeq, seeds) => {
        let k = 0;
        const pick = () => seeds[k++ % seeds.length] + k;
        const text = render({ kind: 'map', entries }, 0, { comments, gaps, step, sameIndentSeq }, pick);
        runs++;
        if (sameAsPackage(text)) accepted++;
      },
    ),
    { seed: 11, numRuns: 400 },
  );
  assert.ok(accepted > runs / 4, `the fast path took only ${accepted} of ${runs} random documents`);
});

