// YAML with old Mac line endings (a lone CR) is read like the same text with LF: it was one long
// comment line, so a whole machine gave no finding at all. Offsets stay exact (one character for one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core';
import { ownYamlFiles } from '../helpers/corpus';
import { parseYaml } from '../../core/parse/yaml';
import { valueOf, type AstNode } from '../../core/parse/ast';

const findings = (text: string) =>
  analyze(text, { format: 'yaml' }).findings.map((f) => ({ rule: f.ruleId, offset: f.offset, length: f.length, message: f.message, pointer: f.pointer }));

test('every fixture and example YAML file with CR line endings gets the findings of its LF version', () => {
  let withFindings = 0;
  for (const file of ownYamlFiles()) {
    const lf = file.text.replace(/\r\n/g, '\n');
    const cr = lf.replace(/\n/g, '\r');
    const expected = findings(lf);
    assert.deepEqual(findings(cr), expected, file.name);
    if (expected.length) withFindings++;
  }
  assert.ok(withFindings >= 40, `only ${withFindings} files have findings`);
});

test('a CR-only machine with a hard-coded secret reports it at the same place as with LF', () => {
  const lf = 'StartAt: Call\nStates:\n  Call:\n    Type: Task\n    Resource: arn:aws:states:::http:invoke\n    Arguments:\n      ApiEndpoint: https://example.com\n      Method: GET\n      Authentication:\n        ConnectionArn: arn:aws:events:us-east-1:123456789012:connection/x/y\n      Body:\n        password: "Sup3r-Secret-Pa55"\n    End: true\n';
  const cr = findings(lf.replace(/\n/g, '\r'));
  assert.ok(cr.some((f) => f.rule === 'SEC001'), JSON.stringify(cr));
  assert.deepEqual(cr, findings(lf));
});

test('mixed line endings: lone CRs, CRLF and LF in one file read as lines', () => {
  const lines = ['StartAt: A', 'States:', '  A:', '    Type: Pass', '    Next: Missing', '  B:', '    Type: Succeed', ''];
  const lf = lines.join('\n');
  const mixed = lines.map((line, i) => line + (i === lines.length - 1 ? '' : ['\r', '\r\n', '\n'][i % 3])).join('');
  const expected = findings(lf).map(({ rule, pointer, message }) => ({ rule, pointer, message }));
  assert.ok(expected.some((f) => f.rule === 'ASL003'), JSON.stringify(expected));
  assert.deepEqual(findings(mixed).map(({ rule, pointer, message }) => ({ rule, pointer, message })), expected);
  // Offsets are the mixed text's own: the finding of the unknown target covers "Missing".
  const target = findings(mixed).find((f) => f.rule === 'ASL003')!;
  assert.equal(mixed.slice(target.offset, target.offset + target.length), 'Missing');
});

test('a multi-line quoted scalar and a block scalar read the same with CR as with LF: values, offsets, lengths', () => {
  const lf = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Comment: "one\n      two\n\n      three"\n    Result:\n      text: |\n        a\n        b\n    End: true\n';
  const tree = (node: AstNode | undefined): unknown =>
    node && { type: node.type, offset: node.offset, length: node.length, value: node.value, children: node.children?.map(tree) };
  const cr = parseYaml(lf.replace(/\n/g, '\r'));
  assert.deepEqual(cr.problems, []);
  assert.deepEqual(tree(cr.root), tree(parseYaml(lf).root));
  const state = analyze(lf.replace(/\n/g, '\r'), { format: 'yaml' }).model!.states[0];
  assert.equal(valueOf(state.node, 'Comment')?.value, 'one two\nthree');
  assert.equal(valueOf(valueOf(state.node, 'Result'), 'text')?.value, 'a\nb\n');
});
