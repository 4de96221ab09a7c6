// Facts memoized per state, scope or model (resource uses, Pass/Assign tracing, suppression keys)
// must follow an edit that keeps the model: each case edits one state so that a finding of ANOTHER
// state (or a document rule) must appear or disappear, and compares with a full analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeChange } from '../../core';

function edit(text: string, find: string, replace: string) {
  const offset = text.indexOf(find);
  assert.ok(offset > 0, `fixture lacks ${find}`);
  const next = text.slice(0, offset) + replace + text.slice(offset + find.length);
  const previous = analyze(text, { format: 'json' });
  const model = previous.model;
  const result = analyzeChange(previous, next, [{ offset, length: find.length, text: replace }], { format: 'json' });
  assert.equal(result.model, model, 'the edit should keep the model (in-place refresh)');
  const full = analyze(next, { format: 'json' });
  assert.deepEqual(result.findings, full.findings);
  return { before: analyze(text, { format: 'json' }).findings, after: result.findings };
}

const codes = (findings: { ruleId: string; suppressed?: boolean }[]) => findings.filter((f) => !f.suppressed).map((f) => f.ruleId);

const passThenPut = JSON.stringify({
  StartAt: 'Pick',
  States: {
    Pick: { Type: 'Pass', Parameters: { bucket: 'reports-bucket' }, ResultPath: '$.target', Next: 'Put' },
    Put: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:putObject', Parameters: { 'Bucket.$': '$.target.bucket', Key: 'k', Body: 'b' }, End: true },
  },
}, null, 2);

test('IAM002 follows an edit of the Pass state that writes the bucket name', () => {
  const { before, after } = edit(passThenPut, '"bucket": "reports-bucket"', '"bucket.$": "$.input"');
  assert.ok(!codes(before).includes('IAM002'));
  assert.ok(codes(after).includes('IAM002'));
});

const assignThenPut = JSON.stringify({
  QueryLanguage: 'JSONata',
  StartAt: 'Pick',
  States: {
    Pick: { Type: 'Pass', Assign: { bucket: 'reports-bucket' }, Next: 'Put' },
    Put: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:putObject', Arguments: { Bucket: '{% $bucket %}', Key: 'k', Body: 'b' }, End: true },
  },
}, null, 2);

test('IAM002 follows an edit of the Assign that sets the variable', () => {
  const { before, after } = edit(assignThenPut, '"bucket": "reports-bucket"', '"bucket": "{% $states.input.b %}"');
  assert.ok(!codes(before).includes('IAM002'));
  assert.ok(codes(after).includes('IAM002'));
});

test('IAM002 follows an edit of the Task parameter itself', () => {
  const { before, after } = edit(passThenPut, '"Bucket.$": "$.target.bucket"', '"Bucket.$": "$.other"');
  assert.ok(!codes(before).includes('IAM002'));
  assert.ok(codes(after).includes('IAM002'));
});

test('a suppression comment typed into a state silences its findings, and removing it brings them back', () => {
  const withComment = passThenPut.replace('"Type": "Task",', '"Type": "Task",\n      "Comment": "x",');
  const runtime = withComment.replace('"Bucket.$": "$.target.bucket"', '"Bucket.$": "$.other"');
  const silenced = edit(runtime, '"Comment": "x"', '"Comment": "asl-guard-disable IAM002"');
  assert.ok(codes(silenced.before).includes('IAM002'));
  assert.ok(!codes(silenced.after).includes('IAM002'));
  const restored = edit(runtime.replace('"Comment": "x"', '"Comment": "asl-guard-disable IAM002"'), 'asl-guard-disable IAM002', 'x');
  assert.ok(codes(restored.after).includes('IAM002'));
});

test('an edit of a transition target rebuilds the model and still equals a full analysis', () => {
  const text = passThenPut;
  const offset = text.indexOf('"Next": "Put"') + '"Next": "'.length;
  const next = text.slice(0, offset) + 'X' + text.slice(offset);
  const previous = analyze(text, { format: 'json' });
  const model = previous.model;
  const result = analyzeChange(previous, next, [{ offset, length: 0, text: 'X' }], { format: 'json' });
  assert.notEqual(result.model, model);
  assert.deepEqual(result.findings, analyze(next, { format: 'json' }).findings);
  assert.ok(codes(result.findings).includes('ASL003'));
});

const parallel = JSON.stringify({
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'One', Comment: 'x', States: { One: { Type: 'Pass', End: true } } }],
      End: true,
    },
  },
}, null, 2);

