// core/detect: the root-key reading that replaced a full parse in looksLikeStateMachine, held to the
// answers of full parsers: jsonc-parser's tree for JSON, the `yaml` package for every YAML document it
// reads without errors (keys decoded by both). test/unit/looks-like-state-machine.test.ts holds the basic cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import YAML from 'yaml';
import { looksLikeStateMachine } from '../../core/detect';
import { parseJson } from '../../core/parse/json';
import { corpusFiles, NO_CORPUS, ownFiles, type SampleFile } from '../helpers/corpus';
import { describeGrowth, measureGrowth, superLinear } from '../helpers/growth';

const jsonNames = (name: string) => /\.(json|asl)$/.test(name);
const yamlNames = (name: string) => /\.ya?ml$/.test(name);
const corpus = (keep: (name: string) => boolean): SampleFile[] => [...corpusFiles('asl', keep), ...corpusFiles('templates', keep)];

const yaml = (text: string) => looksLikeStateMachine(text, 'yaml');
const json = (text: string) => looksLikeStateMachine(text, 'json');

/** The reference for JSON: a full jsonc-parser tree (it decodes escapes in keys). */
function jsonReference(text: string): boolean {
  const { root } = parseJson(text);
  const keys = new Set(root?.type === 'object' ? root.children?.map((p) => p.children?.[0]?.value) : []);
  return keys.has('StartAt') && keys.has('States');
}

/**
 * The reference for YAML: the `yaml` package's first document, or undefined when it reports an
 * error there (broken YAML has no reference answer; the hand-written cases cover typing).
 */
function yamlReference(text: string): boolean | undefined {
  // Without its byte order mark, as the CLI (TextDecoder) and VS Code hand text to the engine: the yaml
  // package otherwise skips the first line's indentation after one (`\uFEFF  a: 1\nb: 2` is {a, b}).
  const docs = YAML.parseAllDocuments(text.replace(/^\uFEFF/, ''));
  const doc = Array.isArray(docs) ? docs[0] : docs;
  if (!doc) return false;
  if (doc.errors.length) return undefined;
  const has = (name: string) => YAML.isMap(doc.contents) && doc.contents.items.some((item) => YAML.isScalar(item.key) && item.key.value === name);
  return has('StartAt') && has('States');
}

test('YAML: keys are compared as YAML decodes them: quoted, escaped, tagged, anchored, explicit', () => {
  assert.equal(yaml("'StartAt': A\n'States':\n  A: {Type: Succeed}\n"), true, 'single-quoted');
  assert.equal(yaml('"Start\\x41t": A\n"St\\u0061tes": {}\n'), true, 'double-quoted with escapes');
  assert.equal(yaml('"Start\\U00000041t": A\nStates: {}\n'), true);
  assert.equal(yaml('!!str StartAt: A\n&s States: {}\n'), true, 'a tag and an anchor on the keys');
  assert.equal(yaml('? StartAt\n: A\nStates: {}\n'), true, 'an explicit key');
  assert.equal(yaml('--- !!map\nStartAt: A\nStates: {}\n'), true, 'properties of the root on the marker line');
  assert.equal(yaml('  StartAt: A\n  States: {}\n'), true, 'a root mapping may be indented');
  assert.equal(yaml('"Start\\qt": A\nStates: {}\n'), false, 'an invalid escape is no key');
  assert.equal(yaml("'Start''At': A\nStates: {}\n"), false, "'' is a quote");
});

test('YAML: only the first document\'s root mapping counts', () => {
  assert.equal(yaml('%YAML 1.2\n---\n# a machine\nStartAt: A\nStates:\n  A: {Type: Succeed}\n'), true);
  assert.equal(yaml('StartAt : A\r\nStates :\r\n  A:\r\n    Type: Succeed\r\n'), true);
  assert.equal(yaml('Name: x\n---\nStartAt: A\nStates: {}\n'), false, 'the machine is the second document');
  assert.equal(yaml('Comment: |\n  StartAt: A\n  States: {}\n'), false, 'inside a block scalar');
  assert.equal(yaml('Comment: see # StartAt: A\nStates: {}\n'), false, 'in a comment');
  assert.equal(yaml('StartAt:A\nStates: {}\n'), false, '"StartAt:A" is a scalar, not a key');
  assert.equal(yaml('- StartAt: A\n  States: {}\n'), false, 'a sequence');
  assert.equal(yaml('Top:\n  StartAt: A\n  States: {}\n'), false, 'nested');
});

