// Code actions and asl/generatePolicy over a real LSP connection: the ASL003 quick fix applied
// clears its finding (JSON, YAML, versioned edits), answers come from the current version only,
// IAM002 and Task states offer "Generate least-privilege IAM policy", and the policy request gives
// the exact statements in all three formats and a clear error for what it cannot answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionKind, CodeActionRequest, ErrorCodes, ResponseError, type CodeAction, type Diagnostic, type Position, type Range, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { GENERATE_POLICY, GeneratePolicyRequest, SOURCE_GENERATE_POLICY, type GeneratePolicyParams } from '../../protocol';
import { positionOfText, TestClient, type StartOptions } from './lsp-client';
import { POLICY, TYPO, TYPO_YAML } from './samples';

const JSON_URI = 'file:///tmp/actions/typo.asl.json';
const YAML_URI = 'file:///tmp/actions/typo.asl.yaml';
const POLICY_URI = 'file:///tmp/actions/policy.asl.json';

async function withClient(run: (client: TestClient) => Promise<void>, options: StartOptions = {}): Promise<void> {
  const client = await TestClient.start(options);
  try {
    await run(client);
  } finally {
    await client.stop();
  }
}

function offsetOf(text: string, position: Position): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((n, line) => n + line.length + 1, 0) + position.character;
}