test('a field typed into a branch (outside any nested state) is reported after an in-place edit', () => {
  const { before, after } = edit(parallel, '"Comment": "x"', '"Comment": "x", "Bogus": 1');
  assert.ok(!codes(before).includes('ASL006'));
  assert.ok(codes(after).includes('ASL006'));
});

const noAssignThenPut = assignThenPut.replace('"Assign": {\n        "bucket": "reports-bucket"\n      },', '"Comment": "pick",');

test('IAM002 follows an Assign typed into a state that had none, and its removal', () => {
  assert.notEqual(noAssignThenPut, assignThenPut, 'fixture replacement did not apply');
  const added = edit(noAssignThenPut, '"Comment": "pick",', '"Assign": { "bucket": "reports-bucket" },');
  assert.ok(codes(added.before).includes('IAM002'));
  assert.ok(!codes(added.after).includes('IAM002'));
  const removed = edit(assignThenPut, '"Assign": {\n        "bucket": "reports-bucket"\n      },', '"Comment": "pick",');
  assert.ok(!codes(removed.before).includes('IAM002'));
  assert.ok(codes(removed.after).includes('IAM002'));
});

test('an edit of a Task keeps its scope\'s Pass index and the Assign index; an edit of a Pass state rebuilds only the Pass index', () => {
  const text = JSON.stringify({
    StartAt: 'Pick',
    States: {
      Pick: { Type: 'Pass', Parameters: { bucket: 'reports-bucket' }, ResultPath: '$.target', Next: 'Put' },
      Put: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:putObject', Parameters: { 'Bucket.$': '$.target.bucket', Key: 'kk', Body: 'b' }, Next: 'Archive' },
      Archive: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:putObject', Parameters: { 'Bucket.$': '$archive', Key: 'k', Body: 'b' }, Assign: { archive: 'archive-bucket' }, End: true },
    },
  }, null, 2);
  const previous = analyze(text, { format: 'json' });
  const model = previous.model!;
  const passIndex = () => model.scope.memo?.get('passIndex');
  const assignIndex = () => model.memo?.get('assignIndex');
  assert.ok(passIndex() && assignIndex(), 'IAM002 should have built both indexes');
  const [pass, assign] = [passIndex(), assignIndex()];
  const at = text.indexOf('"kk"') + 2;
  const typed = text.slice(0, at) + 'x' + text.slice(at);
  const afterTask = analyzeChange(previous, typed, [{ offset: at, length: 0, text: 'x' }], { format: 'json' });
  assert.equal(afterTask.model, model);
  assert.equal(passIndex(), pass, 'an edit of the Task must not rebuild the Pass index');
  assert.equal(assignIndex(), assign, 'an edit of a state without Assign must not rebuild the Assign index');
  const inPass = typed.indexOf('reports-bucket') + 1;
  const typedInPass = typed.slice(0, inPass) + 'y' + typed.slice(inPass);
  const afterPass = analyzeChange(afterTask, typedInPass, [{ offset: inPass, length: 0, text: 'y' }], { format: 'json' });
  assert.equal(afterPass.model, model);
  assert.notEqual(passIndex(), pass, 'an edit of what a Pass state writes must rebuild its scope\'s Pass index');
  assert.equal(assignIndex(), assign);
  assert.deepEqual(afterPass.findings, analyze(typedInPass, { format: 'json' }).findings);
  const rebuilt = passIndex();
  const ofPick = typedInPass.indexOf('"ResultPath"');
  const withComment = typedInPass.slice(0, ofPick) + '"Comment": "c", ' + typedInPass.slice(ofPick);
  const afterComment = analyzeChange(afterPass, withComment, [{ offset: ofPick, length: 0, text: '"Comment": "c", ' }], { format: 'json' });
  assert.equal(afterComment.model, model);
  assert.equal(passIndex(), rebuilt, 'a Comment typed into a Pass state changes nothing it writes');
  assert.deepEqual(afterComment.findings, analyze(withComment, { format: 'json' }).findings);
});

const passThenAssume = JSON.stringify({
  StartAt: 'Pick',
  States: {
    Pick: { Type: 'Pass', Parameters: { role: 'arn:aws:iam::123456789012:role/Audit' }, ResultPath: '$.target', Next: 'Call' },
    Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: { 'RoleArn.$': '$.target.role' }, Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f' }, End: true },
  },
}, null, 2);

test('IAM004 follows an edit of the Pass state that writes the role ARN', () => {
  const { before, after } = edit(passThenAssume, '"role": "arn:aws:iam::123456789012:role/Audit"', '"role.$": "$.input.role"');
  assert.ok(!codes(before).includes('IAM004'));
  assert.ok(codes(after).includes('IAM004'));
});