test('YAML while typing: a truncated or broken document is still recognised by its root keys', () => {
  assert.equal(yaml('StartAt: A\nStates:\n  A:\n    Type: '), true);
  assert.equal(yaml('StartAt: A\nStates:\n  A: {Type: Pass, Next: '), true);
  assert.equal(yaml('{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ${Delay}}}}'), true, 'a JSON template with a bare placeholder');
});

test('flow YAML: quoted and plain keys at depth 1, not inside values or nested mappings', () => {
  assert.equal(yaml('{StartAt: A, States: {A: {Type: Succeed}}}'), true);
  assert.equal(yaml('{\n  StartAt: A,   # first\n  "States": {}\n}\n'), true);
  assert.equal(yaml('--- {"Start\\u0041t": A, ? States : {}}\n'), true);
  assert.equal(yaml('{!!str StartAt: A, &a States: {}}'), true);
  assert.equal(yaml('{Comment: "x, StartAt: y", States: {}}'), false);
  assert.equal(yaml('{Comment: {StartAt: A}, States: {}}'), false);
  assert.equal(yaml('[{StartAt: A, States: {}}]'), false);
});

test('JSON: keys decoded, strict JSON read natively, anything else through jsonc-parser', () => {
  assert.equal(json('{"StartAt": "A", "States": {}}'), true);
  assert.equal(json('{"Start\\u0041t": "A", "\\u0053tates": {}}'), true, 'escaped keys (the folder scan said "0 files")');
  assert.equal(json('// exported\n{"Start\\u0041t": "A", "States": {},}'), true, 'escaped, with a comment and a trailing comma');
  assert.equal(json('[{"StartAt": "A", "States": {}}]'), false, 'a root array');
  assert.equal(json('{"StartAt": "A", "Nested": {"States": {}}}'), false);
  assert.equal(json('{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ${Delay}}}}'), true, 'a bare placeholder');
  assert.equal(json('{"StartAt": "A", "States": {'), true, 'truncated: jsonc-parser still sees both keys');
  assert.equal(json('{"__proto__": 1, "StartAt": "A", "States": {}}'), true);
  assert.equal(json('{"Comment": "Start\\\\At States"}'), false);
});

function jsonAnswersAsFullTree(files: SampleFile[]) {
  for (const { name, text } of files) assert.equal(json(text), jsonReference(text), name);
}

test('JSON: on every corpus JSON file, the answer of a full jsonc-parser tree', { skip: NO_CORPUS }, () => {
  jsonAnswersAsFullTree(corpus(jsonNames));
});

test('JSON: on every JSON file of the project, the answer of a full jsonc-parser tree', () => {
  jsonAnswersAsFullTree(ownFiles(jsonNames));
});