/** Applies LSP text edits (non-overlapping) to `text`. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  return sorted.reduce((out, e) => out.slice(0, offsetOf(text, e.range.start)) + e.newText + out.slice(offsetOf(text, e.range.end)), text);
}

/** The edits of a workspace edit for `uri`, whichever shape the server chose. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (edit?.changes) return edit.changes[uri] ?? [];
  return (edit?.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits.filter((e): e is TextEdit => 'range' in e) : []));
}

function codeActions(client: TestClient, uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
}

const rangeAt = (text: string, needle: string, delta = 1): Range => {
  const at = positionOfText(text, needle, delta);
  return { start: at, end: at };
};

async function quickFixRoundTrip(client: TestClient, uri: string, text: string, languageId: string): Promise<void> {
  await client.open(uri, text, languageId);
  const published = await client.diagnosticsFor(uri, 1);
  const diagnostic = published.diagnostics.find((d) => d.code === 'ASL003');
  assert.ok(diagnostic, 'ASL003 is published');
  assert.deepEqual(diagnostic.data, { ruleId: 'ASL003', fixIds: ['replace-target'] });
  const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
  const fix = actions.find((a) => a.kind === CodeActionKind.QuickFix && a.edit);
  assert.ok(fix, `a quick fix with an edit among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(fix.title, 'Change to "Process"');
  assert.equal(fix.isPreferred, true);
  assert.deepEqual(fix.diagnostics, [diagnostic]);
  const fixed = applyEdits(text, editsFor(fix.edit, uri));
  assert.equal(fixed, text.replace('Procss', 'Process'), 'the edit changes exactly the typo');
  const version = await client.change(uri, [{ text: fixed }]);
  const after = await client.diagnosticsFor(uri, version);
  assert.deepEqual(after.diagnostics.map((d) => d.code), [], 'no finding is left once the fix is applied');
}

test('ASL003 quick fix (JSON): applying its edit gives a document without the finding', () =>
  withClient((client) => quickFixRoundTrip(client, JSON_URI, TYPO, 'asl')));

test('ASL003 quick fix (YAML): the replacement is a YAML scalar and clears the finding', () =>
  withClient((client) => quickFixRoundTrip(client, YAML_URI, TYPO_YAML, 'asl-yaml')));

test('with workspaceEdit.documentChanges the fix is pinned to the analysed version', () =>
  withClient(async (client) => {
    await client.open(JSON_URI, TYPO);
    const [diagnostic] = (await client.diagnosticsFor(JSON_URI, 1)).diagnostics.filter((d) => d.code === 'ASL003');
    const [fix] = await codeActions(client, JSON_URI, diagnostic.range, [diagnostic], [CodeActionKind.QuickFix]);
    const change = fix.edit?.documentChanges?.[0];
    assert.ok(change && 'textDocument' in change, 'a TextDocumentEdit');
    assert.deepEqual(change.textDocument, { uri: JSON_URI, version: 1 });
  }, { documentChanges: true }));

test('stateless and current: a diagnostic from an older version, or without the fix id, gets no edit', () =>
  withClient(async (client) => {
    await client.open(JSON_URI, TYPO);
    const [old] = (await client.diagnosticsFor(JSON_URI, 1)).diagnostics.filter((d) => d.code === 'ASL003');
    // Two lines inserted above the typo: the old diagnostic's range no longer holds a finding.
    const version = await client.change(JSON_URI, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '  "Version": "1.0",\n  "TimeoutSeconds": 60,\n' }]);
    const [current] = (await client.diagnosticsFor(JSON_URI, version)).diagnostics.filter((d) => d.code === 'ASL003');
    assert.equal(current.range.start.line, old.range.start.line + 2);
    assert.deepEqual(await codeActions(client, JSON_URI, old.range, [old], [CodeActionKind.QuickFix]), []);
    const fixes = await codeActions(client, JSON_URI, current.range, [current], [CodeActionKind.QuickFix]);
    assert.deepEqual(fixes.map((a) => a.title), ['Change to "Process"']);
    // The data round-trips: a client whose diagnostic lists no fix ids is offered none.
    assert.deepEqual(await codeActions(client, JSON_URI, current.range, [{ ...current, data: { ruleId: 'ASL003', fixIds: [] } }], [CodeActionKind.QuickFix]), []);
    // Someone else's diagnostic on the same range is not ours to fix.
    assert.deepEqual(await codeActions(client, JSON_URI, current.range, [{ ...current, source: 'other-linter', data: undefined }], [CodeActionKind.QuickFix]), []);
  }));

test('IAM002 gets a quick fix that runs aslGuard.generatePolicy for its state (a command, no edit)', () =>
  withClient(async (client) => {
    await client.open(POLICY_URI, POLICY);
    const iam002 = (await client.diagnosticsFor(POLICY_URI, 1)).diagnostics.filter((d) => d.code === 'IAM002');
    assert.equal(iam002.length, 1, 'one IAM002 (FunctionName.$)');
    assert.deepEqual(iam002[0].range.start, positionOfText(POLICY, '"$.fn"'));
    const actions = await codeActions(client, POLICY_URI, iam002[0].range, iam002, [CodeActionKind.QuickFix]);
    assert.deepEqual(actions, [{
      title: 'Generate least-privilege IAM policy for Invoke',
      kind: CodeActionKind.QuickFix,
      diagnostics: iam002,
      command: { title: 'Generate least-privilege IAM policy for Invoke', command: GENERATE_POLICY, arguments: [{ uri: POLICY_URI, state: 'Invoke' }] },
    }]);
  }));

test('IAM001 in a Map\'s nested Task: the quick fix names that Task, not the Map; other rules get none', () =>
  withClient(async (client) => {
    const text = JSON.stringify({ StartAt: 'Fan', States: { Fan: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'Put', States: {
      Put: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders-*', 'MessageBody.$': '$' }, End: true },
    } } } } }, null, 2);
    const uri = 'file:///tmp/actions/wildcard.asl.json';
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const iam001 = diagnostics.find((d) => d.code === 'IAM001');
    assert.ok(iam001, `IAM001 among ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    const others = diagnostics.filter((d) => d !== iam001);
    assert.ok(others.length > 0, 'another rule fires too (QUO003 on the unbounded Map)');
    const actions = await codeActions(client, uri, iam001.range, diagnostics, [CodeActionKind.QuickFix]);
    assert.deepEqual(actions.map((a) => [a.title, a.command?.arguments?.[0], a.diagnostics]), [
      ['Generate least-privilege IAM policy for Put', { uri, state: 'Put' }, [iam001]],
    ]);
  }));

test('source actions: the Task state under the cursor and the whole document; none for other kinds', () =>
  withClient(async (client) => {
    await client.open(POLICY_URI, POLICY);
    const inNotify = await codeActions(client, POLICY_URI, rangeAt(POLICY, 'sns:publish'), [], [CodeActionKind.Source]);
    assert.deepEqual(inNotify.map((a) => [a.title, a.kind, a.command?.arguments?.[0]]), [
      ['Generate least-privilege IAM policy for Notify', SOURCE_GENERATE_POLICY, { uri: POLICY_URI, state: 'Notify' }],
      ['Generate least-privilege IAM policy for the state machine', SOURCE_GENERATE_POLICY, { uri: POLICY_URI }],
    ]);
    assert.ok(inNotify.every((a) => a.command?.command === GENERATE_POLICY && !a.edit));
    // On the state's name counts as on the state; on StartAt there is no state, only the document.
    const onName = await codeActions(client, POLICY_URI, rangeAt(POLICY, '"Invoke": {'), [], [SOURCE_GENERATE_POLICY]);
    assert.deepEqual(onName.map((a) => a.command?.arguments?.[0].state), ['Invoke', undefined]);
    const onStartAt = await codeActions(client, POLICY_URI, rangeAt(POLICY, '"StartAt"'), [], [CodeActionKind.Source]);
    assert.deepEqual(onStartAt.map((a) => a.title), ['Generate least-privilege IAM policy for the state machine']);
    // A selection across both states is inside neither.
    const across = { start: positionOfText(POLICY, '"Invoke": {'), end: positionOfText(POLICY, '"Notify": {') };
    assert.deepEqual((await codeActions(client, POLICY_URI, across, [], [CodeActionKind.Source])).map((a) => a.command?.arguments?.[0].state), [undefined]);
    assert.deepEqual(await codeActions(client, POLICY_URI, rangeAt(POLICY, 'sns:publish'), [], [CodeActionKind.QuickFix]), []);
  }));

test('a Task whose name repeats in another branch is selected by its JSON pointer', () =>
  withClient(async (client) => {
    const text = JSON.stringify({
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel', End: true,
          Branches: [
            { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/a', 'MessageBody.$': '$' }, End: true } } },
            { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/b', 'MessageBody.$': '$' }, End: true } } },
          ],
        },
      },
    }, null, 2);
    const uri = 'file:///tmp/actions/branches.asl.json';
    await client.open(uri, text);
    const [action] = await codeActions(client, uri, rangeAt(text, '123456789012/b'), [], [SOURCE_GENERATE_POLICY]);
    assert.equal(action.title, 'Generate least-privilege IAM policy for Call');
    const args = action.command?.arguments?.[0];
    assert.deepEqual(args, { uri, state: '/States/Fan/Branches/1/States/Call' });
    const policy = await client.connection.sendRequest(GeneratePolicyRequest, { ...args, format: 'json' });
    assert.deepEqual(JSON.parse(policy.text).Statement.map((s: { Resource: string[] }) => s.Resource), [['arn:aws:sqs:us-east-1:123456789012:b']]);
  }));

test('asl/generatePolicy: the exact JSON policy and its notes', () =>
  withClient(async (client) => {
    await client.open(POLICY_URI, POLICY);
    const result = await client.connection.sendRequest(GeneratePolicyRequest, { uri: POLICY_URI, format: 'json' });
    assert.equal(result.language, 'json');
    assert.deepEqual(JSON.parse(result.text), {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'InvokeLambdaFunctions', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['arn:aws:lambda:<region>:<account-id>:function:*'] },
        { Sid: 'PublishToSnsTopics', Effect: 'Allow', Action: ['sns:Publish'], Resource: ['arn:aws:sns:us-east-1:123456789012:orders'] },
      ],
    });
    assert.equal(result.notes.length, 1);
    const [note] = result.notes;
    assert.equal(note.kind, 'runtime');
    assert.equal(note.state, 'Invoke');
    assert.match(note.message, /FunctionName\) is chosen at run time from \$\.fn/);
    const at = positionOfText(POLICY, '"$.fn"');
    assert.deepEqual(note.range, { start: at, end: { line: at.line, character: at.character + '"$.fn"'.length } });

    const notify = await client.connection.sendRequest(GeneratePolicyRequest, { uri: POLICY_URI, format: 'json', state: 'Notify', includeLogging: true });
    const statements = JSON.parse(notify.text).Statement as { Sid: string; Action: string[]; Resource: string[] }[];
    assert.deepEqual(statements.map((s) => [s.Sid, s.Resource]), [
      ['PublishToSnsTopics', ['arn:aws:sns:us-east-1:123456789012:orders']],
      ['CloudWatchLogsDeliveryNoResourceLevelPermissions', ['*']],
    ]);
    assert.deepEqual(notify.notes.map((n) => n.kind), ['unscopable'], 'the logging statement is explained');
  }));

test('asl/generatePolicy: CloudFormation/SAM YAML and Terraform', () =>
  withClient(async (client) => {
    await client.open(POLICY_URI, POLICY);
    const cfn = await client.connection.sendRequest(GeneratePolicyRequest, { uri: POLICY_URI, format: 'cfn' });
    assert.equal(cfn.language, 'yaml');
    assert.match(cfn.text, /^StateMachinePolicy:\n {2}Type: AWS::IAM::Policy$/m);
    assert.match(cfn.text, /- "lambda:InvokeFunction"\n\s+Resource:\n\s+- \{ "Fn::Sub": "arn:aws:lambda:\$\{AWS::Region\}:\$\{AWS::AccountId\}:function:\*" \}/);
    assert.match(cfn.text, /- "sns:Publish"\n\s+Resource:\n\s+- "arn:aws:sns:us-east-1:123456789012:orders"/);
    const tf = await client.connection.sendRequest(GeneratePolicyRequest, { uri: POLICY_URI, format: 'terraform' });
    assert.equal(tf.language, 'terraform');
    assert.match(tf.text, /^data "aws_iam_policy_document" "state_machine" \{$/m);
    assert.match(tf.text, /actions {3}= \["lambda:InvokeFunction"\]\n\s+resources = \["arn:aws:lambda:\$\{data\.aws_region\.current\.name\}:\$\{data\.aws_caller_identity\.current\.account_id\}:function:\*"\]/);
    assert.match(tf.text, /actions {3}= \["sns:Publish"\]\n\s+resources = \["arn:aws:sns:us-east-1:123456789012:orders"\]/);
  }));

test('asl/generatePolicy: a closed or unknown document, an unknown state or format, a non-state-machine: InvalidParams, and the server stays up', () =>
  withClient(async (client) => {
    const failure = async (params: GeneratePolicyParams, message: RegExp) => {
      const error = await client.connection.sendRequest(GeneratePolicyRequest, params).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof ResponseError, `an error response for ${JSON.stringify(params)}`);
      assert.equal(error.code, ErrorCodes.InvalidParams);
      assert.match(error.message, message);
    };
    await failure({ uri: 'file:///tmp/actions/never-opened.asl.json', format: 'json' }, /never-opened\.asl\.json is not open in the ASL Guard language server/);
    await client.open(POLICY_URI, POLICY);
    await failure({ uri: POLICY_URI, format: 'json', state: 'Nope' }, /has no state named "Nope"/);
    await failure({ uri: POLICY_URI, format: 'xml' as never }, /"format" must be one of json, cfn, terraform/);
    await failure({ format: 'json' } as never, /needs the "uri"/);
    await client.close(POLICY_URI);
    await failure({ uri: POLICY_URI, format: 'json' }, /is not open/);
    const plain = 'file:///tmp/actions/package.json';
    await client.open(plain, '{ "name": "x" }\n', 'json');
    await failure({ uri: plain, format: 'json' }, /has no states to derive a policy from/);
    await client.open(POLICY_URI, POLICY);
    const ok = await client.connection.sendRequest(GeneratePolicyRequest, { uri: POLICY_URI, format: 'json' });
    assert.match(ok.text, /sns:Publish/);
    assert.ok(client.alive);
  }));
