// core/detect: the YAML root-key scan that replaced a full YAML parse in looksLikeStateMachine
// (test/unit/looks-like-state-machine.test.ts holds the basic cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { looksLikeStateMachine } from '../../core/detect';
import { parseJson } from '../../core/parse/json';
import { corpusFiles, NO_CORPUS, ownFiles, type SampleFile } from '../helpers/corpus';

const jsonNames = (name: string) => /\.(json|asl)$/.test(name);
const yamlNames = (name: string) => /\.ya?ml$/.test(name);
const corpus = (keep: (name: string) => boolean): SampleFile[] => [...corpusFiles('asl', keep), ...corpusFiles('templates', keep)];

const yaml = (text: string) => looksLikeStateMachine(text, 'yaml');

test('block YAML: only column-0 keys of the first document count', () => {
  assert.equal(yaml('%YAML 1.2\n---\n# a machine\nStartAt: A\nStates:\n  A: {Type: Succeed}\n'), true);
  assert.equal(yaml('StartAt : A\r\nStates :\r\n  A:\r\n    Type: Succeed\r\n'), true);
  assert.equal(yaml('"StartAt": A\n"States": {}\n'), true);
  assert.equal(yaml('Name: x\n---\nStartAt: A\nStates: {}\n'), false, 'the machine is the second document');
  assert.equal(yaml('Comment: |\n  StartAt: A\n  States: {}\n'), false, 'inside a block scalar');
  assert.equal(yaml('Comment: see # StartAt: A\nStates: {}\n'), false, 'in a comment');
  assert.equal(yaml('StartAt:A\nStates: {}\n'), false, '"StartAt:A" is a scalar, not a key');
});

test('block YAML: a root that is not a mapping is not a state machine', () => {
  assert.equal(yaml('- StartAt: A\n  States: {}\n'), false);
  assert.equal(yaml('  StartAt: A\n  States: {}\n'), false);
});

test('flow YAML: quoted and plain keys at depth 1, not inside values or nested mappings', () => {
  assert.equal(yaml('{StartAt: A, States: {A: {Type: Succeed}}}'), true);
  assert.equal(yaml('{\n  StartAt: A,   # first\n  "States": {}\n}\n'), true);
  assert.equal(yaml('{Comment: "x, StartAt: y", States: {}}'), false);
  assert.equal(yaml('{Comment: {StartAt: A}, States: {}}'), false);
  assert.equal(yaml('[{StartAt: A, States: {}}]'), false);
});

test('JSON: strict JSON is read natively, anything else through jsonc-parser, with the same answers', () => {
  const json = (text: string) => looksLikeStateMachine(text, 'json');
  assert.equal(json('{"StartAt": "A", "States": {}}'), true);
  assert.equal(json('[{"StartAt": "A", "States": {}}]'), false, 'a root array');
  assert.equal(json('{"StartAt": "A", "Nested": {"States": {}}}'), false);
  assert.equal(json('// exported\n{"StartAt": "A", "States": {},}'), true, 'a comment and a trailing comma');
  assert.equal(json('{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ${Delay}}}}'), true, 'a bare placeholder');
  assert.equal(json('{"StartAt": "A", "States": {'), true, 'truncated: jsonc-parser still sees both keys');
  assert.equal(json('{"__proto__": 1, "StartAt": "A", "States": {}}'), true);
});

function jsonAnswersAsFullTree(files: SampleFile[]) {
  for (const { name, text } of files) {
    const { root } = parseJson(text);
    const keys = new Set(root?.type === 'object' ? root.children?.map((p) => p.children?.[0]?.value) : []);
    const expected = /"?StartAt"?\s*:/.test(text) && /"?States"?\s*:/.test(text) && keys.has('StartAt') && keys.has('States');
    assert.equal(looksLikeStateMachine(text, 'json'), expected, name);
  }
}

test('JSON: on every corpus JSON file, the answer of a full jsonc-parser tree', { skip: NO_CORPUS }, () => {
  jsonAnswersAsFullTree(corpus(jsonNames));
});

test('JSON: on every JSON file of the project, the answer of a full jsonc-parser tree', () => {
  jsonAnswersAsFullTree(ownFiles(jsonNames));
});

/** The line-by-line scan the jumping one replaced: the reference for its answers. */
function referenceBlockYaml(text: string): boolean {
  const keys = new Set<string>();
  let started = false;
  for (const [line] of text.replace(/^\uFEFF/, '').matchAll(/^.*$/gm)) {
    if (/^\s*(?:#|$)/.test(line)) continue;
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(line)) {
      if (started || line.startsWith('...')) break;
      continue;
    }
    if (!started && line.startsWith('%')) continue;
    if (!started) {
      started = true;
      if (/^(?:[-?|>](?:\s|$)|\s)/.test(line)) break;
    }
    const key = /^(["']?)(StartAt|States)\1[ \t]*:(?:\s|$)/.exec(line);
    if (key) keys.add(key[2]);
  }
  return keys.has('StartAt') && keys.has('States');
}

test('block YAML: the same answers as a line-by-line scan, on corpus and project YAML and random lines', () => {
  const isFlow = (text: string) => /^\uFEFF?(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*([{[])/.test(text);
  const expect = (text: string, name: string) => {
    if (!isFlow(text)) assert.equal(yaml(text), /"?StartAt"?\s*:/.test(text) && /"?States"?\s*:/.test(text) && referenceBlockYaml(text), name);
  };
  // The corpus part is absent on a plain clone; the project's own YAML and the random lines are always there.
  for (const { name, text } of [...corpus(yamlNames), ...ownFiles(yamlNames)]) expect(text, name);
  const line = fc.constantFrom('StartAt: A', 'States:', '"States": {}', "'StartAt' : x", '  StartAt: B', '  A: 1', '# c', '', ' ', '---', '--- x', '...', '%YAML 1.2', '- a', '| x', '\tStates: x', '\u00a0StartAt: x', 'Comment: x');
  const eol = fc.constantFrom('\n', '\r\n', '\r', '\u2028');
  fc.assert(
    fc.property(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 12 }), (bom, parts) => {
      const text = (bom ? '\uFEFF' : '') + parts.map(([l, e]) => l + e).join('');
      expect(text, JSON.stringify(text));
    }),
    { seed: 5, numRuns: 2000 },
  );
});