test('JSON: random objects with escaped and plain key spellings, the answer of a full tree', () => {
  const key = fc.constantFrom('"StartAt"', '"States"', '"Start\\u0041t"', '"\\u0053tates"', '"St\\u0061tes"', '"Comment"', '"Start\\\\At"', '"StartAt "');
  const value = fc.constantFrom('1', '"x"', '{}', '{"StartAt": 1}', '[]', '{"States": {}}');
  fc.assert(
    fc.property(fc.array(fc.tuple(key, value), { maxLength: 5 }), fc.boolean(), (entries, array) => {
      const object = `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
      const text = array ? `[${object}]` : object;
      assert.equal(json(text), jsonReference(text), text);
    }),
    { seed: 6, numRuns: 2000 },
  );
});

/** Compares with the yaml package where it has an answer; returns how many had one, and how many said yes. */
function yamlAnswersAsYamlPackage(files: { name: string; text: string }[]): { compared: number; machines: number } {
  let compared = 0;
  let machines = 0;
  for (const { name, text } of files) {
    const expected = yamlReference(text);
    if (expected === undefined) continue;
    compared++;
    if (expected) machines++;
    assert.equal(yaml(text), expected, name);
  }
  return { compared, machines };
}

test('YAML: on corpus and project YAML, the answer of the yaml package', () => {
  // The corpus part is absent on a plain clone; the project's own YAML is always there.
  const { compared, machines } = yamlAnswersAsYamlPackage([...corpus(yamlNames), ...ownFiles(yamlNames)]);
  assert.ok(compared >= 10 && machines >= 5, `compared ${compared}, machines ${machines}`);
  console.log(`  corpus and project YAML: ${compared} files with an answer, ${machines} of them state machines`);
});

test('YAML: random documents of key spellings, markers, properties and comments, the answer of the yaml package', () => {
  // Root-key spellings weigh more than the noise, so that enough documents are state machines.
  const key = fc.constantFrom(
    'StartAt: A', 'States:', 'States: {}', '"States": {}', "'StartAt' : x", '"Start\\u0041t": A', '"St\\x61tes": {}', '!!str StartAt: A',
    '&k States: {}', '? StartAt', '? "States"', 'StartAt: A # c', '"\\x53tartAt": 1',
  );
  const noise = fc.constantFrom(
    '"Start\\qt": A', "'Sta''rtAt': x", '!!str', ': A', '  StartAt: B', '  A: 1', '  - x',
    '# c', '', ' ', '---', '--- x', '--- !!map', '--- {StartAt: A, "States": {}}', '{StartAt: A, States: {}}', '...', '%YAML 1.2',
    '- a', '- StartAt: 1', '| x', 'Comment: |', 'Comment: "a', 'b" : c', 'StartAt:A', 'States #c: 1', '\tStates: x',
    '\u00a0StartAt: x', 'Comment: a\u2028StartAt: x', 'StartAt\u2028: x', 'Comment: x', 'StartAt :', 'x: {StartAt: 1,', '  States: 2}',
  );
  const line = fc.oneof({ arbitrary: key, weight: 2 }, { arbitrary: noise, weight: 3 });
  // No lone '\r' (classic Mac OS line ends) and no U+2028 between lines: the yaml package reads them as
  // white space in some places and as line breaks in others (`? "States"\rStartAt: A`), so it has no
  // one answer to hold the scan to. U+2028 inside a line is in the noise.
  const eol = fc.constantFrom('\n', '\r\n');
  let compared = 0;
  let machines = 0;
  fc.assert(
    fc.property(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 7 }), (bom, parts) => {
      const text = (bom ? '\uFEFF' : '') + parts.map(([l, e]) => l + e).join('');
      const result = yamlAnswersAsYamlPackage([{ name: JSON.stringify(text), text }]);
      compared += result.compared;
      machines += result.machines;
    }),
    { seed: 5, numRuns: 6000 },
  );
  // Enough documents had an answer, and enough of them were state machines, for the comparison to mean something.
  assert.ok(compared >= 1000 && machines >= 100, `compared ${compared}, machines ${machines}`);
  console.log(`  random YAML: ${compared} documents with an answer, ${machines} of them state machines`);
});

test('hostile text: the key reading stays linear (it runs on every .json/.yaml of a repository)', () => {
  const inputs: [string, (n: number) => string, 'json' | 'yaml'][] = [
    ['root lines of unclosed quotes', (n) => `StartAt: A\n${'"States\\u0041 x: y\n'.repeat(n / 20)}`, 'yaml'],
    ['one long line of properties', (n) => `StartAt: A\n${'!a &b '.repeat(n / 6)}States: {}\n`, 'yaml'],
    ['flow mapping of plain scalars and quotes', (n) => `{StartAt: A, ${'a: "\\x41", '.repeat(n / 12)}States: {}}`, 'yaml'],
    ['flow mapping that never closes a quote', (n) => `{StartAt: A, "${'\\u0041'.repeat(n / 6)}`, 'yaml'],
    ['indented root, many deeper lines', (n) => `  StartAt: A\n${'    x: "\\u0041"\n'.repeat(n / 16)}  States: {}\n`, 'yaml'],
    ['many document markers', (n) => `StartAt: A\n${'---\n'.repeat(n / 4)}`, 'yaml'],
    ['JSON full of escapes', (n) => `{"StartAt": "A", "x": "${'\\u0041'.repeat(n / 6)}", "States": {}}`, 'json'],
  ];
  for (const [name, make, format] of inputs) {
    const work = (n: number) => void looksLikeStateMachine(make(n), format);
    const growth = superLinear(work, { start: 1 << 14, maxN: 1 << 22, enoughMs: 20 });
    console.log(`  ${name}: ${describeGrowth(growth ?? measureGrowth(work, { start: 1 << 14, maxN: 1 << 22, enoughMs: 20 }))}`);
    assert.equal(growth, undefined, `${name} is super-linear: ${growth && describeGrowth(growth)}`);
  }
});
